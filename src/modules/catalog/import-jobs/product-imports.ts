import { and, desc, eq, getTableColumns, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { BlobStorage } from '../../../platform/blob-storage/blob-storage.ts';
import type { Db } from '../../../platform/db/database.ts';
import { conflict, notFound, unprocessable } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { enqueueJob } from '../../../platform/jobs/index.ts';
import { type Actor, recordAudit } from '../../access/index.ts';
import type { ImportReportRecord } from './import-documents.ts';
import type { ReceivedImportUpload } from './receive-import-upload.ts';
import {
  type ImportFileRemoval,
  type ProductImportRow,
  type ProductImportStatus,
  productImports,
} from './schema.ts';

export const IMPORT_CHECK_JOB = 'catalog.product-import.check';
export const IMPORT_APPLY_JOB = 'catalog.product-import.apply';
/** Attempts per stage: a crash or a database hiccup is retried; a file that cannot be read is not. */
export const IMPORT_JOB_ATTEMPTS = 3;

/** Statuses in which the uploaded file is still needed. */
const statusesHoldingFile: ProductImportStatus[] = ['checking', 'checked', 'applying'];

/** What the audit log keeps about an import (no reports: they can be large). */
export function importAuditView(row: ProductImportRow) {
  return {
    status: row.status,
    fileName: row.fileName,
    fileSize: row.fileSize,
    format: row.detectedFormat ?? row.requestedFormat,
  };
}

/** What a stage's job is given: the import, and whether its actor may change stock (inventory:write). */
export interface ImportStagePayload {
  importId: string;
  canSetStock?: boolean;
}

/**
 * Records an uploaded file as a new import and queues its check (a dry run), in one transaction:
 * the job exists exactly when the record does. `canSetStock`: whether the uploader holds
 * inventory:write, so the check shows whether the file's stock quantities would be set.
 */
export async function createProductImport(
  db: Db,
  actor: Actor,
  store: { id: string },
  upload: ReceivedImportUpload,
  canPublish: boolean,
  canSetStock = false,
): Promise<ProductImportRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(productImports)
      .values({
        id: newId('importRun'),
        storeId: store.id,
        status: 'checking',
        requestedFormat: upload.format,
        fileKey: upload.fileKey,
        fileName: upload.fileName,
        fileSize: upload.size,
        createdBy: actor,
        createdCanPublish: canPublish,
      })
      .returning();
    const payload: ImportStagePayload = { importId: row!.id, canSetStock };
    await enqueueJob(tx, IMPORT_CHECK_JOB, payload, { maxAttempts: IMPORT_JOB_ATTEMPTS });
    await recordAudit(tx, actor, {
      storeId: store.id,
      action: 'product_import.created',
      entityType: 'product_import',
      entityId: row!.id,
      after: importAuditView(row!),
    });
    return row!;
  });
}

export async function getProductImport(db: Db, storeId: string, id: string): Promise<ProductImportRow> {
  const [row] = await db
    .select()
    .from(productImports)
    .where(and(eq(productImports.storeId, storeId), eq(productImports.id, id)));
  if (!row) throw notFound('Import');
  return row;
}

/** The store's imports, newest first, with their reports' counts but not their issues or previews. */
export async function listProductImports(
  db: Db,
  storeId: string,
  options: { limit: number; offset: number },
) {
  const { checkReport, applyReport, preview, ...summary } = getTableColumns(productImports);
  return db
    .select({
      ...summary,
      checkReport: sql<ImportReportRecord | null>`${checkReport} - 'issues'`,
      applyReport: sql<ImportReportRecord | null>`${applyReport} - 'issues'`,
    })
    .from(productImports)
    .where(eq(productImports.storeId, storeId))
    .orderBy(desc(productImports.createdAt), desc(productImports.id))
    .limit(options.limit)
    .offset(options.offset);
}

export type ProductImportSummary = Awaited<ReturnType<typeof listProductImports>>[number];

