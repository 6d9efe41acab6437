/** Product CSV import through the admin (upload, check, apply) and export: the catalog's public face re-exports these. */
import path from 'node:path';
import type { BlobStorage } from '../../../platform/blob-storage/blob-storage.ts';
import { LocalDiskBlobStorage } from '../../../platform/blob-storage/local-disk-blob-storage.ts';

export { type ProductImportRouteOptions, productImportRoutes } from './routes.ts';
export { registerProductImportJobs } from './run-import-stage.ts';
export {
  registerStaleImportUploadsJob,
  removeStaleImportUploads,
  type StaleImportUploadsReport,
  staleImportUploadsSchedule,
} from './stale-uploads.ts';

/**
 * Where uploaded import files wait: blob storage apart from the public media, so an upload (which
 * may hold costs and stock figures) is never served under /media.
 */
export function productImportStorage(dataDir: string): BlobStorage {
  return new LocalDiskBlobStorage({ dataDir: path.join(dataDir, 'import-uploads') });
}
