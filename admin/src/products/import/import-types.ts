/** Shapes of the product import API's answers (src/modules/catalog/import-jobs). */
import type { ProductStatus } from '../../api/types.ts';

export type CatalogFormat = 'shopify' | 'woocommerce' | 'storepilot';
export type ImportFormat = CatalogFormat | 'auto';

export type ImportStatus = 'checking' | 'checked' | 'applying' | 'done' | 'failed' | 'discarded';

export type IssueSeverity = 'error' | 'warning';

export interface RowIssue {
  /** Line in the file (the header is line 1). */
  row: number;
  column: string | null;
  code: string;
  message: string;
  severity: IssueSeverity;
}

export interface ImportCounts {
  rowsRead: number;
  products: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Live products whose changes wait for review (absent in imports made before it was counted). */
  staged?: number;
  failed: number;
}

export interface ImportProgress extends ImportCounts {
  stage: 'check' | 'apply';
  bytesRead: number;
  bytesTotal: number;
  updatedAt: string;
}

export interface ImportReport extends ImportCounts {
  dryRun: boolean;
  format: CatalogFormat | null;
  issueCount: { errors: number; warnings: number };
  durationMs: number;
  /** One page of the issues kept (of one severity when asked); `kept` counts those that match. */
  issues?: { items: RowIssue[]; offset: number; limit: number; severity: IssueSeverity | null; kept: number };
}

export interface PreviewProduct {
  rows: { first: number; last: number };
  handle: string;
  title: string;
  variants: number;
  price: { min: number; max: number; currency: string };
  images: number;
  fileStatus: ProductStatus;
  status: ProductStatus;
  exists: boolean;
  importable: boolean;
  issues: RowIssue[];
}

export interface ProductImport {
  id: string;
  status: ImportStatus;
  fileName: string;
  fileSize: number;
  requestedFormat: ImportFormat;
  format: CatalogFormat | null;
  createdAt: string;
  createdBy: { type: string; label: string } | null;
  checkedAt: string | null;
  appliedBy: { type: string; label: string } | null;
  applyRequestedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  progress: ImportProgress | null;
  check: ImportReport | null;
  result: ImportReport | null;
  /** Only on a single import. */
  preview?: PreviewProduct[];
}

export const formatLabels: Record<ImportFormat, string> = {
  auto: 'Detect from the file',
  shopify: 'Shopify',
  woocommerce: 'WooCommerce',
  storepilot: 'Storepilot',
};

/** The file's format as the check found it (or as asked for, until the check has run). */
export function formatDescription(
  item: Pick<ProductImport, 'status' | 'format' | 'requestedFormat'>,
): string {
  if (item.format) return formatLabels[item.format];
  if (item.status === 'checking' || item.requestedFormat !== 'auto')
    return formatLabels[item.requestedFormat];
  return 'Format not recognised';
}
