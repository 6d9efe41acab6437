import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { now } from '../../platform/clock.ts';
import type {
  BuyXGetY,
  CurrencyAmounts,
  DiscountKind,
  DiscountTarget,
  DiscountType,
} from './engine/types.ts';

/*
 * The promotions module's tables (docs/promotions.md). Products and collections a discount targets
 * are the catalog's, named by id without foreign keys (modules stay separable); customers are named
 * by a customer key (the lower-cased e-mail for now, the customer id once customers exist).
 */

/**
 * A discount: what it takes off (type, value, target), when it may apply (conditions, window,
 * limits) and with what it combines. `used` counts reserved and committed uses and only moves by
 * conditional UPDATE, so a limit of 100 is used exactly 100 times however many checkouts race.
 * Status is derived: disabled when not `enabled`, else scheduled / active / expired by the window.
 */
export const discounts = pgTable(
  'discounts',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    title: text('title').notNull(),
    kind: text('kind').$type<DiscountKind>().notNull(),
    type: text('type').$type<DiscountType>().notNull(),
    /** `percentage`: basis points (1000 = 10 %). */
    percentBp: integer('percent_bp'),
    /** `fixed_amount`: minor units per ISO 4217 code; carts in other currencies get nothing. */
    amounts: jsonb('amounts').$type<CurrencyAmounts>(),
    appliesTo: jsonb('applies_to').$type<DiscountTarget>().notNull(),
    oncePerOrder: boolean('once_per_order').notNull().default(true),
    buyXGetY: jsonb('buy_x_get_y').$type<BuyXGetY>(),
    minimumSubtotal: jsonb('minimum_subtotal').$type<CurrencyAmounts>(),
    minimumQuantity: integer('minimum_quantity'),
    /** Customers in any of these segments may use it; empty: everyone. */
    customerSegments: text('customer_segments').array().notNull().default(sql`'{}'::text[]`),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    usageLimit: integer('usage_limit'),
    perCustomerLimit: integer('per_customer_limit'),
    combinesWithOrder: boolean('combines_with_order').notNull().default(false),
    combinesWithProduct: boolean('combines_with_product').notNull().default(false),
    combinesWithShipping: boolean('combines_with_shipping').notNull().default(false),
    enabled: boolean('enabled').notNull().default(true),
    used: integer('used').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    index('discounts_store_created_idx').on(t.storeId, t.createdAt),
    // Automatic discounts are read on every cart evaluation.
    index('discounts_store_automatic_idx').on(t.storeId).where(sql`${t.kind} = 'automatic' and ${t.enabled}`),
    check('discounts_used_check', sql`${t.used} >= 0`),
    check('discounts_percent_check', sql`${t.percentBp} is null or ${t.percentBp} between 1 and 10000`),
    check('discounts_window_check', sql`${t.endsAt} is null or ${t.endsAt} > ${t.startsAt}`),
  ],
);

/** The codes that unlock a `code` discount; unique per store whatever their case. */
export const discountCodes = pgTable(
  'discount_codes',
  {
    discountId: text('discount_id')
      .notNull()
      .references(() => discounts.id, { onDelete: 'cascade' }),
    storeId: text('store_id').notNull(),
    code: text('code').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    primaryKey({ columns: [t.discountId, t.code] }),
    uniqueIndex('discount_codes_store_code_key').on(t.storeId, sql`lower(${t.code})`),
  ],
);

/**
 * Uses per (discount, customer), reserved and committed: the per-customer limit is one conditional
 * upsert on this row, so concurrent checkouts of one customer cannot both take the last use.
 */
export const discountCustomerUsages = pgTable(
  'discount_customer_usages',
  {
    discountId: text('discount_id')
      .notNull()
      .references(() => discounts.id, { onDelete: 'cascade' }),
    storeId: text('store_id').notNull(),
    customerKey: text('customer_key').notNull(),
    used: integer('used').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.discountId, t.customerKey] }),
    check('discount_customer_usages_used_check', sql`${t.used} >= 0`),
  ],
);

export const usageStates = ['reserved', 'committed', 'released'] as const;
export type UsageState = (typeof usageStates)[number];

/**
 * The usage ledger: one row per discount used by an order. Reserved when the order is placed,
 * committed when it goes through, released (and the counters given back) when it fails. Kept when
 * the discount is deleted, for the orders' history; so no foreign key to `discounts`.
 */
export const discountUsages = pgTable(
  'discount_usages',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    discountId: text('discount_id').notNull(),
    /** The code used, as the discount stores it; null for automatic discounts. */
    code: text('code'),
    customerKey: text('customer_key'),
    /** The caller's order (or checkout) reference. */
    orderRef: text('order_ref').notNull(),
    state: text('state').$type<UsageState>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    settledAt: timestamp('settled_at', { withTimezone: true }),
  },
  (t) => [
    // An order holds each discount once; a released use may be reserved again.
    uniqueIndex('discount_usages_held_key').on(t.discountId, t.orderRef).where(sql`${t.state} <> 'released'`),
    index('discount_usages_store_order_idx').on(t.storeId, t.orderRef),
    check('discount_usages_state_check', sql`${t.state} in ('reserved', 'committed', 'released')`),
  ],
);
