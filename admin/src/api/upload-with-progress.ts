import { ApiError } from './http.ts';

export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * POSTs a multipart body (or a file as the whole body, with its `contentType`) and reports how much
 * of it has gone. XMLHttpRequest rather than fetch because only it reports upload progress; the
 * answer is read like `apiRequest` reads one (JSON, the server's error body as an ApiError), and a
 * cancelled upload rejects with code `aborted`.
 */
export function postWithProgress<T>(options: {
  path: string;
  /** A multipart form; or a file sent as it is, for endpoints that read the body as CSV text. */
  body: FormData | Blob;
  /** The body's content type when it is a file (a form's is written by the browser). */
  contentType?: string;
  /** The session's CSRF token (every non-GET request with the cookie needs it). */
  csrfToken: string | null;
  /** Total to report when the browser cannot tell (the file's size). */
  expectedBytes: number;
  onProgress: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}): Promise<T> {
  const { path, body, contentType, csrfToken, expectedBytes, onProgress, signal } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new ApiError(0, 'aborted', 'The upload was cancelled.'));
      return;
    }
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.withCredentials = true;
    request.setRequestHeader('accept', 'application/json');
    if (csrfToken) request.setRequestHeader('x-csrf-token', csrfToken);
    if (contentType && !(body instanceof FormData)) request.setRequestHeader('content-type', contentType);
    request.upload.onprogress = (event) => {
      onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : expectedBytes });
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
        resolve(payload as T);
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
    request.send(body);
  });
}
