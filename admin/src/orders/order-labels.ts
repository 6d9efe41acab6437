import type {
  FinancialStatus,
  FulfilmentStatus,
  OrderSort,
  OrderStatus,
  ParcelStatus,
  PaymentState,
  ReturnReason,
  ReturnStatus,
} from './order-types.ts';

/** A state's words and colour, as its badge shows it. */
interface StateLook {
  label: string;
  color: string;
}

export const orderStatusLooks: Record<OrderStatus, StateLook> = {
  draft: { label: 'Draft', color: 'gray' },
  open: { label: 'Open', color: 'blue' },
  completed: { label: 'Completed', color: 'gray' },
  cancelled: { label: 'Cancelled', color: 'red' },
};

export const financialStatusLooks: Record<FinancialStatus, StateLook> = {
  pending: { label: 'Payment pending', color: 'yellow' },
  requires_action: { label: 'Awaiting customer', color: 'yellow' },
  authorised: { label: 'Authorised', color: 'orange' },
  partially_paid: { label: 'Partially paid', color: 'yellow' },
  paid: { label: 'Paid', color: 'teal' },
  partially_refunded: { label: 'Partially refunded', color: 'grape' },
  refunded: { label: 'Refunded', color: 'gray' },
  voided: { label: 'Voided', color: 'gray' },
  failed: { label: 'Payment failed', color: 'red' },
};

export const fulfilmentStatusLooks: Record<FulfilmentStatus, StateLook> = {
  unfulfilled: { label: 'Unfulfilled', color: 'yellow' },
  partially_fulfilled: { label: 'Partially fulfilled', color: 'orange' },
  fulfilled: { label: 'Fulfilled', color: 'teal' },
  delivered: { label: 'Delivered', color: 'green' },
};

export const parcelStatusLooks: Record<ParcelStatus, StateLook> = {
  shipped: { label: 'In transit', color: 'blue' },
  delivered: { label: 'Delivered', color: 'green' },
  cancelled: { label: 'Cancelled', color: 'gray' },
};

export const paymentStateLooks: Record<PaymentState, StateLook> = {
  pending: { label: 'Pending', color: 'yellow' },
  requires_action: { label: 'Awaiting customer', color: 'yellow' },
  authorised: { label: 'Authorised', color: 'orange' },
  captured: { label: 'Captured', color: 'teal' },
  partially_refunded: { label: 'Partially refunded', color: 'grape' },
  refunded: { label: 'Refunded', color: 'gray' },
  voided: { label: 'Voided', color: 'gray' },
  failed: { label: 'Failed', color: 'red' },
};

export const returnStatusLooks: Record<ReturnStatus, StateLook> = {
  requested: { label: 'Requested', color: 'yellow' },
  approved: { label: 'Approved', color: 'blue' },
  rejected: { label: 'Rejected', color: 'red' },
  received: { label: 'Received', color: 'orange' },
  closed: { label: 'Closed', color: 'gray' },
  cancelled: { label: 'Cancelled', color: 'gray' },
};

export const returnReasonLabels: Record<ReturnReason, string> = {
  too_small: 'Too small',
  too_large: 'Too large',
  not_as_described: 'Not as described',
  damaged: 'Arrived damaged',
  defective: 'Defective',
  wrong_item: 'Wrong item sent',
  changed_mind: 'Changed mind',
  arrived_late: 'Arrived too late',
  other: 'Other',
};

export const orderSortLabels: Record<OrderSort, string> = {
  newest: 'Newest first',
  oldest: 'Oldest first',
  total_desc: 'Total, high to low',
  total_asc: 'Total, low to high',
};

export const paymentProviderLabels: Record<string, string> = {
  manual: 'Bank transfer or cash',
  test_card: 'Test card',
};

/** "#1001" for a placed order, "Draft" for one not placed yet (the store's prefix is "#" by default). */
export function orderName(order: { number: number | null }, prefix = '#'): string {
  return order.number === null ? 'Draft' : `${prefix}${order.number}`;
}

/** Turns an API word the console has no label for into something readable: "in_transit" → "In transit". */
export function wordsOf(value: string): string {
  const spaced = value.replace(/_/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
