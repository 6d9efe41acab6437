/**
 * The orders API's answers as the console reads them (src/modules/orders: list-orders.ts,
 * order-read.ts; payments from the payments module). Amounts are integer minor units of the
 * order's currency; times are ISO strings.
 */

export const orderStatuses = ['draft', 'open', 'completed', 'cancelled'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export const financialStatuses = [
  'pending',
  'requires_action',
  'authorised',
  'partially_paid',
  'paid',
  'partially_refunded',
  'refunded',
  'voided',
  'failed',
] as const;
export type FinancialStatus = (typeof financialStatuses)[number];

export const fulfilmentStatuses = ['unfulfilled', 'partially_fulfilled', 'fulfilled', 'delivered'] as const;
export type FulfilmentStatus = (typeof fulfilmentStatuses)[number];

export const orderSorts = ['newest', 'oldest', 'total_desc', 'total_asc'] as const;
export type OrderSort = (typeof orderSorts)[number];

/** A row of GET /orders. */
export interface OrderSummary {
  id: string;
  number: number | null;
  status: OrderStatus;
  financialStatus: FinancialStatus;
  fulfilmentStatus: FulfilmentStatus;
  email: string;
  customerName: string;
  customerId: string | null;
  currency: string;
  total: number;
  refundedAmount: number;
  itemCount: number;
  tags: string[];
  placedAt: string | null;
  createdAt: string;
  paymentProvider: string | null;
  country: string | null;
}

export interface OrderAddress {
  firstName: string;
  lastName: string;
  company: string | null;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string | null;
  country: string;
  phone: string | null;
}

export interface OrderTaxLine {
  rateId: string;
  name: string;
  /** Millionths: 190000 is 19 %. */
  ratePpm: number;
  amount: number;
}

export interface OrderDiscount {
  discountId: string;
  title: string;
  code: string | null;
  amount: number;
}

export interface OrderShipping {
  optionKey: string;
  title: string;
  kind: 'delivery' | 'pickup';
  locationId: string | null;
  amount: number;
  discount: number;
  tax: number;
  taxLines: OrderTaxLine[];
  total: number;
  estimate: { earliest: string; latest: string } | null;
}

export interface OrderLine {
  id: string;
  position: number;
  variantId: string | null;
  productId: string | null;
  title: string;
  variantTitle: string | null;
  sku: string | null;
  /** The product's picture when the API sends one. */
  imageUrl?: string | null;
  quantity: number;
  unitAmount: number;
  subtotal: number;
  discount: number;
  discountAllocations: { discountId: string; amount: number }[];
  tax: number;
  taxLines: OrderTaxLine[];
  total: number;
  requiresShipping: boolean;
  fulfilledQuantity: number;
  refundedQuantity: number;
  refundedAmount: number;
  returnedQuantity: number;
  /** Units refunded before they shipped: they will never ship (part of `refundedQuantity`). */
  removedQuantity: number;
}

export type ParcelStatus = 'shipped' | 'delivered' | 'cancelled';

export interface Parcel {
  id: string;
  status: ParcelStatus;
  locationId: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  shippedAt: string;
  deliveredAt: string | null;
  cancelledAt: string | null;
  lines: { orderLineId: string; quantity: number }[];
}

export interface Refund {
  id: string;
  amount: number;
  currency: string;
  shippingAmount: number;
  extraAmount: number;
  reason: string | null;
  note: string | null;
  paymentId: string | null;
  returnId: string | null;
  actorLabel: string;
  createdAt: string;
  lines: { orderLineId: string; quantity: number; amount: number; restockLocationId: string | null }[];
}

export const returnStatuses = [
  'requested',
  'approved',
  'rejected',
  'received',
  'closed',
  'cancelled',
] as const;
export type ReturnStatus = (typeof returnStatuses)[number];

export const returnReasons = [
  'too_small',
  'too_large',
  'not_as_described',
  'damaged',
  'defective',
  'wrong_item',
  'changed_mind',
  'arrived_late',
  'other',
] as const;
export type ReturnReason = (typeof returnReasons)[number];

export type ReturnResolution = 'refund' | 'exchange' | 'none';
export type ReturnDisposition = 'restock' | 'write_off';

export interface ReturnLine {
  orderLineId: string;
  quantity: number;
  reason: ReturnReason;
  receivedQuantity: number;
  disposition: ReturnDisposition | null;
  locationId: string | null;
}

export interface OrderReturn {
  id: string;
  orderId: string;
  status: ReturnStatus;
  customerComment: string | null;
  staffNote: string | null;
  rejectReason: string | null;
  resolution: ReturnResolution | null;
  refundId: string | null;
  exchangeOrderId: string | null;
  requestedBy: 'customer' | 'staff';
  requestedAt: string;
  approvedAt: string | null;
  receivedAt: string | null;
  closedAt: string | null;
  lines: ReturnLine[];
}

export interface OrderEvent {
  id: string;
  kind: string;
  message: string;
  data: Record<string, unknown>;
  actorLabel: string;
  createdAt: string;
}

export type PaymentState =
  | 'pending'
  | 'requires_action'
  | 'authorised'
  | 'captured'
  | 'partially_refunded'
  | 'refunded'
  | 'voided'
  | 'failed';

export interface Payment {
  id: string;
  provider: 'manual' | 'test_card' | (string & {});
  state: PaymentState;
  captureMode: 'immediate' | 'on_fulfilment';
  currency: string;
  amount: number;
  capturedAmount: number;
  refundedAmount: number;
  declineCode: string | null;
  card: { brand: string; last4: string } | null;
  providerReference: string | null;
  createdAt: string;
}

/** GET /orders/:orderId. */
export interface OrderDetail {
  id: string;
  number: number | null;
  source: 'storefront' | 'admin' | 'api';
  status: OrderStatus;
  financialStatus: FinancialStatus;
  fulfilmentStatus: FulfilmentStatus;
  customerId: string | null;
  email: string;
  phone: string | null;
  locale: string;
  currency: string;
  taxesIncluded: boolean;
  shippingAddress: OrderAddress | null;
  billingAddress: OrderAddress | null;
  shipping: OrderShipping | null;
  discounts: OrderDiscount[];
  taxLines: OrderTaxLine[];
  subtotal: number;
  discountTotal: number;
  shippingTotal: number;
  taxTotal: number;
  total: number;
  refundedAmount: number;
  paymentProvider: string | null;
  tags: string[];
  note: string | null;
  cancelReason: string | null;
  placedAt: string | null;
  cancelledAt: string | null;
  completedAt: string | null;
  createdAt: string;
  lines: OrderLine[];
  fulfilments: Parcel[];
  refunds: Refund[];
  returns: OrderReturn[];
  events: OrderEvent[];
  payments: Payment[];
}
