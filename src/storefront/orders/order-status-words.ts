import type { ReturnReason, ReturnStatus } from '../../modules/orders/index.ts';
import type { StorefrontMessages } from '../locales/messages/storefront-messages.ts';

export type StatusTone = 'ok' | 'wait' | 'done' | 'stop';

/**
 * Where an order stands, in one phrase a shopper understands: what happened last to it counts
 * (cancelled or refunded before delivered, delivered before shipped, shipped before paid).
 */
export function orderStatusText(
  t: StorefrontMessages,
  order: { status: string; financialStatus: string; fulfilmentStatus: string },
): { text: string; tone: StatusTone } {
  if (order.status === 'cancelled') return { text: t.orderStatusCancelled, tone: 'stop' };
  if (order.financialStatus === 'refunded') return { text: t.orderStatusRefunded, tone: 'stop' };
  if (order.fulfilmentStatus === 'delivered') return { text: t.orderStatusDelivered, tone: 'done' };
  if (order.fulfilmentStatus === 'fulfilled') return { text: t.orderStatusShipped, tone: 'done' };
  if (order.fulfilmentStatus === 'partially_fulfilled')
    return { text: t.orderStatusPartlyShipped, tone: 'ok' };
  if (order.financialStatus === 'requires_action')
    return { text: t.orderStatusAwaitingConfirmation, tone: 'wait' };
  if (order.financialStatus === 'pending') return { text: t.orderStatusAwaitingPayment, tone: 'wait' };
  if (order.financialStatus === 'paid' || order.financialStatus === 'partially_refunded') {
    return { text: t.orderStatusPaid, tone: 'ok' };
  }
  return { text: t.orderStatusConfirmed, tone: 'ok' };
}

export function returnStatusText(t: StorefrontMessages, status: ReturnStatus): string {
  switch (status) {
    case 'requested':
      return t.orderReturnRequested;
    case 'approved':
      return t.orderReturnApproved;
    case 'rejected':
      return t.orderReturnRejected;
    case 'received':
      return t.orderReturnReceived;
    case 'closed':
      return t.orderReturnClosedStatus;
    case 'cancelled':
      return t.orderReturnCancelled;
  }
}

export function returnReasonText(t: StorefrontMessages, reason: ReturnReason): string {
  switch (reason) {
    case 'too_small':
      return t.returnReasonTooSmall;
    case 'too_large':
      return t.returnReasonTooLarge;
    case 'not_as_described':
      return t.returnReasonNotAsDescribed;
    case 'damaged':
      return t.returnReasonDamaged;
    case 'defective':
      return t.returnReasonDefective;
    case 'wrong_item':
      return t.returnReasonWrongItem;
    case 'changed_mind':
      return t.returnReasonChangedMind;
    case 'arrived_late':
      return t.returnReasonArrivedLate;
    case 'other':
      return t.returnReasonOther;
  }
}
