import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors.ts';
import {
  type PaymentProviderKey,
  type PaymentState,
  type PaymentTransactionKind,
  type PaymentTransactionOutcome,
  type PaymentTransactionSource,
  payments,
  paymentTransactions,
} from './schema.ts';

export interface Payment {
  /** TypeID `pay_…` */
  id: string;
  storeId: string;
  orderId: string;
  provider: PaymentProviderKey;
  state: PaymentState;
  /** How the authorised money is taken: at once, or when the order's parcels ship. */
  captureMode: 'immediate' | 'on_fulfilment';
  currency: string;
  /** Authorised (manual: expected), minor units. */
  amount: number;
  capturedAmount: number;
  refundedAmount: number;
  declineCode: string | null;
  card: { brand: string; last4: string } | null;
  providerReference: string | null;
  /** Where the shopper completes the 3-D Secure-style step (only while `requires_action`). */
  actionUrl: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface PaymentTransaction {
  id: string;
  paymentId: string;
  kind: PaymentTransactionKind;
  amount: number;
  outcome: PaymentTransactionOutcome;
  errorCode: string | null;
  providerReference: string | null;
  source: PaymentTransactionSource;
  providerEventId: string | null;
  refundId: string | null;
  note: string | null;
  createdAt: Date;
}

type PaymentRow = typeof payments.$inferSelect;

export function paymentOfRow(row: PaymentRow): Payment {
  return {
    id: row.id,
    storeId: row.storeId,
    orderId: row.orderId,
    provider: row.provider,
    state: row.state,
    captureMode: row.captureMode,
    currency: row.currency,
    amount: row.amount,
    capturedAmount: row.capturedAmount,
    refundedAmount: row.refundedAmount,
    declineCode: row.declineCode,
    card: row.cardBrand && row.cardLast4 ? { brand: row.cardBrand, last4: row.cardLast4 } : null,
    providerReference: row.providerReference,
    actionUrl: row.actionUrl,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** One payment of the store; 404 otherwise (another store's payment is not found either). */
export async function getPayment(db: Db, storeId: string, paymentId: string): Promise<Payment> {
  const [row] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.storeId, storeId), eq(payments.id, paymentId)));
  if (!row) throw notFound('Payment', { id: paymentId });
  return paymentOfRow(row);
}

/**
 * The payment locked for the rest of the transaction: every change reads the amounts through
 * this, so two refunds (or a capture and a void) racing on one payment apply one after the other.
 */
export async function lockPayment(tx: Db, storeId: string, paymentId: string): Promise<Payment> {
  const [row] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.storeId, storeId), eq(payments.id, paymentId)))
    .for('update');
  if (!row) throw notFound('Payment', { id: paymentId });
  return paymentOfRow(row);
}

/** An order's payments, oldest first (a declined attempt, then the one that went through). */
export async function paymentsOfOrder(db: Db, storeId: string, orderId: string): Promise<Payment[]> {
  const rows = await db
    .select()
    .from(payments)
    .where(and(eq(payments.storeId, storeId), eq(payments.orderId, orderId)))
    .orderBy(asc(payments.createdAt), asc(payments.id));
  return rows.map(paymentOfRow);
}

/** A payment's ledger: every provider call and reported event, oldest first. */
export async function paymentTransactionsOf(
  db: Db,
  storeId: string,
  paymentId: string,
): Promise<PaymentTransaction[]> {
  const rows = await db
    .select()
    .from(paymentTransactions)
    .where(and(eq(paymentTransactions.storeId, storeId), eq(paymentTransactions.paymentId, paymentId)))
    .orderBy(asc(paymentTransactions.createdAt), asc(paymentTransactions.id));
  return rows.map(({ storeId: _s, ...row }) => row);
}
