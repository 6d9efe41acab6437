import {
  bigint,
  boolean,
  date,
  index,
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

/*
 * Facts: what the orders module announced (order.placed, order.cancelled, order.refunded), kept
 * here in the shape reports need. Amounts are in minor units of the store's currency (the
 * reporting currency), converted at the exchange rate of the order's day; `day` is the store's
 * calendar day. Attribution to a session is not stored: rollups join the order's `purchase` event.
 */
export const analyticsOrderFacts = pgTable(
  'analytics_order_facts',
  {
    storeId: text('store_id').notNull(),
    orderId: text('order_id').notNull(),
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull(),
    day: date('day').notNull(),
    customerId: text('customer_id'),
    /** The order's own currency; the amounts below are in the store's. */
    currency: text('currency').notNull(),
    /** Units of the order's currency per unit of the store's (null: the same currency). */
    exchangeRate: text('exchange_rate'),
    /** Line prices before discounts. */
    grossSales: bigint('gross_sales', { mode: 'number' }).notNull(),
    discounts: bigint('discounts', { mode: 'number' }).notNull(),
    shipping: bigint('shipping', { mode: 'number' }).notNull(),
    tax: bigint('tax', { mode: 'number' }).notNull(),
    total: bigint('total', { mode: 'number' }).notNull(),
    /** True when line prices include tax (then net sales include it too; see docs/metrics.md). */
    taxIncluded: boolean('tax_included').notNull(),
    units: integer('units').notNull(),
    /** Where the order came from: storefront, draft (staff), api. */
    origin: text('origin').notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /**
     * The session the order was placed in (its `purchase` event), filled when the order's day is
     * rolled up: channel `Unassigned` and the rest `(not set)` when it has none (staff, the API).
     */
    sessionId: text('session_id'),
    channel: text('channel'),
    campaign: text('campaign'),
    sourceMedium: text('source_medium'),
    device: text('device'),
    country: text('country'),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.orderId] }),
    index('analytics_order_facts_day_idx').on(t.storeId, t.day),
    index('analytics_order_facts_customer_idx').on(t.storeId, t.customerId, t.placedAt),
  ],
);

export const analyticsOrderLineFacts = pgTable(
  'analytics_order_line_facts',
  {
    storeId: text('store_id').notNull(),
    lineId: text('line_id').notNull(),
    orderId: text('order_id').notNull(),
    day: date('day').notNull(),
    productId: text('product_id'),
    variantId: text('variant_id'),
    /** The product's category, vendor and type when it was sold. */
    categoryId: text('category_id'),
    vendor: text('vendor'),
    productType: text('product_type'),
    quantity: integer('quantity').notNull(),
    grossSales: bigint('gross_sales', { mode: 'number' }).notNull(),
    discounts: bigint('discounts', { mode: 'number' }).notNull(),
    /** Cost of the units sold (the variant's unit cost then × quantity); null when no cost is known. */
    cost: bigint('cost', { mode: 'number' }),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.lineId] }),
    index('analytics_order_line_facts_day_idx').on(t.storeId, t.day),
  ],
);

export const analyticsRefundFacts = pgTable(
  'analytics_refund_facts',
  {
    storeId: text('store_id').notNull(),
    refundId: text('refund_id').notNull(),
    orderId: text('order_id').notNull(),
    refundedAt: timestamp('refunded_at', { withTimezone: true }).notNull(),
    day: date('day').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.refundId] }),
    index('analytics_refund_facts_day_idx').on(t.storeId, t.day),
  ],
);

/**
 * Daily rollups per store and breakdown: `dimension` is `all` (value ''), `channel`, `campaign`,
 * `source_medium`, `device` or `country`. Rebuilt per day from raw events and facts by one
 * function (rollups/), so an incremental update and a full rebuild give the same rows.
 */