function refuseTransition(row: ProductImportRow, wanted: 'apply' | 'discard'): never {
  switch (row.status) {
    case 'checking':
      throw conflict(
        'import_not_checked',
        'The file is still being checked; apply it when the check is done.',
      );
    case 'applying':
    case 'done':
      throw conflict(
        'import_already_applied',
        wanted === 'apply'
          ? 'This import has already been applied.'
          : 'An applied import cannot be discarded.',
      );
    case 'discarded':
      throw conflict('import_discarded', 'This import was discarded; upload the file again.');
    case 'failed':
      throw conflict('import_failed', 'This import failed; upload the file again.');
    default:
      throw conflict('import_state', `The import is ${row.status}.`);
  }
}

/**
 * Starts the real import of a checked file, acting with the rights of the person who applies it
 * (`canSetStock`: inventory:write, which the file's stock quantities need).
 * Refused while the check runs, once applied, and for a file with no product to import.
 */
export async function applyProductImport(
  db: Db,
  actor: Actor,
  storeId: string,
  id: string,
  canPublish: boolean,
  canSetStock = false,
): Promise<ProductImportRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(productImports)
      .where(and(eq(productImports.storeId, storeId), eq(productImports.id, id)))
      .for('update');
    if (!row) throw notFound('Import');
    if (row.status !== 'checked') refuseTransition(row, 'apply');
    if ((row.checkReport?.products ?? 0) === 0) {
      throw unprocessable('nothing_to_import', 'The check found no product in this file to import.');
    }
    const [updated] = await tx
      .update(productImports)
      .set({
        status: 'applying',
        appliedBy: actor,
        appliedCanPublish: canPublish,
        applyRequestedAt: new Date(),
        progress: null,
      })
      .where(eq(productImports.id, id))
      .returning();
    const payload: ImportStagePayload = { importId: id, canSetStock };
    await enqueueJob(tx, IMPORT_APPLY_JOB, payload, { maxAttempts: IMPORT_JOB_ATTEMPTS });
    await recordAudit(tx, actor, {
      storeId,
      action: 'product_import.applied',
      entityType: 'product_import',
      entityId: id,
      before: importAuditView(row),
      after: { ...importAuditView(updated!), canPublish, canSetStock },
    });
    return updated!;
  });
}

/**
 * Discards an import that was not applied (a check still running stops at its next batch) and
 * removes its file unless another open import uploaded the very same bytes.
 */
export async function discardProductImport(
  db: Db,
  storage: BlobStorage,
  actor: Actor,
  storeId: string,
  id: string,
): Promise<void> {
  const row = await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(productImports)
      .where(and(eq(productImports.storeId, storeId), eq(productImports.id, id)))
      .for('update');
    if (!row) throw notFound('Import');
    // A failed check can be discarded; a failed apply may have written products, so it stays on record.
    const discardable =
      row.status === 'checking' || row.status === 'checked' || (row.status === 'failed' && !row.appliedBy);
    if (!discardable) refuseTransition(row, 'discard');
    const [updated] = await tx
      .update(productImports)
      .set({ status: 'discarded', finishedAt: new Date() })
      .where(eq(productImports.id, id))
      .returning();
    await recordAudit(tx, actor, {
      storeId,
      action: 'product_import.discarded',
      entityType: 'product_import',
      entityId: id,
      before: importAuditView(row),
      after: importAuditView(updated!),
    });
    return updated!;
  });
  await releaseImportFile(db, storage, row);
}

/**
 * Lets go of an import's file: deletes it unless another open import refers to the same
 * (content-addressed) key, then notes on the import that its file is gone and why. In that order, so
 * a crash in between leaves the note unwritten and housekeeping (stale-uploads.ts) finishes the job.
 * True when a file was deleted.
 */
export async function releaseImportFile(
  db: Db,
  storage: BlobStorage,
  row: ProductImportRow,
  reason: ImportFileRemoval = 'finished',
): Promise<boolean> {
  const [holder] = await db
    .select({ id: productImports.id })
    .from(productImports)
    .where(
      and(
        eq(productImports.fileKey, row.fileKey),
        ne(productImports.id, row.id),
        inArray(productImports.status, statusesHoldingFile),
      ),
    )
    .limit(1);
  const deleted = holder ? false : await storage.delete(row.fileKey);
  await db
    .update(productImports)
    .set({ fileRemovedAt: new Date(), fileRemovedReason: reason })
    .where(and(eq(productImports.id, row.id), isNull(productImports.fileRemovedAt)));
  return deleted;
}
