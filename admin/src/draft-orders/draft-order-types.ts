/** Shapes of the draft orders API (src/modules/checkout/drafts/). Money is minor units of `currency`. */

export type DraftStatus = 'open' | 'invoice_sent' | 'completed';
export const draftStatuses: readonly DraftStatus[] = ['open', 'invoice_sent', 'completed'];

/** What a draft still needs before its link can be sent or it can be completed. */
export type DraftStep = 'lines' | 'purchasable' | 'email' | 'address' | 'shipping';

export interface DraftAddress {
  firstName: string;
  lastName: string;
  company: string | null;
  line1: string;
  line2: string | null;
  city: string;
  postalCode: string | null;
  /** ISO 3166-2 (US-CA). */
  region: string | null;
  country: string;
  phone: string | null;
}

export interface SavedAddress extends DraftAddress {
  id: string;
  isDefault: boolean;
}

export interface PricedLine {
  lineId: string;
  variantId: string;
  productId: string | null;
  title: string | null;
  variantTitle: string;
  sku: string | null;
  imageUrl: string | null;
  quantity: number;
  unitAmount: number;
  subtotal: number;
  discount: number;
  tax: number;
  total: number;
  availability: { status: string; available: number | null } | null;
  problem: string | null;
}

export interface ShippingChoice {
  type: 'delivery' | 'pickup';
  key: string;
  name: string;
  amount: number;
  estimate: { earliest?: string; latest?: string; readyOn?: string; readyAt?: string } | null;
}

export interface PricedDraft {
  currency: string;
  country: string | null;
  lines: PricedLine[];
  shipping: {
    required: boolean;
    destination: { country: string; region: string | null } | null;
    mode: 'selected' | 'estimate' | 'none';
    options: ShippingChoice[];
    option: ShippingChoice | null;
    amount: number;
    discount: number;
    total: number;
    unavailableReason: string | null;
  };
  discounts: {
    applied: { discountId: string; title: string; code: string | null; amount: number }[];
    rejected: { code: string; reason: string; message: string; kept: boolean }[];
  };
  tax: {
    computed: boolean;
    pricesIncludeTax: boolean;
    byRate: { rateId: string; name: string; ratePpm: number; amount: number }[];
  };
  totals: {
    subtotal: number;
    discountTotal: number;
    shippingTotal: number;
    taxTotal: number;
    total: number;
    taxesIncluded: boolean;
  };
  problems: { code: string; lineId?: string; message: string }[];
  itemCount: number;
  purchasable: boolean;
}

export interface DraftOrder {
  id: string;
  name: string;
  status: DraftStatus;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  invoiceSentAt: string | null;
  email: string | null;
  customer: { id: string; email: string; firstName: string | null; lastName: string | null } | null;
  savedAddresses: SavedAddress[];
  shippingAddress: DraftAddress | null;
  billingAddress: DraftAddress | null;
  shippingOptionKey: string | null;
  discountCodes: string[];
  note: string;
  locale: string;
  currency: string;
  lines: { id: string; variantId: string; quantity: number }[];
  /** What it costs now; null once it is an order. */
  priced: PricedDraft | null;
  missing: DraftStep[];
  order: {
    id: string;
    number: number | null;
    total: number;
    currency: string;
    financialStatus: string;
  } | null;
}

export interface DraftOrderSummary {
  id: string;
  name: string;
  status: DraftStatus;
  email: string | null;
  customerName: string | null;
  currency: string;
  total: number | null;
  itemCount: number;
  createdAt: string;
  updatedAt: string;
  invoiceSentAt: string | null;
  order: { id: string; number: number | null } | null;
}

/** A change of a draft, as PATCH (and POST) take it: fields left out stay, null clears. */
export interface DraftChange {
  lines?: { variantId: string; quantity: number }[];
  customer?: { email: string } | { customerId: string } | null;
  shippingAddress?: DraftAddress | null;
  billingAddress?: DraftAddress | null;
  shippingOptionKey?: string | null;
  discountCodes?: string[];
  note?: string;
}
