import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { now } from '../../platform/clock.ts';

export const reviewStatuses = ['pending', 'published', 'rejected'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

/** Why a review waits for a person: set on submission (review-flags.ts). */
export const reviewFlags = ['contains_link', 'profanity', 'too_short', 'duplicate'] as const;
export type ReviewFlag = (typeof reviewFlags)[number];

/**
 * A customer's review of a product: a rating from 1 to 5, a title and a text, in the language it
 * was written in. `verified` when it came through a purchase (a request e-mail's link, or a signed-in
 * customer who received the product), then `order_id` names the order. Only `published` reviews are
 * shown and counted.
 */
export const reviews = pgTable(
  'reviews',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    productId: text('product_id').notNull(),
    variantId: text('variant_id'),
    customerId: text('customer_id'),
    authorName: text('author_name').notNull(),
    authorEmail: text('author_email'),
    orderId: text('order_id'),
    verified: boolean('verified').notNull().default(false),
    rating: integer('rating').notNull(),
    title: text('title').notNull().default(''),
    body: text('body').notNull(),
    /** SHA-256 of the text as duplicates compare it (review-flags.ts): the same text again is a duplicate. */
    textDigest: text('text_digest').notNull(),
    status: text('status').$type<ReviewStatus>().notNull(),
    flags: text('flags').array().$type<ReviewFlag[]>().notNull().default(sql`'{}'::text[]`),
    reply: text('reply'),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    repliedBy: text('replied_by'),
    locale: text('locale').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    index('reviews_store_status_idx').on(t.storeId, t.status, t.createdAt),
    index('reviews_store_product_idx').on(t.storeId, t.productId, t.status, t.publishedAt),
    index('reviews_store_email_idx').on(t.storeId, t.authorEmail),
    index('reviews_store_digest_idx').on(t.storeId, t.textDigest),
    check('reviews_rating_check', sql`${t.rating} between 1 and 5`),
  ],
);

/** A photo with a review: re-encoded on the way in (no camera metadata), in the reviews' own storage. */
export const reviewPhotos = pgTable(
  'review_photos',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    reviewId: text('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    storageKey: text('storage_key').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
  },
  (t) => [index('review_photos_review_idx').on(t.reviewId), index('review_photos_key_idx').on(t.storageKey)],
);

/**
 * The exact figures of a product's published reviews, changed in the transaction that publishes,
 * unpublishes or deletes one (review-aggregates.ts): a product page reads one row.
 */
export const productReviewStats = pgTable(
  'product_review_stats',
  {
    storeId: text('store_id').notNull(),
    productId: text('product_id').notNull(),
    reviewCount: integer('review_count').notNull().default(0),
    ratingSum: integer('rating_sum').notNull().default(0),
    stars1: integer('stars_1').notNull().default(0),
    stars2: integer('stars_2').notNull().default(0),
    stars3: integer('stars_3').notNull().default(0),
    stars4: integer('stars_4').notNull().default(0),
    stars5: integer('stars_5').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.productId] }),
    check('product_review_stats_counts_check', sql`${t.reviewCount} >= 0 and ${t.ratingSum} >= 0`),
  ],
);

/** The e-mail asking for reviews of an order: one row per order, claimed before it is sent (idempotent). */
export const reviewRequests = pgTable(
  'review_requests',
  {
    storeId: text('store_id').notNull(),
    orderId: text('order_id').notNull(),
    email: text('email').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.orderId] })],
);

/**
 * A verified-purchase link: one per product of a requested order. Only the token's digest is kept;
 * it works once (the review it made is recorded) and until it expires.
 */
export const reviewRequestTokens = pgTable(
  'review_request_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    storeId: text('store_id').notNull(),
    orderId: text('order_id').notNull(),
    orderLineId: text('order_line_id').notNull(),
    productId: text('product_id').notNull(),
    variantId: text('variant_id'),
    customerId: text('customer_id'),
    email: text('email').notNull(),
    locale: text('locale').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    reviewId: text('review_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('review_request_tokens_line_key').on(t.storeId, t.orderLineId)],
);

/** A store's review settings; a store without a row has the defaults (review-settings.ts). */
export const reviewSettings = pgTable('review_settings', {
  storeId: text('store_id').primaryKey(),
  requestsEnabled: boolean('requests_enabled').notNull().default(true),
  requestDelayDays: integer('request_delay_days').notNull().default(7),
  autoPublish: boolean('auto_publish').notNull().default(false),
  minLength: integer('min_length').notNull().default(20),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
});
