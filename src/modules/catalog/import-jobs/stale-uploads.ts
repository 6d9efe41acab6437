import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { BlobStorage } from '../../../platform/blob-storage/blob-storage.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { JobRunner, ScheduleDefinition } from '../../../platform/jobs/index.ts';
import { recordAudit, systemActor } from '../../access/index.ts';
import { importAuditView, releaseImportFile } from './product-imports.ts';
import { type ProductImportRow, productImports } from './schema.ts';

/**
 * Housekeeping of uploaded product CSVs (they may hold costs and stock figures, so none is kept
 * longer than it is needed). An import lets go of its file when it finishes; this sweeps up the rest:
 * - **expired**: a file checked but never applied within `unappliedHours` — the import is discarded
 *   (audited), its file removed, the record kept with a note (`file_removed_reason = 'expired'`);
 * - **retention**: a finished (done, failed, discarded) import that still has its file
 *   `retentionDays` after it finished (a crash between finishing and removing the file);
 * - **orphans**: stored files no import holds, older than `unappliedHours` (an upload whose import
 *   was never recorded). The age spares uploads in progress: a file is stored before its record.
 * Import records are never deleted.
 */

export const STALE_IMPORT_UPLOADS_JOB = 'catalog.product-import.stale-uploads';

export interface StaleImportUploadsOptions {
  /** A finished import's file is removed at the latest this many days after it finished (default 7). */
  retentionDays?: number;
  /** A checked import not applied within this many hours expires (default 24). */
  unappliedHours?: number;
  /** Report what would be removed; change nothing. */
  dryRun?: boolean;
  /** The moment ages are measured from (tests). */
  now?: Date;
}

export interface RemovedImportFile {
  importId: string;
  storeId: string;
  /** Bytes of the file; 0 when it was already gone or is still shared with an open import. */
  bytes: number;
  removedFile: boolean;
}

export interface StaleImportUploadsReport {
  dryRun: boolean;
  expired: RemovedImportFile[];
  retention: RemovedImportFile[];
  orphans: { key: string; bytes: number }[];
  filesRemoved: number;
  bytesRemoved: number;
}

export const DEFAULT_IMPORT_FILE_RETENTION_DAYS = 7;
export const DEFAULT_UNAPPLIED_IMPORT_HOURS = 24;
const HOUR_MS = 60 * 60 * 1000;
/** Stored files checked against the records in one query. */
const ORPHAN_BATCH = 500;
const actor = systemActor('housekeeping');

