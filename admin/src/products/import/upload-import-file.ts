import { postWithProgress, type UploadProgress } from '../../api/upload-with-progress.ts';
import { storeApiPath } from '../../stores/current-store.tsx';
import type { ImportFormat, ProductImport } from './import-types.ts';

/** Uploads a CSV for import as multipart/form-data, reporting how much of it has gone. */
export async function uploadImportFile(options: {
  store: string;
  file: File;
  format: ImportFormat;
  csrfToken: string | null;
  onProgress: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}): Promise<ProductImport> {
  const { store, file, format, ...rest } = options;
  const body = new FormData();
  // The format first: the server reads the fields in order while the file streams to storage.
  body.append('format', format);
  body.append('file', file, file.name);
  const answer = await postWithProgress<{ import: ProductImport }>({
    path: storeApiPath(store, '/imports'),
    body,
    expectedBytes: file.size,
    ...rest,
  });
  return answer.import;
}
