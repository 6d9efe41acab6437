import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { now } from '../../platform/clock.ts';

/** How a market's prices are made from the catalog's base prices (docs/markets.md). */
export const pricingModes = ['converted', 'explicit'] as const;
export type PricingMode = (typeof pricingModes)[number];

/** How a converted price is rounded in the market's currency (rounding.ts has the exact rules). */
export const roundingRules = ['none', 'whole', 'ninety_nine', 'nearest_5', 'nearest_10'] as const;
export type RoundingRule = (typeof roundingRules)[number];

/**
 * Where a store sells: a set of countries, the currency shoppers there see and pay, and the market's
 * price list (its mode, rounding and compare-at setting live on the row: one price list per market).
 * Every store has exactly one primary market, in its base currency, whose prices are the catalog's.
 */
export const markets = pgTable(
  'markets',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    name: text('name').notNull(),
    handle: text('handle').notNull(),
    /** ISO 4217; the primary market's is the store's base currency. */
    currency: text('currency').notNull(),
    /** ISO 3166-1 alpha-2 codes; a country belongs to at most one active market of the store. */
    countries: text('countries').array().notNull().default(sql`'{}'::text[]`),
    /** One of the store's locales: the language shoppers of this market get first. */
    defaultLocale: text('default_locale').notNull(),
    active: boolean('active').notNull().default(true),
    isPrimary: boolean('is_primary').notNull().default(false),
    pricingMode: text('pricing_mode').$type<PricingMode>().notNull().default('converted'),
    rounding: text('rounding').$type<RoundingRule>().notNull().default('none'),
    /** Whether converted prices carry a converted compare-at price (else none is shown). */
    convertCompareAt: boolean('convert_compare_at').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    uniqueIndex('markets_store_handle_key').on(t.storeId, t.handle),
    // Exactly one primary per store: the lazy creation's insert relies on this to stay single.
    uniqueIndex('markets_store_primary_key').on(t.storeId).where(sql`${t.isPrimary}`),
  ],
);

/** A market's explicit price for a variant, in minor units of the market's currency. */
export const marketPrices = pgTable(
  'market_prices',
  {
    marketId: text('market_id')
      .notNull()
      .references(() => markets.id, { onDelete: 'cascade' }),
    variantId: text('variant_id').notNull(),
    storeId: text('store_id').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    compareAtAmount: bigint('compare_at_amount', { mode: 'number' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    primaryKey({ columns: [t.marketId, t.variantId] }),
    check('market_prices_amount_check', sql`${t.amount} >= 0`),
    check(
      'market_prices_compare_at_check',
      sql`${t.compareAtAmount} is null or ${t.compareAtAmount} > ${t.amount}`,
    ),
  ],
);

/**
 * Exchange rates the store keeps by hand: one unit of `base` buys `rate` units of `quote` (major
 * units), from `effective_on` (a day in the store's time zone) until a later rate of the pair
 * takes over. Rows are history: the rate that applies on a day is the latest one on or before it.
 */
export const exchangeRates = pgTable(
  'exchange_rates',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    baseCurrency: text('base_currency').notNull(),
    quoteCurrency: text('quote_currency').notNull(),
    /** Exact decimal, up to 12 digits either side of the point. */
    rate: numeric('rate', { precision: 24, scale: 12 }).notNull(),
    source: text('source').$type<'manual'>().notNull().default('manual'),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    uniqueIndex('exchange_rates_pair_day_key').on(t.storeId, t.baseCurrency, t.quoteCurrency, t.effectiveOn),
    index('exchange_rates_store_day_idx').on(t.storeId, t.effectiveOn),
    check('exchange_rates_rate_check', sql`${t.rate} > 0`),
    check('exchange_rates_pair_check', sql`${t.baseCurrency} <> ${t.quoteCurrency}`),
  ],
);
