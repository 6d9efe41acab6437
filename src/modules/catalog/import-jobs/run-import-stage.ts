import { pipeline, Transform } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import type { BlobStorage } from '../../../platform/blob-storage/blob-storage.ts';
import type { Db } from '../../../platform/db/database.ts';
import { emitEvent } from '../../../platform/events/outbox.ts';
import type { JobContext, JobRunner } from '../../../platform/jobs/index.ts';
import { findStore, recordAudit } from '../../access/index.ts';
import { importProducts } from '../import/import-products.ts';
import type { ProductStockPort } from '../import/product-stock-port.ts';
import type { CatalogFormat } from '../interchange/index.ts';
import type { CatalogWriter } from '../products.ts';
import type { ImportStage, PreviewProduct } from './import-documents.ts';
import { previewWithReport, readFirstProducts } from './import-preview.ts';
import { ImportProgressRecorder } from './import-progress-recorder.ts';
import {
  IMPORT_APPLY_JOB,
  IMPORT_CHECK_JOB,
  type ImportStagePayload,
  releaseImportFile,
} from './product-imports.ts';
import { type ProductImportRow, type ProductImportStatus, productImports } from './schema.ts';

/** Issues kept per report (all are counted): enough to fix a file, small enough to store and send. */
export const ISSUE_CAP = 1_000;

const runningStatus: Record<ImportStage, ProductImportStatus> = { check: 'checking', apply: 'applying' };

/** The record left the stage's status while it ran (discarded): stop without recording anything. */
class ImportStopped extends Error {}

/** A reason the stage cannot succeed however often it is retried. */
class ImportCannotRun extends Error {}

async function loadImport(db: Db, id: string): Promise<ProductImportRow | undefined> {
  const [row] = await db.select().from(productImports).where(eq(productImports.id, id));
  return row;
}

function writerFor(row: ProductImportRow, stage: ImportStage): CatalogWriter {
  return stage === 'check'
    ? { actor: row.createdBy, canPublish: row.createdCanPublish }
    : { actor: row.appliedBy!, canPublish: row.appliedCanPublish ?? false };
}

/** Where the file's stock quantities go, and whether the stage's actor may change stock. */
export interface ImportStageStock {
  port: ProductStockPort;
  allowed: boolean;
}

/**
 * Runs one stage of an import: the check (a dry run that also reads the preview) or the apply
 * (the real import). Progress is saved after every batch; the report is stored at the end. A stage
 * whose record was discarded meanwhile stops at its next batch.
 */
