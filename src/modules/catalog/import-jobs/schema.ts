import { bigint, boolean, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { Actor } from '../../access/actor.ts';
import type { ImportProgressRecord, ImportReportRecord, PreviewProduct } from './import-documents.ts';

/**
 * A product CSV uploaded through the admin: the file is kept in blob storage while it is checked
 * (a dry run) and until it is applied or discarded; the reports and progress live here.
 * Status: checking → checked → applying → done, with failed (a job gave up) and discarded on the side.
 */
export const productImports = pgTable(
  'product_imports',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    status: text('status').$type<ProductImportStatus>().notNull(),
    /** The format asked for at upload ('auto' tells it from the header). */
    requestedFormat: text('requested_format').notNull(),
    /** The format the check found; null until then, or when the header was unusable. */
    detectedFormat: text('detected_format'),
    /** Blob storage key of the uploaded file; the file is removed once no open import needs it. */
    fileKey: text('file_key').notNull(),
    fileName: text('file_name').notNull(),
    fileSize: bigint('file_size', { mode: 'number' }).notNull(),
    createdBy: jsonb('created_by').$type<Actor>().notNull(),
    /** Whether the uploader held catalog:publish: the check previews what they would get. */
    createdCanPublish: boolean('created_can_publish').notNull(),
    appliedBy: jsonb('applied_by').$type<Actor>(),
    /** Whether the person who applied held catalog:publish; the import acts with their rights. */
    appliedCanPublish: boolean('applied_can_publish'),
    /** The running stage's counts, saved after every batch. */
    progress: jsonb('progress').$type<ImportProgressRecord>(),
    checkReport: jsonb('check_report').$type<ImportReportRecord>(),
    applyReport: jsonb('apply_report').$type<ImportReportRecord>(),
    preview: jsonb('preview').$type<PreviewProduct[]>(),
    /** Why a job gave up (status failed). */
    lastError: text('last_error'),
    /** When the import let go of its uploaded file (null while it holds it), and why: see ImportFileRemoval. */
    fileRemovedAt: timestamp('file_removed_at', { withTimezone: true }),
    fileRemovedReason: text('file_removed_reason').$type<ImportFileRemoval>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    applyRequestedAt: timestamp('apply_requested_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('product_imports_store_created_idx').on(t.storeId, t.createdAt),
    index('product_imports_file_key_idx').on(t.fileKey),
  ],
);

export const productImportStatuses = [
  'checking',
  'checked',
  'applying',
  'done',
  'failed',
  'discarded',
] as const;
export type ProductImportStatus = (typeof productImportStatuses)[number];

/**
 * Why an import's file is gone: `finished` — removed when the import was done, failed or discarded;
 * `expired` — checked but never applied, removed by housekeeping (the import is discarded);
 * `retention` — still stored days after the import finished, removed by housekeeping.
 */
export const importFileRemovals = ['finished', 'expired', 'retention'] as const;
export type ImportFileRemoval = (typeof importFileRemovals)[number];

export type ProductImportRow = typeof productImports.$inferSelect;
