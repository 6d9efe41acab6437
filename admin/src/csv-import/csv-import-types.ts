import { ApiError } from '../api/http.ts';

/** A row the server refused, as the CSV imports of prices and tax rates list them. */
export interface CsvRowError {
  /** The file's line number (the header is line 1). */
  row: number;
  column: string | null;
  code: string;
  message: string;
}

/** What an `import_invalid` refusal says: every row is checked, the first 100 problems are listed. */
export interface CsvRefusal {
  rows: number;
  errorCount: number;
  errors: CsvRowError[];
}

/** The row errors of an `import_invalid` refusal, or null for any other error. */
export function csvRefusalOf(error: unknown): CsvRefusal | null {
  if (!(error instanceof ApiError) || error.code !== 'import_invalid') return null;
  const details = error.details as Partial<CsvRefusal> | undefined;
  if (!details || !Array.isArray(details.errors)) return null;
  return {
    rows: typeof details.rows === 'number' ? details.rows : 0,
    errorCount: typeof details.errorCount === 'number' ? details.errorCount : details.errors.length,
    errors: details.errors,
  };
}

/** One number of an import's report, as a tile. */
export interface CsvImportCount {
  label: string;
  value: number;
  /** Drawn in colour when it is what the import does. */
  highlight?: boolean;
}

/** How a report of a check (dry run) or an import reads, for the modal to show. */
export interface CsvReportSummary {
  /** Rows that change something; nothing to apply when 0. */
  changes: number;
  counts: CsvImportCount[];
}
