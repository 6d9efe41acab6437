import { conflict, unprocessable } from '../../platform/errors.ts';
import { assertPaymentTransition, capturedStateOf, type PaymentAction } from './payment-states.ts';
import type { Payment } from './payments.ts';
import type { PaymentState } from './schema.ts';

/** What may still be captured: the authorised amount less what was captured. */
export const capturableOf = (p: Pick<Payment, 'amount' | 'capturedAmount'>) => p.amount - p.capturedAmount;

/** What may still be refunded: what was captured less what was refunded. */
export const refundableOf = (p: Pick<Payment, 'capturedAmount' | 'refundedAmount'>) =>
  p.capturedAmount - p.refundedAmount;

function checkAmountForm(amount: number | undefined, path: string): void {
  if (amount === undefined) return;
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    throw unprocessable('invalid_amount', 'The amount must be a whole number of minor units above 0.', {
      path,
    });
  }
}

/**
 * Checks a capture (or a manual payment's receipt) of `amount` (all that remains when left out)
 * against the state machine and the amounts, and says what it leads to. 409 `illegal_transition`,
 * 409 `capture_exceeds_authorised` with `{ capturable }`, 422 `invalid_amount`.
 */
export function plannedCapture(
  payment: Payment,
  requested: number | undefined,
  action: Extract<PaymentAction, 'capture' | 'receive'>,
): { amount: number; capturable: number; to: PaymentState; capturedAmount: number } {
  checkAmountForm(requested, 'amount');
  const capturable = capturableOf(payment);
  const amount = requested ?? capturable;
  const capturedAmount = payment.capturedAmount + amount;
  const to = capturedStateOf(capturedAmount, payment.refundedAmount);
  assertPaymentTransition(payment.state, to, action);
  if (amount === 0 || amount > capturable) {
    throw conflict(
      'capture_exceeds_authorised',
      `At most ${capturable} (minor units) is left to capture on this payment.`,
      { capturable },
    );
  }
  return { amount, capturable, to, capturedAmount };
}

/**
 * Checks a refund of `amount`: never more than captured − refunded. 409 `refund_exceeds_captured`
 * with `{ refundable }` (0 once all is refunded), 409 `illegal_transition` (nothing captured),
 * 422 `invalid_amount`.
 */
export function plannedRefund(
  payment: Payment,
  amount: number,
): { refundable: number; to: PaymentState; refundedAmount: number } {
  if (amount === undefined)
    throw unprocessable('invalid_amount', 'Say how much to refund.', { path: 'amount' });
  checkAmountForm(amount, 'amount');
  const refundable = refundableOf(payment);
  const refundedAmount = payment.refundedAmount + amount;
  const to: PaymentState = refundedAmount >= payment.capturedAmount ? 'refunded' : 'partially_refunded';
  // Money was taken but not this much is left: say how much is (a refunded payment has 0 left).
  if (payment.capturedAmount > 0 && amount > refundable) {
    throw conflict(
      'refund_exceeds_captured',
      `At most ${refundable} (minor units) can be refunded on this payment.`,
      { refundable },
    );
  }
  assertPaymentTransition(payment.state, to, 'refund');
  return { refundable, to, refundedAmount };
}
