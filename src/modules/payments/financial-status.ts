import type { Payment } from './payments.ts';

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

/**
 * An order's payment status from its payments (docs/payments.md, "The order's payment status").
 * Money taken decides first: refunds, then whether the captures cover the order's total. With
 * nothing captured, the live payments decide (authorised, then a pending step, then awaiting
 * money); with none live, the latest attempt's end (voided or failed). No payment at all: pending.
 */
export function financialStatusOf(payments: readonly Payment[], orderTotal: number): FinancialStatus {
  let captured = 0;
  let refunded = 0;
  for (const p of payments) {
    captured += p.capturedAmount;
    refunded += p.refundedAmount;
  }
  if (captured > 0) {
    if (refunded >= captured) return 'refunded';
    if (refunded > 0) return 'partially_refunded';
    return captured >= orderTotal ? 'paid' : 'partially_paid';
  }
  const live = payments.filter((p) => p.state !== 'voided' && p.state !== 'failed');
  if (live.some((p) => p.state === 'authorised')) return 'authorised';
  if (live.some((p) => p.state === 'requires_action')) return 'requires_action';
  if (live.length > 0 || payments.length === 0) return 'pending';
  const latest = payments.reduce((a, b) =>
    b.createdAt.getTime() > a.createdAt.getTime() ||
    (b.createdAt.getTime() === a.createdAt.getTime() && b.id > a.id)
      ? b
      : a,
  );
  return latest.state === 'voided' ? 'voided' : 'failed';
}
