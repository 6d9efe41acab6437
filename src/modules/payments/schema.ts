import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { now, simulatedTime } from '../../platform/clock.ts';

export const paymentProviderKeys = ['manual', 'test_card'] as const;
export type PaymentProviderKey = (typeof paymentProviderKeys)[number];

export const paymentStates = [
  'pending',
  'requires_action',
  'authorised',
  'captured',
  'partially_refunded',
  'refunded',
  'voided',
  'failed',
] as const;
export type PaymentState = (typeof paymentStates)[number];

export const captureModes = ['immediate', 'on_fulfilment'] as const;
export type CaptureMode = (typeof captureModes)[number];

export const paymentTransactionKinds = [
  'authorise',
  'action',
  'capture',
  'void',
  'refund',
  'failure',
] as const;
export type PaymentTransactionKind = (typeof paymentTransactionKinds)[number];

export const paymentTransactionOutcomes = ['succeeded', 'failed'] as const;
export type PaymentTransactionOutcome = (typeof paymentTransactionOutcomes)[number];

/** Who started a transaction: this server calling the provider, or the provider telling us (webhook). */
export const paymentTransactionSources = ['api', 'webhook'] as const;
export type PaymentTransactionSource = (typeof paymentTransactionSources)[number];

/**
 * One payment of an order at one provider: its state and running amounts (minor units of
 * `currency`). The amounts are the sums of the payment's succeeded transactions; the checks hold
 * `refunded ≤ captured ≤ amount` even if a bug tried otherwise. Card payments keep the brand and
 * the last four digits only — never the number or the CVC.
 */
export const payments = pgTable(
  'payments',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    /** The orders module's order (no foreign key: modules stay separable). */
    orderId: text('order_id').notNull(),
    provider: text('provider').$type<PaymentProviderKey>().notNull(),
    state: text('state').$type<PaymentState>().notNull(),
    captureMode: text('capture_mode').$type<CaptureMode>().notNull(),
    currency: text('currency').notNull(),
    /** Authorised (or, for manual payments, expected). */
    amount: bigint('amount', { mode: 'number' }).notNull(),
    capturedAmount: bigint('captured_amount', { mode: 'number' }).notNull().default(0),
    refundedAmount: bigint('refunded_amount', { mode: 'number' }).notNull().default(0),
    declineCode: text('decline_code'),
    cardBrand: text('card_brand'),
    cardLast4: text('card_last4'),
    providerReference: text('provider_reference'),
    /** Where the shopper completes the 3-D Secure-style step; only while `requires_action`. */
    actionUrl: text('action_url'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    index('payments_store_order_idx').on(t.storeId, t.orderId, t.createdAt),
    // Webhooks find a payment by the provider's reference; the manual provider's references are
    // whatever staff typed (a bank reference), so they are not unique.
    uniqueIndex('payments_provider_reference_key')
      .on(t.provider, t.providerReference)
      .where(sql`${t.provider} <> 'manual' and ${t.providerReference} is not null`),
    check(
      'payments_amounts_check',
      sql`${t.amount} > 0 and ${t.capturedAmount} >= 0 and ${t.capturedAmount} <= ${t.amount} and ${t.refundedAmount} >= 0 and ${t.refundedAmount} <= ${t.capturedAmount}`,
    ),
  ],
);

/**
 * Every call to a provider and every event a provider reported, in order: the payment's ledger.
 * The payment's captured (refunded) amount is the sum of its succeeded capture (refund)
 * transactions. A webhook event is recorded once per provider event id, which makes replays no-ops.
 */
export const paymentTransactions = pgTable(
  'payment_transactions',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    paymentId: text('payment_id')
      .notNull()
      .references(() => payments.id),
    kind: text('kind').$type<PaymentTransactionKind>().notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    outcome: text('outcome').$type<PaymentTransactionOutcome>().notNull(),
    errorCode: text('error_code'),
    providerReference: text('provider_reference'),
    source: text('source').$type<PaymentTransactionSource>().notNull().default('api'),
    providerEventId: text('provider_event_id'),
    /** The orders module's refund this money went back for. */
    refundId: text('refund_id'),
    /** The refund's reason, or what the provider said. */
    note: text('note'),
    // The clock, not the transaction's start: one transaction often writes several rows in order.
    // Inside the business clock's `runAt` (demo history, tests) the simulated instant instead.
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`)
      .$defaultFn(() => simulatedTime() ?? sql`clock_timestamp()`),
  },
  (t) => [
    index('payment_transactions_payment_idx').on(t.paymentId, t.createdAt),
    uniqueIndex('payment_transactions_event_key')
      .on(t.paymentId, t.providerEventId)
      .where(sql`${t.providerEventId} is not null`),
    check('payment_transactions_amount_check', sql`${t.amount} >= 0`),
  ],
);

/** A store's payment settings; no row means the defaults (`defaultPaymentSettings`). */
export const paymentSettings = pgTable('payment_settings', {
  storeId: text('store_id').primaryKey(),
  captureMode: text('capture_mode').$type<CaptureMode>().notNull().default('immediate'),
  manualEnabled: boolean('manual_enabled').notNull(),
  manualTitle: text('manual_title').notNull(),
  manualInstructions: text('manual_instructions').notNull(),
  testCardEnabled: boolean('test_card_enabled').notNull(),
  /** Standard Webhooks secret (`whsec_…`) the providers' events are signed with; null until made. */
  webhookSecret: text('webhook_secret'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
});
