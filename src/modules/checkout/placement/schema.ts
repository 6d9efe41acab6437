import { index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The `Idempotency-Key`s of order placements (docs/checkout.md, "Placing an order"): the first
 * placement with a key claims it in its transaction and records the order it made; a replay, or a
 * twin sent at the same moment (it waits on the primary key until the first commits), gets that
 * order. `request_hash` tells a replay from another request under the same key. A key is kept at
 * least 24 hours; the hourly `checkout.purge-idempotency-keys` job removes older ones, and a claim
 * takes over a key older than that.
 */
export const checkoutIdempotency = pgTable(
  'checkout_idempotency',
  {
    storeId: text('store_id').notNull(),
    key: text('key').notNull(),
    /** SHA-256 of what the request asked for (the cart and the way of paying). */
    requestHash: text('request_hash').notNull(),
    /** The order the placement makes: its id is chosen when the key is claimed, in the same transaction. */
    orderId: text('order_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.key] }),
    index('checkout_idempotency_created_idx').on(t.createdAt),
  ],
);
