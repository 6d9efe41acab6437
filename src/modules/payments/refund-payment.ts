import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../access/index.ts';
import { providerRefused } from './capture-payment.ts';
import { plannedRefund } from './payment-amounts.ts';
import { recordPaymentChange } from './payment-change.ts';
import { paymentProviders } from './payment-providers.ts';
import { lockPayment, type Payment } from './payments.ts';

const refundInput = z
  .object({
    amount: z.number(),
    reason: z.string().trim().max(500).optional(),
    /** The orders module's refund this belongs to. */
    refundId: z.string().trim().min(1).max(64).optional(),
  })
  .strict();

/**
 * Gives captured money back: never more than captured − refunded, however many refunds race (the
 * payment row is locked, so they apply one after the other). → `partially_refunded` or `refunded`.
 * Errors: 409 `refund_exceeds_captured` `{ refundable }`, 409 `illegal_transition` (nothing
 * captured, or all refunded already), 409 `payment_provider_refused`, 422 `invalid_amount`.
 */
export async function refundPayment(
  tx: Db,
  storeId: string,
  actor: Actor,
  paymentId: string,
  input: { amount: number; reason?: string; refundId?: string },
): Promise<Payment> {
  const data = refundInput.parse(input);
  const before = await lockPayment(tx, storeId, paymentId);
  const plan = plannedRefund(before, data.amount);
  const result = await paymentProviders[before.provider].refund({
    reference: before.providerReference,
    amount: data.amount,
    currency: before.currency,
    remaining: plan.refundable,
    reason: data.reason ?? null,
  });
  if (!result.ok) throw providerRefused(result, 'refund');
  return recordPaymentChange(tx, actor, {
    before,
    patch: { state: plan.to, refundedAmount: plan.refundedAmount },
    transactions: [
      {
        kind: 'refund',
        amount: data.amount,
        outcome: 'succeeded',
        providerReference: result.reference,
        refundId: data.refundId ?? null,
        note: data.reason || null,
      },
    ],
    action: 'refunded',
    context: {
      refund: { amount: data.amount, reason: data.reason ?? null, refundId: data.refundId ?? null },
    },
  });
}
