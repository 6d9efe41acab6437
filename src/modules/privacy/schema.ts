import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { now } from '../../platform/clock.ts';

export const privacyRequestKinds = ['export', 'erasure'] as const;
export type PrivacyRequestKind = (typeof privacyRequestKinds)[number];

/** Who asked: staff in the admin (or an API key), or the customer from their account page. */
export const privacyRequestSources = ['admin', 'customer'] as const;
export type PrivacyRequestSource = (typeof privacyRequestSources)[number];

/**
 * The log of privacy requests (docs/privacy.md): every export and erasure of a customer's data,
 * who asked and when. An export keeps its JSON document for download until the customer is
 * erased; an erasure names the customer by id only (their row is a tombstone by then).
 */
export const privacyRequests = pgTable(
  'privacy_requests',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    kind: text('kind').$type<PrivacyRequestKind>().notNull(),
    source: text('source').$type<PrivacyRequestSource>().notNull(),
    customerId: text('customer_id').notNull(),
    /** The customer's e-mail when asked; the tombstone address once they are erased. */
    customerLabel: text('customer_label').notNull(),
    requestedByType: text('requested_by_type').notNull(),
    requestedById: text('requested_by_id'),
    requestedByLabel: text('requested_by_label').notNull(),
    /** The export's JSON; null for an erasure, and for an export once its customer was erased. */
    document: jsonb('document'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    index('privacy_requests_store_idx').on(t.storeId, t.createdAt),
    index('privacy_requests_customer_idx').on(t.storeId, t.customerId, t.kind),
    check('privacy_requests_kind_check', sql`${t.kind} in ('export', 'erasure')`),
    check('privacy_requests_source_check', sql`${t.source} in ('admin', 'customer')`),
  ],
);

/**
 * Per store: how long raw analytics events are kept, in months (null: forever). Rollups are kept
 * whatever the setting (docs/privacy.md, "Retention").
 */
export const privacySettings = pgTable(
  'privacy_settings',
  {
    storeId: text('store_id').primaryKey(),
    analyticsRetentionMonths: integer('analytics_retention_months'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    check(
      'privacy_settings_retention_check',
      sql`${t.analyticsRetentionMonths} is null or ${t.analyticsRetentionMonths} in (2, 14, 26, 38, 50)`,
    ),
  ],
);