export const analyticsDaily = pgTable(
  'analytics_daily',
  {
    storeId: text('store_id').notNull(),
    day: date('day').notNull(),
    dimension: text('dimension').notNull(),
    value: text('value').notNull(),
    sessions: integer('sessions').notNull().default(0),
    pageViews: integer('page_views').notNull().default(0),
    productViews: integer('product_views').notNull().default(0),
    /** Sessions with a `view_item` that day (open funnel, like the other step counts here). */
    itemViewSessions: integer('item_view_sessions').notNull().default(0),
    cartSessions: integer('cart_sessions').notNull().default(0),
    checkoutSessions: integer('checkout_sessions').notNull().default(0),
    shippingSessions: integer('shipping_sessions').notNull().default(0),
    paymentSessions: integer('payment_sessions').notNull().default(0),
    purchaseSessions: integer('purchase_sessions').notNull().default(0),
    /*
     * The closed funnel: sessions started that day that went, in order of time and within that
     * day, through every step up to this one (product view, cart, checkout, shipping, payment,
     * purchase). docs/metrics.md, "The checkout funnel".
     */
    funnelViewSessions: integer('funnel_view_sessions').notNull().default(0),
    funnelCartSessions: integer('funnel_cart_sessions').notNull().default(0),
    funnelCheckoutSessions: integer('funnel_checkout_sessions').notNull().default(0),
    funnelShippingSessions: integer('funnel_shipping_sessions').notNull().default(0),
    funnelPaymentSessions: integer('funnel_payment_sessions').notNull().default(0),
    funnelPurchaseSessions: integer('funnel_purchase_sessions').notNull().default(0),
    searches: integer('searches').notNull().default(0),
    searchesWithoutResults: integer('searches_without_results').notNull().default(0),
    orders: integer('orders').notNull().default(0),
    newCustomerOrders: integer('new_customer_orders').notNull().default(0),
    units: integer('units').notNull().default(0),
    grossSales: bigint('gross_sales', { mode: 'number' }).notNull().default(0),
    discounts: bigint('discounts', { mode: 'number' }).notNull().default(0),
    shipping: bigint('shipping', { mode: 'number' }).notNull().default(0),
    tax: bigint('tax', { mode: 'number' }).notNull().default(0),
    totalSales: bigint('total_sales', { mode: 'number' }).notNull().default(0),
    refunds: bigint('refunds', { mode: 'number' }).notNull().default(0),
    refundedOrders: integer('refunded_orders').notNull().default(0),
    cost: bigint('cost', { mode: 'number' }).notNull().default(0),
    /** Net sales of the lines whose cost is known: the base of the gross margin. */
    costedSales: bigint('costed_sales', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.day, t.dimension, t.value] })],
);

/** Daily rollups per product (views, sales, margin), with the category, vendor and type it sold under. */
export const analyticsDailyProducts = pgTable(
  'analytics_daily_products',
  {
    storeId: text('store_id').notNull(),
    day: date('day').notNull(),
    productId: text('product_id').notNull(),
    categoryId: text('category_id'),
    vendor: text('vendor'),
    productType: text('product_type'),
    views: integer('views').notNull().default(0),
    orders: integer('orders').notNull().default(0),
    units: integer('units').notNull().default(0),
    grossSales: bigint('gross_sales', { mode: 'number' }).notNull().default(0),
    discounts: bigint('discounts', { mode: 'number' }).notNull().default(0),
    cost: bigint('cost', { mode: 'number' }).notNull().default(0),
    costedSales: bigint('costed_sales', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.day, t.productId] })],
);

/** Daily search terms (lower-cased, trimmed) with how often they were searched and found nothing. */
export const analyticsDailySearches = pgTable(
  'analytics_daily_searches',
  {
    storeId: text('store_id').notNull(),
    day: date('day').notNull(),
    term: text('term').notNull(),
    searches: integer('searches').notNull(),
    withoutResults: integer('without_results').notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.day, t.term] })],
);

/** Store days whose rollups are out of date (new events or facts); the rollup job works them off. */
export const analyticsDirtyDays = pgTable(
  'analytics_dirty_days',
  {
    storeId: text('store_id').notNull(),
    day: date('day').notNull(),
    markedAt: timestamp('marked_at', { withTimezone: true }).notNull().$defaultFn(now),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.day] })],
);
