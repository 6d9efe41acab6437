import type { ImportProgress, ImportReport } from '../import/import-products.ts';
import type { ProductStatus, RowIssue } from '../interchange/index.ts';

/** The JSON documents an import record keeps: progress while a stage runs, reports, the preview. */

export type ImportStage = 'check' | 'apply';

export interface ImportProgressRecord extends ImportProgress {
  stage: ImportStage;
  /** Bytes of the file the parser has consumed; with bytesTotal, how far the stage has got. */
  bytesRead: number;
  bytesTotal: number;
  updatedAt: string;
}

/** The service's report as stored (issues capped at `issueCap`; all are counted in issueCount). */
export type ImportReportRecord = ImportReport;

/** One of the first products of the file, as the import will write it. */
export interface PreviewProduct {
  /** The product's first and last rows in the file. */
  rows: { first: number; last: number };
  handle: string;
  title: string;
  variants: number;
  /** Lowest and highest variant price, minor units of the store currency. */
  price: { min: number; max: number; currency: string };
  images: number;
  /** The status in the file. */
  fileStatus: ProductStatus;
  /** The status it will get: an active product stays unpublished without catalog:publish. */
  status: ProductStatus;
  /** Whether a product with this handle exists in the store (it would be updated). */
  exists: boolean;
  /** False when an error keeps the product out of the import. */
  importable: boolean;
  issues: RowIssue[];
}
