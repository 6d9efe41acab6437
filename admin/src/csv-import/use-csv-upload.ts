import { useQueryClient } from '@tanstack/react-query';
import { withQuery } from '../api/http.ts';
import { postWithProgress } from '../api/upload-with-progress.ts';
import { sessionQuery } from '../auth/session-queries.ts';
import type { CsvSendOptions } from './CsvImportModal.tsx';

/**
 * Sends a CSV file as the whole request body (`Content-Type: text/csv`, what the price and tax-rate
 * imports read), checked only or applied, with the upload's progress. `query` adds parameters such
 * as `replace`; the answer's `report` is returned.
 */
export function useCsvUpload<Report>(path: string, query: Record<string, string> = {}) {
  const queryClient = useQueryClient();
  return async ({ file, dryRun, onProgress, signal }: CsvSendOptions): Promise<Report> => {
    const answer = await postWithProgress<{ report: Report }>({
      path: withQuery(path, { ...query, dryRun: String(dryRun) }),
      body: file,
      contentType: 'text/csv',
      csrfToken: queryClient.getQueryData(sessionQuery.queryKey)?.csrfToken ?? null,
      expectedBytes: file.size,
      onProgress,
      signal,
    });
    return answer.report;
  };
}
