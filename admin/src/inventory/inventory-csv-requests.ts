import { withQuery } from '../api/http.ts';
import { postWithProgress, type UploadProgress } from '../api/upload-with-progress.ts';
import { storeApiPath } from '../stores/current-store.tsx';
import type {
  InventoryCsvFormat,
  InventoryImportFormat,
  InventoryImportReport,
} from './inventory-import-types.ts';

/** Where the browser downloads every stock level as CSV (a plain GET with the session cookie). */
export function inventoryExportUrl(store: string, format: InventoryCsvFormat): string {
  return withQuery(storeApiPath(store, '/inventory/export.csv'), { format });
}

/**
 * Sends an inventory CSV to the import: checked only (`dryRun`) or applied. The file goes as the
 * multipart field "file", the only field the server takes; format and dry run go in the query.
 */
export async function sendInventoryFile(options: {
  store: string;
  file: File;
  format: InventoryImportFormat;
  dryRun: boolean;
  csrfToken: string | null;
  onProgress: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}): Promise<InventoryImportReport> {
  const { store, file, format, dryRun, ...rest } = options;
  const body = new FormData();
  body.append('file', file, file.name);
  const answer = await postWithProgress<{ report: InventoryImportReport }>({
    path: withQuery(storeApiPath(store, '/inventory/import'), { format, dryRun: String(dryRun) }),
    body,
    expectedBytes: file.size,
    ...rest,
  });
  return answer.report;
}
