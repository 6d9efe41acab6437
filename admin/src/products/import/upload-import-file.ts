import { ApiError } from '../../api/http.ts';
import { storeApiPath } from '../../stores/current-store.tsx';
import type { ImportFormat, ProductImport } from './import-types.ts';

export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * Uploads a CSV for import as multipart/form-data. XMLHttpRequest rather than fetch because only
 * it reports upload progress; errors come back as ApiError like every other request.
 */
export function uploadImportFile(options: {
  store: string;
  file: File;
  format: ImportFormat;
  csrfToken: string | null;
  onProgress: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}): Promise<ProductImport> {
  const { store, file, format, csrfToken, onProgress, signal } = options;
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', storeApiPath(store, '/imports'));
    request.withCredentials = true;
    request.setRequestHeader('accept', 'application/json');
    if (csrfToken) request.setRequestHeader('x-csrf-token', csrfToken);
    request.upload.onprogress = (event) => {
      onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    };
    request.onerror = () =>
      reject(
        new ApiError(
          0,
          'network_error',
          'The upload did not reach the server. Check your connection and try again.',
        ),
      );
    request.onabort = () => reject(new ApiError(0, 'aborted', 'The upload was cancelled.'));
    request.onload = () => {
      let payload: unknown;
      try {
        payload = request.responseText ? JSON.parse(request.responseText) : undefined;
      } catch {
        payload = undefined;
      }
      if (request.status >= 200 && request.status < 300) {
        resolve((payload as { import: ProductImport }).import);
        return;
      }
      const error = (
        payload as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined
      )?.error;
      reject(
        new ApiError(
          request.status,
          typeof error?.code === 'string' ? error.code : `http_${request.status}`,
          typeof error?.message === 'string' ? error.message : `The server answered ${request.status}.`,
          error?.details,
        ),
      );
    };
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    const body = new FormData();
    // The format first: the server reads the fields in order while the file streams to storage.
    body.append('format', format);
    body.append('file', file, file.name);
    request.send(body);
  });
}
