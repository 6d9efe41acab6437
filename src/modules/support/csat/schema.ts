import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { now } from '../../../platform/clock.ts';

export const csatRatings = ['good', 'bad'] as const;
export type CsatRating = (typeof csatRatings)[number];

/**
 * The satisfaction survey of a solved ticket: one row per ticket (so at most one survey each),
 * made when the ticket is solved and mailed by the `support.csat-mail` job once `send_after` has
 * passed. Only the SHA-256 digest of the link token is kept; the first rating given stands.
 */
export const supportCsatSurveys = pgTable(
  'support_csat_surveys',
  {
    ticketId: text('ticket_id').primaryKey(),
    storeId: text('store_id').notNull(),
    email: text('email').notNull(),
    sendAfter: timestamp('send_after', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    tokenHash: text('token_hash'),
    /** The links stop working then (real time, as every security expiry). */
    tokenExpiresAt: timestamp('token_expires_at', { withTimezone: true }),
    rating: text('rating').$type<CsatRating>(),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    comment: text('comment'),
    commentedAt: timestamp('commented_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    uniqueIndex('support_csat_surveys_token_idx').on(t.tokenHash),
    index('support_csat_surveys_due_idx').on(t.sendAfter).where(sql`${t.sentAt} is null`),
    index('support_csat_surveys_sent_idx').on(t.storeId, t.sentAt),
  ],
);