export async function runImportStage(
  db: Db,
  storage: BlobStorage,
  importId: string,
  stage: ImportStage,
  signal?: AbortSignal,
  stock?: ImportStageStock,
): Promise<void> {
  const status = runningStatus[stage];
  const row = await loadImport(db, importId);
  if (!row || row.status !== status) return;
  const store = await findStore(db, row.storeId);
  if (!store) throw new ImportCannotRun('The store no longer exists.');
  const format = row.requestedFormat as CatalogFormat | 'auto';
  const options = { format, currency: store.baseCurrency };

  let firstProducts: Awaited<ReturnType<typeof readFirstProducts>> = [];
  if (stage === 'check') {
    const head = await storage.get(row.fileKey);
    if (!head) throw new ImportCannotRun('The uploaded file is no longer stored.');
    try {
      firstProducts = await readFirstProducts(head.stream, options);
    } finally {
      head.stream.destroy();
    }
  }

  const blob = await storage.get(row.fileKey);
  if (!blob) throw new ImportCannotRun('The uploaded file is no longer stored.');
  let stopped = false;
  const recorder = new ImportProgressRecorder(db, row.id, status, stage, blob.size, () => {
    stopped = true;
    input.destroy(new ImportStopped());
  });
  // Counts the bytes the parser has taken, so progress can be shown as a share of the file.
  const input = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      recorder.bytesRead += chunk.length;
      callback(null, chunk);
    },
  });
  pipeline(blob.stream, input, () => {
    // Failures reach the import through `input`, which the pipeline destroys with the error.
  });
  const abort = () => input.destroy(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
  signal?.addEventListener('abort', abort, { once: true });
  recorder.record({
    rowsRead: 0,
    products: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    staged: 0,
    failed: 0,
  });

  let report: Awaited<ReturnType<typeof importProducts>>;
  try {
    report = await importProducts(db, writerFor(row, stage), store, input, {
      format,
      dryRun: stage === 'check',
      maxIssues: ISSUE_CAP,
      onProgress: (progress) => recorder.record(progress),
      // The import's id is the ledger's reference for the stock it sets.
      stock: stock && { ...stock, importId: row.id },
    });
    await recorder.settle();
  } catch (err) {
    if (stopped) return;
    throw err;
  } finally {
    signal?.removeEventListener('abort', abort);
    input.destroy();
  }
  if (stopped) return;
  recorder.bytesRead = blob.size;
  const progress = recorder.snapshot(report);

  if (stage === 'check') {
    const preview: PreviewProduct[] = await previewWithReport(
      db,
      store,
      firstProducts,
      report,
      row.createdCanPublish,
    );
    await db
      .update(productImports)
      .set({
        status: 'checked',
        detectedFormat: report.format,
        checkReport: report,
        preview,
        progress,
        checkedAt: new Date(),
      })
      .where(and(eq(productImports.id, row.id), eq(productImports.status, status)));
    return;
  }

  const finished = await db.transaction(async (tx) => {
    const [done] = await tx
      .update(productImports)
      .set({ status: 'done', applyReport: report, progress, finishedAt: new Date() })
      .where(and(eq(productImports.id, row.id), eq(productImports.status, status)))
      .returning();
    if (!done) return undefined;
    const counts = {
      products: report.products,
      created: report.created,
      updated: report.updated,
      unchanged: report.unchanged,
      staged: report.staged,
      failed: report.failed,
      errors: report.issueCount.errors,
      warnings: report.issueCount.warnings,
    };
    await recordAudit(tx, done.appliedBy!, {
      storeId: done.storeId,
      action: 'product_import.completed',
      entityType: 'product_import',
      entityId: done.id,
      after: { status: 'done', fileName: done.fileName, ...counts },
    });
    await emitEvent(tx, {
      storeId: done.storeId,
      type: 'product_import.completed',
      payload: { id: done.id, ...counts },
    });
    return done;
  });
  if (finished) await releaseImportFile(db, storage, finished);
}

/** Gives up on a stage: the record says why, and its file is let go (it can be uploaded again). */
async function markFailed(
  db: Db,
  storage: BlobStorage,
  importId: string,
  stage: ImportStage,
  message: string,
) {
  const [failed] = await db
    .update(productImports)
    .set({ status: 'failed', lastError: message.slice(0, 2000), finishedAt: new Date() })
    .where(and(eq(productImports.id, importId), eq(productImports.status, runningStatus[stage])))
    .returning();
  if (failed) await releaseImportFile(db, storage, failed);
}

function stageHandler(storage: BlobStorage, stage: ImportStage, stockPort: ProductStockPort | undefined) {
  return async ({ importId, canSetStock }: ImportStagePayload, context: JobContext) => {
    const stock = stockPort && { port: stockPort, allowed: canSetStock === true };
    try {
      await runImportStage(context.db, storage, importId, stage, context.signal, stock);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (err instanceof ImportCannotRun || context.attempt >= context.maxAttempts) {
        await markFailed(context.db, storage, importId, stage, message);
        if (err instanceof ImportCannotRun) return;
      }
      throw err;
    }
  };
}

/**
 * The check and apply jobs. A stage restarts from the top when retried: the check is a dry run,
 * and the import matches products by handle, so a second run never duplicates what the first wrote
 * (and sets stock, never adds to it). `stock`: the inventory module's port for the files' stock
 * quantities (without it they are not read).
 */
export function registerProductImportJobs(
  jobs: JobRunner,
  storage: BlobStorage,
  options: { stock?: ProductStockPort } = {},
): void {
  const timeoutMs = 60 * 60_000;
  const { stock } = options;
  jobs.register(IMPORT_CHECK_JOB, stageHandler(storage, 'check', stock), { concurrency: 2, timeoutMs });
  jobs.register(IMPORT_APPLY_JOB, stageHandler(storage, 'apply', stock), { concurrency: 1, timeoutMs });
}
