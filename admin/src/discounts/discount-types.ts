/** Shapes of the promotions API's answers (src/modules/promotions, docs/promotions.md). */

export type DiscountKind = 'code' | 'automatic';
export type DiscountType = 'percentage' | 'fixed_amount' | 'free_shipping' | 'buy_x_get_y';
export type DiscountClass = 'product' | 'order' | 'shipping';
export type DiscountStatus = 'active' | 'scheduled' | 'expired' | 'disabled';

/** Minor units per ISO 4217 code: { EUR: 500, JPY: 700 }. */
export type CurrencyAmounts = Record<string, number>;

export type ItemTarget =
  | { scope: 'products'; productIds: string[] }
  | { scope: 'collections'; collectionIds: string[] };
export type DiscountTarget = { scope: 'order' } | ItemTarget;

export interface BuyXGetY {
  buys: { items: ItemTarget; quantity: number | null; minimumAmounts: CurrencyAmounts | null };
  gets: { items: ItemTarget; quantity: number; percentBp: number };
  maxUsesPerOrder: number | null;
}

export interface CombinesWith {
  order: boolean;
  product: boolean;
  shipping: boolean;
}

/** The fields a discount is made of (what creating sends; an update sends any of them but `kind`). */
export interface DiscountDefinition {
  title: string;
  kind: DiscountKind;
  codes: string[];
  type: DiscountType;
  percentBp: number | null;
  amounts: CurrencyAmounts | null;
  appliesTo: DiscountTarget;
  oncePerOrder: boolean;
  buyXGetY: BuyXGetY | null;
  minimumSubtotal: CurrencyAmounts | null;
  minimumQuantity: number | null;
  customerSegments: string[];
  startsAt: string;
  endsAt: string | null;
  usageLimit: number | null;
  perCustomerLimit: number | null;
  combinesWith: CombinesWith;
  enabled: boolean;
}

export interface Discount extends DiscountDefinition {
  id: string;
  class: DiscountClass;
  status: DiscountStatus;
  /** The first codes alphabetically (up to 50); `codeCount` says how many there are. */
  codeCount: number;
  used: number;
  createdAt: string;
  updatedAt: string;
}

export interface DiscountPage {
  items: Discount[];
  total: number;
}

export interface DiscountCode {
  code: string;
  /** Orders holding the code (reserved or committed). */
  used: number;
}

export type RejectionReason =
  | 'unknown_code'
  | 'disabled'
  | 'not_started'
  | 'expired'
  | 'usage_limit_reached'
  | 'customer_required'
  | 'customer_limit_reached'
  | 'customer_not_eligible'
  | 'wrong_currency'
  | 'not_applicable'
  | 'below_minimum_quantity'
  | 'below_minimum_subtotal'
  | 'does_not_combine'
  | 'nothing_to_discount';

export interface Allocation {
  discountId: string;
  amount: number;
}

export interface DiscountResult {
  currency: string;
  lines: { lineId: string; subtotal: number; discount: number; total: number; allocations: Allocation[] }[];
  shipping: { amount: number; discount: number; total: number; allocations: Allocation[] };
  subtotal: number;
  lineDiscountTotal: number;
  shippingDiscountTotal: number;
  discountTotal: number;
  total: number;
  applied: {
    discountId: string;
    title: string;
    code: string | null;
    type: DiscountType;
    class: DiscountClass;
    amount: number;
    lineAmount: number;
    shippingAmount: number;
  }[];
  rejected: {
    discountId: string | null;
    code: string | null;
    reason: RejectionReason;
    details?: Record<string, unknown>;
  }[];
}

export interface EvaluateRequest {
  currency: string;
  lines: { lineId: string; variantId: string; productId: string; quantity: number; unitAmount: number }[];
  shippingAmount: number;
  customerKey: string | null;
  segments: string[];
  codes: string[];
  at?: string;
}
