import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { now } from '../../../platform/clock.ts';
import type { Actor } from '../../access/actor.ts';
import { products } from '../schema.ts';
import type { StagedChanges } from './product-content.ts';

/**
 * One review cycle of a product. `kind` says what is under review:
 * - `review`: the product's own content while it is not live (a new or unpublished product);
 * - `staged`: edits held back from a live product (`changes`), applied when the revision is published.
 * State: draft → in_review → approved → published, with changes_requested (back to the editor) and
 * discarded on the side. At most one revision per product is open (not published or discarded).
 */
export const productRevisions = pgTable(
  'product_revisions',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    productId: text('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    /** 1, 2, 3 … per product, in the order revisions were opened. */
    number: integer('number').notNull(),
    kind: text('kind').$type<'review' | 'staged'>().notNull(),
    state: text('state').$type<RevisionState>().notNull(),
    /** Staged revisions: the fields that differ from the live product, staged translations and uploads. */
    changes: jsonb('changes').$type<StagedChanges>(),
    /** What the reviewer approved (a hash of the content); publishing refuses content that moved since. */
    approvedFingerprint: text('approved_fingerprint'),
    /** The field-by-field difference it made to the live product, kept when it is published. */
    publishedDiff: jsonb('published_diff'),
    /** The editor's note to the reviewer. */
    note: text('note'),
    /** The reviewer's comment: what to change, or a remark with the approval. */
    reviewComment: text('review_comment'),
    createdBy: jsonb('created_by').$type<Actor>().notNull(),
    submittedBy: jsonb('submitted_by').$type<Actor>(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewedBy: jsonb('reviewed_by').$type<Actor>(),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    closedBy: jsonb('closed_by').$type<Actor>(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    // A review's steps are business facts: stamped by the business clock (the demo dates its own).
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    uniqueIndex('product_revisions_number_key').on(t.productId, t.number),
    uniqueIndex('product_revisions_open_key')
      .on(t.productId)
      .where(sql`state in ('draft', 'in_review', 'changes_requested', 'approved')`),
    index('product_revisions_store_state_idx').on(t.storeId, t.state),
  ],
);

export const revisionStates = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'published',
  'discarded',
] as const;
export type RevisionState = (typeof revisionStates)[number];
export const openRevisionStates: readonly RevisionState[] = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
];

/**
 * A publish or unpublish planned for a moment (stored as an instant; entered as a local time in the
 * store's time zone, kept for display). A durable job carries out each one; `version` grows with every
 * reschedule and a job acts only if it still carries the current version, so a moved or cancelled
 * schedule leaves its old job harmless.
 */
export const productSchedules = pgTable(
  'product_schedules',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    productId: text('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    action: text('action').$type<'publish' | 'unpublish'>().notNull(),
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
    /** The wall-clock time as entered, e.g. 2030-07-01T09:00, in `timezone`. */
    localTime: text('local_time').notNull(),
    timezone: text('timezone').notNull(),
    state: text('state').$type<'scheduled' | 'done' | 'failed' | 'cancelled'>().notNull(),
    version: integer('version').notNull().default(1),
    /** Why it failed or was cancelled (an error code and message). */
    outcome: text('outcome'),
    createdBy: jsonb('created_by').$type<Actor>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('product_schedules_pending_key').on(t.productId, t.action).where(sql`state = 'scheduled'`),
    index('product_schedules_product_idx').on(t.productId, t.createdAt),
  ],
);
