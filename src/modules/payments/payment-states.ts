import { conflict } from '../../platform/errors.ts';
import type { PaymentState } from './schema.ts';

/**
 * The payment row's life (docs/payments.md, "States"): which state may follow which. A payment
 * starts in the state its authorisation gave it (pending, requires_action, authorised, captured or
 * failed). `captured → captured` is a further partial capture; refunds move a captured payment to
 * partially_refunded and refunded. refunded, voided and failed are final.
 */
export const paymentTransitions: Readonly<Record<PaymentState, readonly PaymentState[]>> = {
  pending: ['requires_action', 'authorised', 'captured', 'voided', 'failed'],
  requires_action: ['authorised', 'captured', 'voided', 'failed'],
  authorised: ['captured', 'voided', 'failed'],
  captured: ['captured', 'partially_refunded', 'refunded'],
  partially_refunded: ['partially_refunded', 'refunded'],
  refunded: [],
  voided: [],
  failed: [],
};

export type PaymentAction = 'confirm_action' | 'capture' | 'receive' | 'void' | 'refund' | 'fail';

/**
 * Where each operation may start. A legal pair of states is not enough on its own: capturing
 * card money from a manual payment that is still `pending` would jump pending → captured, which
 * only receiving the transfer may do.
 */
export const paymentActionStarts: Readonly<Record<PaymentAction, readonly PaymentState[]>> = {
  confirm_action: ['requires_action'],
  capture: ['authorised', 'captured', 'partially_refunded'],
  receive: ['pending', 'captured', 'partially_refunded'],
  void: ['pending', 'requires_action', 'authorised'],
  refund: ['captured', 'partially_refunded'],
  fail: ['pending', 'requires_action', 'authorised'],
};

export function canTransitionPayment(from: PaymentState, to: PaymentState): boolean {
  return paymentTransitions[from].includes(to);
}

/** 409 `illegal_transition` with `{ machine: 'payment', from, to, action }`. */
export function illegalPaymentTransition(from: PaymentState, to: PaymentState, action: PaymentAction) {
  return conflict('illegal_transition', `A payment cannot go from ${from} to ${to} (${action}).`, {
    machine: 'payment',
    from,
    to,
    action,
  });
}

/** Throws 409 `illegal_transition` unless `action` may start in `from` and `from → to` is in the table. */
export function assertPaymentTransition(from: PaymentState, to: PaymentState, action: PaymentAction): void {
  if (paymentActionStarts[action].includes(from) && canTransitionPayment(from, to)) return;
  throw illegalPaymentTransition(from, to, action);
}

/** The state of money that has been captured, from the running amounts. */
export function capturedStateOf(capturedAmount: number, refundedAmount: number): PaymentState {
  if (refundedAmount === 0) return 'captured';
  return refundedAmount >= capturedAmount ? 'refunded' : 'partially_refunded';
}
