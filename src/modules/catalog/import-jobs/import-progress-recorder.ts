import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import type { ImportProgress } from '../import/import-products.ts';
import type { ImportProgressRecord, ImportStage } from './import-documents.ts';
import { type ProductImportStatus, productImports } from './schema.ts';

/**
 * Saves a running stage's progress to its import record after every batch. The import calls back
 * synchronously between batches; writes are chained (never two at once) and a write that finds
 * the record no longer in the stage's status (discarded meanwhile) tells the runner to stop.
 */
export class ImportProgressRecorder {
  bytesRead = 0;
  private latest: ImportProgress = {
    rowsRead: 0,
    products: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    staged: 0,
    failed: 0,
  };
  private dirty = false;
  private writing: Promise<void> | null = null;
  private failure: unknown = null;

  constructor(
    private readonly db: Db,
    private readonly importId: string,
    private readonly status: ProductImportStatus,
    private readonly stage: ImportStage,
    private readonly bytesTotal: number,
    private readonly onStale: () => void,
  ) {}

  /** The progress as it would be stored now. */
  snapshot(progress: ImportProgress = this.latest): ImportProgressRecord {
    const { rowsRead, products, created, updated, unchanged, staged, failed } = progress;
    return {
      stage: this.stage,
      rowsRead,
      products,
      created,
      updated,
      unchanged,
      staged,
      failed,
      bytesRead: Math.min(this.bytesRead, this.bytesTotal),
      bytesTotal: this.bytesTotal,
      updatedAt: new Date().toISOString(),
    };
  }

  /** Called by the import after each batch; the write happens in the background. */
  record(progress: ImportProgress): void {
    this.latest = progress;
    this.dirty = true;
    this.startWriting();
  }

  private startWriting(): void {
    if (this.writing) return;
    this.writing = this.drain().finally(() => {
      this.writing = null;
      // Progress that arrived while the last write was finishing.
      if (this.dirty && !this.failure) this.startWriting();
    });
  }

  /** Waits for the last write; throws if a write failed. */
  async settle(): Promise<void> {
    while (this.writing) await this.writing;
    if (this.failure) throw this.failure;
  }

  private async drain(): Promise<void> {
    while (this.dirty && !this.failure) {
      this.dirty = false;
      try {
        const saved = await this.db
          .update(productImports)
          .set({ progress: this.snapshot() })
          .where(and(eq(productImports.id, this.importId), eq(productImports.status, this.status)))
          .returning({ id: productImports.id });
        if (saved.length === 0) this.onStale();
      } catch (err) {
        this.failure = err;
      }
    }
  }
}