export async function removeStaleImportUploads(
  db: Db,
  storage: BlobStorage,
  options: StaleImportUploadsOptions = {},
): Promise<StaleImportUploadsReport> {
  const now = options.now ?? new Date();
  const dryRun = options.dryRun ?? false;
  const retentionDays = options.retentionDays ?? DEFAULT_IMPORT_FILE_RETENTION_DAYS;
  const unappliedHours = options.unappliedHours ?? DEFAULT_UNAPPLIED_IMPORT_HOURS;
  const unappliedBefore = new Date(now.getTime() - unappliedHours * HOUR_MS);
  const finishedBefore = new Date(now.getTime() - retentionDays * 24 * HOUR_MS);
  const report: StaleImportUploadsReport = {
    dryRun,
    expired: [],
    retention: [],
    orphans: [],
    filesRemoved: 0,
    bytesRemoved: 0,
  };
  const tally = (row: ProductImportRow, removedFile: boolean): RemovedImportFile => {
    if (removedFile) {
      report.filesRemoved++;
      report.bytesRemoved += row.fileSize;
    }
    return { importId: row.id, storeId: row.storeId, bytes: removedFile ? row.fileSize : 0, removedFile };
  };

  const unapplied = await db
    .select()
    .from(productImports)
    .where(and(eq(productImports.status, 'checked'), lt(productImports.checkedAt, unappliedBefore)));
  for (const row of unapplied) {
    if (dryRun) {
      report.expired.push(tally(row, await storage.exists(row.fileKey)));
      continue;
    }
    const expired = await expireImport(db, row.id, unappliedBefore, unappliedHours);
    // Applied or discarded meanwhile: that path lets go of the file itself.
    if (expired)
      report.expired.push(tally(expired, await releaseImportFile(db, storage, expired, 'expired')));
  }

  const finished = await db
    .select()
    .from(productImports)
    .where(
      and(
        inArray(productImports.status, ['done', 'failed', 'discarded']),
        isNull(productImports.fileRemovedAt),
        lt(sql`coalesce(${productImports.finishedAt}, ${productImports.createdAt})`, finishedBefore),
      ),
    );
  for (const row of finished) {
    const removed = dryRun
      ? await storage.exists(row.fileKey)
      : await releaseImportFile(db, storage, row, 'retention');
    report.retention.push(tally(row, removed));
  }

  let batch: { key: string; size: number }[] = [];
  const sweep = async () => {
    const keys = batch.map((blob) => blob.key);
    const held = await db
      .selectDistinct({ key: productImports.fileKey })
      .from(productImports)
      .where(and(inArray(productImports.fileKey, keys), isNull(productImports.fileRemovedAt)));
    const heldKeys = new Set(held.map((row) => row.key));
    for (const blob of batch) {
      if (heldKeys.has(blob.key)) continue;
      if (!dryRun && !(await storage.delete(blob.key))) continue;
      report.orphans.push({ key: blob.key, bytes: blob.size });
      report.filesRemoved++;
      report.bytesRemoved += blob.size;
    }
    batch = [];
  };
  for await (const blob of storage.list()) {
    if (blob.storedAt >= unappliedBefore) continue;
    batch.push({ key: blob.key, size: blob.size });
    if (batch.length >= ORPHAN_BATCH) await sweep();
  }
  if (batch.length > 0) await sweep();
  return report;
}

/** Discards a checked import nobody applied (audited); undefined when it is no longer waiting. */
async function expireImport(
  db: Db,
  id: string,
  unappliedBefore: Date,
  unappliedHours: number,
): Promise<ProductImportRow | undefined> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(productImports)
      .set({ status: 'discarded', finishedAt: new Date() })
      .where(
        and(
          eq(productImports.id, id),
          eq(productImports.status, 'checked'),
          lt(productImports.checkedAt, unappliedBefore),
        ),
      )
      .returning();
    if (!row) return undefined;
    await recordAudit(tx, actor, {
      storeId: row.storeId,
      action: 'product_import.expired',
      entityType: 'product_import',
      entityId: row.id,
      before: { ...importAuditView(row), status: 'checked' },
      after: { ...importAuditView(row), notAppliedWithinHours: unappliedHours },
    });
    return row;
  });
}

/** Every hour: an unapplied upload goes within an hour of its 24 hours. */
export const staleImportUploadsSchedule: ScheduleDefinition = {
  name: STALE_IMPORT_UPLOADS_JOB,
  jobName: STALE_IMPORT_UPLOADS_JOB,
  everySeconds: 60 * 60,
  payload: {},
};

export function registerStaleImportUploadsJob(
  jobs: Pick<JobRunner, 'register'>,
  storage: BlobStorage,
  options: { retentionDays?: number; unappliedHours?: number } = {},
): void {
  jobs.register(
    STALE_IMPORT_UPLOADS_JOB,
    async (_payload, { db, logger }) => {
      const report = await removeStaleImportUploads(db, storage, options);
      // Counts only: file names and stores are the merchants' business.
      logger.info(
        {
          job: STALE_IMPORT_UPLOADS_JOB,
          expired: report.expired.length,
          retention: report.retention.length,
          orphans: report.orphans.length,
          filesRemoved: report.filesRemoved,
          bytesRemoved: report.bytesRemoved,
        },
        'stale import uploads removed',
      );
    },
    { concurrency: 1, timeoutMs: 30 * 60_000 },
  );
}
