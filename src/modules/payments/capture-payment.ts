import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { conflict } from '../../platform/errors.ts';
import type { Actor } from '../access/index.ts';
import { plannedCapture } from './payment-amounts.ts';
import { recordPaymentChange } from './payment-change.ts';
import { paymentProviders } from './payment-providers.ts';
import { lockPayment, type Payment } from './payments.ts';
import type { ProviderCallResult } from './provider.ts';

/** 409 `payment_provider_refused`: the provider said no (its code in details); nothing changed. */
export function providerRefused(result: Extract<ProviderCallResult, { ok: false }>, what: string) {
  return conflict('payment_provider_refused', `The payment provider refused the ${what}.`, {
    code: result.errorCode,
  });
}

/**
 * Takes authorised card money: `amount` (minor units; all that remains when left out). Partial
 * captures add up to at most the authorised amount. Errors: 409 `illegal_transition` (nothing
 * authorised), 409 `capture_exceeds_authorised` `{ capturable }`, 409 `capture_not_supported`
 * (a manual payment: mark it received), 409 `payment_provider_refused`, 422 `invalid_amount`.
 */
export async function capturePayment(
  tx: Db,
  storeId: string,
  actor: Actor,
  paymentId: string,
  amount?: number,
): Promise<Payment> {
  const before = await lockPayment(tx, storeId, paymentId);
  if (before.provider === 'manual') {
    throw conflict('capture_not_supported', 'A manual payment is captured by marking it received.', {
      provider: before.provider,
    });
  }
  const plan = plannedCapture(before, amount, 'capture');
  const result = await paymentProviders[before.provider].capture({
    reference: before.providerReference,
    amount: plan.amount,
    currency: before.currency,
    remaining: plan.capturable,
  });
  if (!result.ok) throw providerRefused(result, 'capture');
  return recordPaymentChange(tx, actor, {
    before,
    patch: { state: plan.to, capturedAmount: plan.capturedAmount },
    transactions: [
      { kind: 'capture', amount: plan.amount, outcome: 'succeeded', providerReference: result.reference },
    ],
    action: 'captured',
  });
}

const receivedInput = z
  .object({
    amount: z.number().optional(),
    /** The bank transfer's reference, a receipt number… */
    reference: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

/**
 * Staff record money that arrived for a manual payment (bank transfer, cash on delivery):
 * `pending → captured`. `amount` defaults to all that is expected; several part payments add up to
 * at most the expected amount. Errors: 409 `manual_payments_only`, 409 `illegal_transition`,
 * 409 `capture_exceeds_authorised` `{ capturable }`, 422 `invalid_amount`.
 */
export async function markPaymentReceived(
  tx: Db,
  storeId: string,
  actor: Actor,
  paymentId: string,
  input: { amount?: number; reference?: string } = {},
): Promise<Payment> {
  const data = receivedInput.parse(input);
  const before = await lockPayment(tx, storeId, paymentId);
  if (before.provider !== 'manual') {
    throw conflict(
      'manual_payments_only',
      'Only a manual payment is marked received; capture a card payment.',
      {
        provider: before.provider,
      },
    );
  }
  const plan = plannedCapture(before, data.amount, 'receive');
  const result = await paymentProviders.manual.capture({
    reference: data.reference ?? before.providerReference,
    amount: plan.amount,
    currency: before.currency,
    remaining: plan.capturable,
  });
  if (!result.ok) throw providerRefused(result, 'receipt');
  return recordPaymentChange(tx, actor, {
    before,
    patch: { state: plan.to, capturedAmount: plan.capturedAmount, providerReference: result.reference },
    transactions: [
      { kind: 'capture', amount: plan.amount, outcome: 'succeeded', providerReference: result.reference },
    ],
    action: 'received',
  });
}
