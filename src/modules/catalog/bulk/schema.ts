import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { BulkAction, BulkSelection } from './bulk-input.ts';

/**
 * A bulk operation over many products, run by a durable job. The selection is resolved into
 * `bulk_operation_items` when the operation is created, so its total is fixed and a retried job
 * resumes after the last item it committed (`cursor`).
 * Status: queued → running → completed | failed.
 */
export const bulkOperations = pgTable(
  'bulk_operations',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    /** What is done to each product; an undo has `{ type: 'undo' }` and names the operation in `undoOf`. */
    action: jsonb('action').$type<BulkAction>().notNull(),
    /** How the products were chosen (shown to people; the items are the truth). */
    selection: jsonb('selection').$type<BulkSelection>().notNull(),
    status: text('status').notNull().default('queued'),
    total: integer('total').notNull(),
    /** Items processed, whatever their outcome. */
    done: integer('done').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    /** The seq of the last item processed; the job carries on after it. */
    cursor: integer('cursor').notNull().default(0),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label'),
    /** Whether the requester held catalog:publish (the job acts with the requester's rights). */
    canPublish: boolean('can_publish').notNull(),
    undoOf: text('undo_of'),
    undoneBy: text('undone_by'),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('bulk_operations_store_created_idx').on(t.storeId, t.createdAt)],
);

/** The products of one operation, in processing order, with each one's outcome. */
export const bulkOperationItems = pgTable(
  'bulk_operation_items',
  {
    operationId: text('operation_id')
      .notNull()
      .references(() => bulkOperations.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    /** No foreign key: a deleted product's item stays, so the deletion can be undone. */
    productId: text('product_id').notNull(),
    /** pending → changed | unchanged | staged | failed */
    state: text('state').notNull().default('pending'),
    /**
     * The change sent the product's review back to draft (it was in review or approved): a product
     * that is not live changed in place, or a staged revision changed; it must be submitted again.
     */
    reviewReset: boolean('review_reset').notNull().default(false),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
  },
  (t) => [
    primaryKey({ columns: [t.operationId, t.seq] }),
    index('bulk_operation_items_product_idx').on(t.operationId, t.productId),
  ],
);
