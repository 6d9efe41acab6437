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

export const newsletterStatuses = ['draft', 'scheduled', 'sending', 'sent', 'cancelled'] as const;
export type NewsletterStatus = (typeof newsletterStatuses)[number];

export const audienceKinds = ['all', 'segment', 'group'] as const;
export type AudienceKind = (typeof audienceKinds)[number];

/**
 * What happened to one recipient's message. `pending`: chosen at send time, not yet queued;
 * `queued`: handed to the mail layer; `sent` / `failed`: what the mail layer did with it;
 * `skipped_no_consent`: consent was gone when its turn came; `bounced`: reported undeliverable.
 */
export const recipientStatuses = [
  'pending',
  'queued',
  'sent',
  'failed',
  'skipped_no_consent',
  'bounced',
] as const;
export type RecipientStatus = (typeof recipientStatuses)[number];

/** A store's newsletters: the message, its audience, and where it is on draft → scheduled → sending → sent. */
export const newsletters = pgTable(
  'newsletters',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    subject: text('subject').notNull(),
    /** The line mail clients show after the subject; hidden at the top of the body. */
    preheader: text('preheader').notNull().default(''),
    /** The body as written: a safe HTML subset, cleaned when saved (newsletter-body.ts). */
    bodyHtml: text('body_html').notNull(),
    audienceKind: text('audience_kind').$type<AudienceKind>().notNull(),
    /** The segment or group; null for all subscribers. */
    audienceId: text('audience_id'),
    status: text('status').$type<NewsletterStatus>().notNull().default('draft'),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** True once every consenting member of the audience has a recipient row. */
    audienceResolved: boolean('audience_resolved').notNull().default(false),
    /** The links of the body at send time, in order: the only places the click redirect goes to. */
    links: jsonb('links').$type<string[]>().notNull().default([]),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    index('newsletters_store_idx').on(t.storeId, t.createdAt),
    check(
      'newsletters_status_check',
      sql`${t.status} in ('draft', 'scheduled', 'sending', 'sent', 'cancelled')`,
    ),
    check('newsletters_audience_check', sql`${t.audienceKind} in ('all', 'segment', 'group')`),
  ],
);

/**
 * One row per customer a newsletter is for: unique per newsletter, so resolving the audience again
 * after a restart adds nobody twice, and a recipient's message is queued once (the row moves from
 * `pending` under a lock).
 */
export const newsletterRecipients = pgTable(
  'newsletter_recipients',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    newsletterId: text('newsletter_id')
      .notNull()
      .references(() => newsletters.id, { onDelete: 'cascade' }),
    customerId: text('customer_id').notNull(),
    email: text('email').notNull(),
    status: text('status').$type<RecipientStatus>().notNull().default('pending'),
    /** SHA-256 of the recipient's link token (unsubscribe, open pixel, clicks); set when queued. */
    tokenDigest: text('token_digest'),
    mailMessageId: text('mail_message_id'),
    /** Whether opens and clicks are measured for this recipient (decided when queued). */
    tracked: boolean('tracked').notNull().default(false),
    queuedAt: timestamp('queued_at', { withTimezone: true }),
    opens: integer('opens').notNull().default(0),
    firstOpenedAt: timestamp('first_opened_at', { withTimezone: true }),
    clicks: integer('clicks').notNull().default(0),
    firstClickedAt: timestamp('first_clicked_at', { withTimezone: true }),
    unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    uniqueIndex('newsletter_recipients_unique').on(t.newsletterId, t.customerId),
    uniqueIndex('newsletter_recipients_token_idx').on(t.tokenDigest),
    index('newsletter_recipients_status_idx').on(t.newsletterId, t.status),
    // The rate limit counts a store's messages queued in the last minute.
    index('newsletter_recipients_queued_idx').on(t.storeId, t.queuedAt),
    check(
      'newsletter_recipients_status_check',
      sql`${t.status} in ('pending', 'queued', 'sent', 'failed', 'skipped_no_consent', 'bounced')`,
    ),
  ],
);

/** Per-store sending settings: how fast, and whether opens and clicks are measured at all. */
export const newsletterSettings = pgTable(
  'newsletter_settings',
  {
    storeId: text('store_id').notNull(),
    messagesPerMinute: integer('messages_per_minute').notNull().default(600),
    trackingEnabled: boolean('tracking_enabled').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [primaryKey({ columns: [t.storeId] })],
);
