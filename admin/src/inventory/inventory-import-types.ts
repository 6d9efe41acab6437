/** Shapes of the inventory CSV API's answers (src/modules/inventory/interchange). */

export type InventoryCsvFormat = 'storepilot' | 'shopify';
export type InventoryImportFormat = InventoryCsvFormat | 'auto';

export const inventoryCsvFormatLabels: Record<InventoryCsvFormat, string> = {
  storepilot: 'Storepilot',
  shopify: 'Shopify',
};

/** A problem with one row, named the way the file names it. */
export interface InventoryRowError {
  /** Line of the file the row starts on (the header is line 1). */
  row: number;
  column: string;
  code: string;
  message: string;
}

/** A level the import sets (or, in a dry run, would set) to another number. */
export interface InventoryImportChange {
  row: number;
  variantId: string;
  sku: string | null;
  location: string;
  from: number;
  to: number;
}

export interface InventoryImportReport {
  /** The ledger's reference for the import's movements; null for a dry run. */
  importId: string | null;
  format: InventoryCsvFormat;
  dryRun: boolean;
  /** Data rows read. */
  rows: number;
  changed: number;
  unchanged: number;
  /** Rows that leave their level alone ("not stocked" or an empty On hand). */
  skipped: number;
  unitsAdded: number;
  unitsRemoved: number;
  errorCount: number;
  /** The first 500 problems, by row; all are counted in `errorCount`. */
  errors: InventoryRowError[];
  /** The first 500 changes, by row; all are counted in `changed`. */
  changes: InventoryImportChange[];
}

/** The report a refused import (`422 import_invalid`) carries in its details, if it is one. */
export function reportIn(details: unknown): InventoryImportReport | null {
  if (!details || typeof details !== 'object') return null;
  const report = details as Partial<InventoryImportReport>;
  return typeof report.errorCount === 'number' &&
    Array.isArray(report.errors) &&
    Array.isArray(report.changes)
    ? (report as InventoryImportReport)
    : null;
}
