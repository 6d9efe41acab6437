import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { systemActor } from '../access/index.ts';
import { plannedCapture, plannedRefund } from './payment-amounts.ts';
import {
  type NewPaymentTransaction,
  recordPaymentChange,
  recordPaymentTransactions,
} from './payment-change.ts';
import { paymentProviders } from './payment-providers.ts';
import { paymentWebhookSecretOf } from './payment-settings.ts';
import { assertPaymentTransition } from './payment-states.ts';
import { lockPayment, type Payment } from './payments.ts';
import type { ProviderWebhookEvent } from './provider.ts';
import { type PaymentProviderKey, paymentProviderKeys, payments, paymentTransactions } from './schema.ts';

export interface WebhookOutcome {
  received: true;
  /** Whether this delivery changed the payment (false for a replay, or an event that does not fit). */
  applied: boolean;
  duplicate: boolean;
  paymentId: string;
  state: Payment['state'];
  /** Why an event that does not fit the payment was not applied (e.g. `refund_exceeds_captured`). */
  error?: string;
}

function isProviderKey(key: string): key is PaymentProviderKey {
  return (paymentProviderKeys as readonly string[]).includes(key);
}

/**
 * Receives an event a provider posted: verifies it with the secret of the store whose payment it
 * names, then applies it once per provider event id (a replay answers `duplicate` and changes
 * nothing). An event that does not fit the payment (a refund beyond what was captured, a failure
 * of a captured payment) is recorded as a failed transaction and answered 200 with `error`, so the
 * provider stops retrying it.
 */
export async function receivePaymentWebhook(
  db: Db,
  providerKey: string,
  headers: Readonly<Record<string, string>>,
  rawBody: string,
): Promise<WebhookOutcome> {
  if (!isProviderKey(providerKey)) throw notFound('Payment provider', { provider: providerKey });
  let target: { id: string; storeId: string } | undefined;
  const event = await paymentProviders[providerKey].parseWebhook(headers, rawBody, async (reference) => {
    [target] = await db
      .select({ id: payments.id, storeId: payments.storeId })
      .from(payments)
      .where(and(eq(payments.provider, providerKey), eq(payments.providerReference, reference)));
    if (!target) throw notFound('Payment', { providerReference: reference });
    return paymentWebhookSecretOf(db, target.storeId);
  });
  const payment = target!;
  return db.transaction((tx) => applyProviderEvent(tx, payment, event));
}

async function applyProviderEvent(
  tx: Db,
  target: { id: string; storeId: string },
  event: ProviderWebhookEvent,
): Promise<WebhookOutcome> {
  // The lock also serialises two deliveries of one event: the second sees the first's ledger row.
  const before = await lockPayment(tx, target.storeId, target.id);
  const outcome = (applied: boolean, payment: Payment, extra: Partial<WebhookOutcome> = {}) => ({
    received: true as const,
    applied,
    duplicate: false,
    paymentId: payment.id,
    state: payment.state,
    ...extra,
  });
  const [seen] = await tx
    .select({ id: paymentTransactions.id })
    .from(paymentTransactions)
    .where(
      and(
        eq(paymentTransactions.paymentId, before.id),
        eq(paymentTransactions.providerEventId, event.eventId),
      ),
    );
  if (seen) return outcome(false, before, { duplicate: true });

  const fromWebhook = {
    source: 'webhook',
    providerEventId: event.eventId,
    providerReference: event.providerReference,
  } as const;
  const actor = systemActor(`${before.provider} webhook`);
  const context = { webhookEventId: event.eventId };
  try {
    if (event.kind === 'capture') {
      const plan = plannedCapture(before, event.amount ?? undefined, 'capture');
      const after = await recordPaymentChange(tx, actor, {
        before,
        patch: { state: plan.to, capturedAmount: plan.capturedAmount, actionUrl: null },
        transactions: [{ ...fromWebhook, kind: 'capture', amount: plan.amount, outcome: 'succeeded' }],
        action: 'captured',
        context,
      });
      return outcome(true, after);
    }
    if (event.kind === 'refund') {
      const amount = event.amount ?? Number.NaN;
      const plan = plannedRefund(before, amount);
      const after = await recordPaymentChange(tx, actor, {
        before,
        patch: { state: plan.to, refundedAmount: plan.refundedAmount },
        transactions: [{ ...fromWebhook, kind: 'refund', amount, outcome: 'succeeded' }],
        action: 'refunded',
        context,
      });
      return outcome(true, after);
    }
    assertPaymentTransition(before.state, 'failed', 'fail');
    const declineCode = event.code ?? 'processing_error';
    const after = await recordPaymentChange(tx, actor, {
      before,
      patch: { state: 'failed', declineCode, actionUrl: null },
      transactions: [
        { ...fromWebhook, kind: 'failure', amount: before.amount, outcome: 'failed', errorCode: declineCode },
      ],
      action: 'failed',
      context,
    });
    return outcome(true, after);
  } catch (err) {
    // Checks refuse before anything is written, so the transaction is still good for the record.
    if (!(err instanceof AppError) || err.status >= 500) throw err;
    const refused: NewPaymentTransaction = {
      ...fromWebhook,
      kind: event.kind,
      amount: event.amount ?? 0,
      outcome: 'failed',
      errorCode: err.code,
      note: err.message,
    };
    await recordPaymentTransactions(tx, before, [refused]);
    return outcome(false, before, { error: err.code });
  }
}
