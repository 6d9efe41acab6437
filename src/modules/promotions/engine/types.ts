/*
 * The discount engine's vocabulary. The engine is pure: it gets a cart, the discounts that might
 * apply (with their usage counts) and the context, and answers what applies where; it reads no
 * database and no clock. Amounts are integer minor units of the cart's currency.
 */

export const discountKinds = ['code', 'automatic'] as const;
export type DiscountKind = (typeof discountKinds)[number];

export const discountTypes = ['percentage', 'fixed_amount', 'free_shipping', 'buy_x_get_y'] as const;
export type DiscountType = (typeof discountTypes)[number];

/**
 * Shopify-style classes, for combination rules: what a discount reduces. Percentage and fixed
 * amounts on the whole order are `order`; on products or collections, and buy X get Y, `product`;
 * free shipping `shipping`.
 */
export const discountClasses = ['product', 'order', 'shipping'] as const;
export type DiscountClass = (typeof discountClasses)[number];

/** Per ISO 4217 code, an amount in that currency's minor units: `{ EUR: 500, JPY: 700 }`. */
export type CurrencyAmounts = Record<string, number>;

/** Items a discount is about: products, or products in collections. */
export type ItemTarget =
  | { scope: 'products'; productIds: string[] }
  | { scope: 'collections'; collectionIds: string[] };
export type DiscountTarget = { scope: 'order' } | ItemTarget;

export interface BuyXGetY {
  /** X: the items to buy, and how many units (`quantity`) or how much of them (`minimumAmounts`). */
  buys: { items: ItemTarget; quantity: number | null; minimumAmounts: CurrencyAmounts | null };
  /** Y: the items that get the discount, how many units per use, and the discount on them (10000 = free). */
  gets: { items: ItemTarget; quantity: number; percentBp: number };
  /** How many times the offer may repeat in one order; null: as often as the cart allows. */
  maxUsesPerOrder: number | null;
}

/** Whether a discount may apply together with discounts of each class (both sides must agree). */
export interface CombinesWith {
  order: boolean;
  product: boolean;
  shipping: boolean;
}

/** A discount as the engine sees it, with the usage counts it needs for its limits. */
export interface DiscountCandidate {
  id: string;
  title: string;
  kind: DiscountKind;
  /** For `code` discounts: the codes that unlock it (at least those the customer entered). */
  codes: string[];
  type: DiscountType;
  /** `percentage`: basis points, 1..10000 (1000 = 10 %). */
  percentBp: number | null;
  /** `fixed_amount`: the amount per currency; a cart in another currency gets nothing. */
  amounts: CurrencyAmounts | null;
  /** `percentage` and `fixed_amount`: what they reduce. */
  appliesTo: DiscountTarget;
  /**
   * `fixed_amount` on products or collections: true takes the amount once off the matching lines
   * together; false takes it off each matching unit. An order-wide amount is always once.
   */
  oncePerOrder: boolean;
  buyXGetY: BuyXGetY | null;
  minimumSubtotal: CurrencyAmounts | null;
  minimumQuantity: number | null;
  /** The customer must be in one of these (empty: everyone). */
  customerSegments: string[];
  startsAt: Date;
  endsAt: Date | null;
  usageLimit: number | null;
  used: number;
  perCustomerLimit: number | null;
  /** Uses by the customer in the context (reserved or committed). */
  customerUsed: number;
  combinesWith: CombinesWith;
  enabled: boolean;
}

export interface CartLine {
  lineId: string;
  variantId?: string | null;
  productId: string;
  /** The collections the product is in (the catalog answers it: `collectionsOfProducts`). */
  collectionIds: string[];
  quantity: number;
  /** Price of one unit before discounts, minor units. */
  unitAmount: number;
}

export interface Cart {
  currency: string;
  lines: CartLine[];
  shippingAmount: number;
}

export interface DiscountContext {
  now: Date;
  /** Who is buying: the lower-cased e-mail for now, later the customer id. Null: a guest not yet known. */
  customerKey: string | null;
  /** The customer's segments; the customers module will supply them (until then the caller passes them). */
  segments: string[];
  /** Codes the customer entered, as typed; matched without regard to case. */
  codes: string[];
}

/** Why a discount did not apply. Machine-readable; `details` carries the numbers behind it. */
export const rejectionReasons = [
  'unknown_code',
  'disabled',
  'not_started',
  'expired',
  'usage_limit_reached',
  'customer_required',
  'customer_limit_reached',
  'customer_not_eligible',
  'wrong_currency',
  'not_applicable',
  'below_minimum_quantity',
  'below_minimum_subtotal',
  'does_not_combine',
  'nothing_to_discount',
] as const;
export type RejectionReason = (typeof rejectionReasons)[number];

export interface Allocation {
  discountId: string;
  amount: number;
}

export interface LineResult {
  lineId: string;
  /** unitAmount × quantity. */
  subtotal: number;
  /** Sum of `allocations`; never more than `subtotal`. */
  discount: number;
  total: number;
  allocations: Allocation[];
}

export interface AppliedDiscount {
  discountId: string;
  title: string;
  /** The code that unlocked it, as the discount stores it; null for automatic discounts. */
  code: string | null;
  type: DiscountType;
  class: DiscountClass;
  /** lineAmount + shippingAmount. */
  amount: number;
  lineAmount: number;
  shippingAmount: number;
}

export interface RejectedDiscount {
  discountId: string | null;
  code: string | null;
  reason: RejectionReason;
  details?: Record<string, unknown>;
}

export interface DiscountResult {
  currency: string;
  lines: LineResult[];
  shipping: { amount: number; discount: number; total: number; allocations: Allocation[] };
  subtotal: number;
  /** Sum of the lines' discounts. */
  lineDiscountTotal: number;
  shippingDiscountTotal: number;
  /** lineDiscountTotal + shippingDiscountTotal = the sum of `applied` amounts. */
  discountTotal: number;
  /** subtotal − lineDiscountTotal + shipping amount − shippingDiscountTotal. */
  total: number;
  /** In the order they were applied. */
  applied: AppliedDiscount[];
  rejected: RejectedDiscount[];
}
