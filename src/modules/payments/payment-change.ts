import { eq } from 'drizzle-orm';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { appendRows } from '../../platform/db/deferred-appends.ts';
import { emitEvent } from '../../platform/events/index.ts';
import { newId } from '../../platform/ids.ts';
import { type Actor, recordAudit } from '../access/index.ts';
import { type Payment, paymentOfRow } from './payments.ts';
import {
  type PaymentState,
  type PaymentTransactionKind,
  type PaymentTransactionOutcome,
  type PaymentTransactionSource,
  payments,
  paymentTransactions,
} from './schema.ts';

/** The module's event: a payment was made or changed state or amounts (orders refresh their status). */
export const PAYMENT_UPDATED_EVENT = 'payment.updated';

export interface PaymentUpdatedPayload {
  paymentId: string;
  orderId: string;
  state: PaymentState;
  /** null when the payment was just made. */
  previousState: PaymentState | null;
  provider: string;
  currency: string;
  amount: number;
  capturedAmount: number;
  refundedAmount: number;
  [key: string]: unknown;
}

export interface NewPaymentTransaction {
  kind: PaymentTransactionKind;
  amount: number;
  outcome: PaymentTransactionOutcome;
  errorCode?: string | null;
  providerReference?: string | null;
  source?: PaymentTransactionSource;
  providerEventId?: string | null;
  refundId?: string | null;
  note?: string | null;
}

export type PaymentPatch = Partial<
  Pick<
    typeof payments.$inferInsert,
    'state' | 'capturedAmount' | 'refundedAmount' | 'declineCode' | 'providerReference' | 'actionUrl'
  >
>;

/** Appends rows to the payment's ledger, in the order given. */
export async function recordPaymentTransactions(
  tx: Db,
  payment: Pick<Payment, 'id' | 'storeId'>,
  transactions: readonly NewPaymentTransaction[],
): Promise<void> {
  // Each row's `created_at` is the clock as it is appended, and ids grow: they keep their order.
  await appendRows(
    tx,
    paymentTransactions,
    transactions.map((t) => ({
      id: newId('paymentTransaction'),
      storeId: payment.storeId,
      paymentId: payment.id,
      kind: t.kind,
      amount: t.amount,
      outcome: t.outcome,
      errorCode: t.errorCode ?? null,
      providerReference: t.providerReference ?? null,
      source: t.source ?? 'api',
      providerEventId: t.providerEventId ?? null,
      refundId: t.refundId ?? null,
      note: t.note ?? null,
      createdAt: now(),
    })),
  );
}

/**
 * Writes one change of a locked payment: its row, its ledger rows, the audit entry
 * (`payment.<action>`, before/after) and the `payment.updated` event, all in the caller's transaction.
 */
export async function recordPaymentChange(
  tx: Db,
  actor: Actor,
  change: {
    before: Payment;
    patch: PaymentPatch;
    transactions: readonly NewPaymentTransaction[];
    action: string;
    /** Extra facts for the audit entry (a refund's reason, a webhook's event id). */
    context?: Record<string, unknown>;
  },
): Promise<Payment> {
  const { before } = change;
  const [row] = await tx
    .update(payments)
    .set({ ...change.patch, updatedAt: now() })
    .where(eq(payments.id, before.id))
    .returning();
  const after = paymentOfRow(row!);
  await recordPaymentTransactions(tx, after, change.transactions);
  await announcePayment(tx, actor, { before, after, action: change.action, context: change.context });
  return after;
}

/** The audit entry and the event of a payment made or changed. */
export async function announcePayment(
  tx: Db,
  actor: Actor,
  change: { before: Payment | null; after: Payment; action: string; context?: Record<string, unknown> },
): Promise<void> {
  const { before, after } = change;
  await recordAudit(tx, actor, {
    storeId: after.storeId,
    action: `payment.${change.action}`,
    entityType: 'payment',
    entityId: after.id,
    before,
    after: change.context ? { ...after, context: change.context } : after,
  });
  const payload: PaymentUpdatedPayload = {
    paymentId: after.id,
    orderId: after.orderId,
    state: after.state,
    previousState: before?.state ?? null,
    provider: after.provider,
    currency: after.currency,
    amount: after.amount,
    capturedAmount: after.capturedAmount,
    refundedAmount: after.refundedAmount,
  };
  await emitEvent(tx, { storeId: after.storeId, type: PAYMENT_UPDATED_EVENT, payload });
}
