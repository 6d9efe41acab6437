import {
  bigint,
  boolean,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { now } from '../../platform/clock.ts';

/*
 * The analytics module's tables. Raw events are append-only; rollups and reports are computed from
 * them (and from the order facts other modules announce), never the other way round.
 */

/** One item of an e-commerce event, as GA4 names its fields (ids are Storepilot's). */
export interface EventItem {
  productId?: string;
  variantId?: string;
  sku?: string;
  name?: string;
  quantity: number;
  /** Unit price in minor units of the event's currency. */
  price?: number;
}

/**
 * Every event the storefront and the ingest API recorded. On both databases the table is
 * partitioned by month of `occurred_at` (see the migration and `ensureEventPartitions`), so old
 * months can be dropped whole and a month's rebuild reads only its own partition. The primary key
 * includes the partition key, as PostgreSQL requires, and makes a replayed event id a no-op.
 *
 * Session attributes (source, medium, campaign, channel, landing page, device, country) are copied
 * onto every event of the session: rollups group any event by them without a join.
 */
export const analyticsEvents = pgTable(
  'analytics_events',
  {
    storeId: text('store_id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    eventId: text('event_id').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().$defaultFn(now),
    /** GA4's event name: page_view, view_item, add_to_cart, purchase … */
    name: text('name').notNull(),
    /** `storefront` (recorded by the server as it served the page) or `api` (the ingest API). */
    origin: text('origin').notNull(),
    visitorId: text('visitor_id').notNull(),
    sessionId: text('session_id').notNull(),
    /** True on the first event of a session. */
    sessionStart: boolean('session_start').notNull().default(false),
    /** False when the store asks for consent and the visitor has not given it (no cookie was set). */
    consented: boolean('consented').notNull().default(true),
    customerId: text('customer_id'),
    source: text('source'),
    medium: text('medium'),
    campaign: text('campaign'),
    term: text('term'),
    content: text('content'),
    /** The default channel group of the session's source and medium (docs/channels-and-attribution.md). */
    channel: text('channel').notNull(),
    referrerHost: text('referrer_host'),
    landingPath: text('landing_path'),
    pagePath: text('page_path'),
    /** desktop, mobile, tablet (or other). */
    device: text('device').notNull(),
    /** ISO 3166-1 alpha-2, when known. */
    country: text('country'),
    productId: text('product_id'),
    variantId: text('variant_id'),
    /** A listing's name (collection or category handle, `search`, `home`). */
    listName: text('list_name'),
    searchTerm: text('search_term'),
    resultsCount: integer('results_count'),
    orderId: text('order_id'),
    /** The event's value in minor units of `currency` (GA4: excludes tax and shipping). */
    value: bigint('value', { mode: 'number' }),
    currency: text('currency'),
    items: jsonb('items').$type<EventItem[]>(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.occurredAt, t.eventId] })],
);

/** Requests not recorded as events, counted per day and reason (bots, crawlers, prefetches). */
export const analyticsFilteredHits = pgTable(
  'analytics_filtered_hits',
  {
    storeId: text('store_id').notNull(),
    day: date('day').notNull(),
    reason: text('reason').notNull(),
    hits: integer('hits').notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.day, t.reason] })],
);

export const consentModes = ['not_required', 'required'] as const;
export type ConsentMode = (typeof consentModes)[number];

/** Per store: whether analytics cookies wait for the visitor's consent. */
export const analyticsSettings = pgTable('analytics_settings', {
  storeId: text('store_id').primaryKey(),
  consentMode: text('consent_mode').$type<ConsentMode>().notNull().default('not_required'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().$defaultFn(now),
});

/**
 * One random salt per day for visitors without a cookie (consent not given): their id is a hash of
 * the salt, the store and the request's address and browser, the same on every instance that day
 * and impossible to link to the next day's once the salt is deleted (after two days).
 */
export const analyticsDailySalts = pgTable('analytics_daily_salts', {
  day: date('day').primaryKey(),
  salt: text('salt').notNull(),
});
