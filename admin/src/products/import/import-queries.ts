import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/http.ts';
import { storeApiPath } from '../../stores/current-store.tsx';
import type { CatalogFormat, IssueSeverity, ProductImport } from './import-types.ts';

export const importIssuePageSize = 50;

const importsKey = (store: string) => ['stores', store, 'imports'] as const;

/** While a stage runs the import is polled; once it settles, it is read once. */
const running = (item: ProductImport | undefined) =>
  item?.status === 'checking' || item?.status === 'applying';

/** Which issues of the report to show: a page, optionally of one severity. */
export interface IssueView {
  page: number;
  severity?: IssueSeverity;
}

export const productImportQuery = (store: string, id: string, issues: IssueView) =>
  queryOptions({
    queryKey: [...importsKey(store), 'one', id, issues],
    queryFn: async () =>
      (
        await api.get<{ import: ProductImport }>(storeApiPath(store, `/imports/${encodeURIComponent(id)}`), {
          issueOffset: issues.page * importIssuePageSize,
          issueLimit: importIssuePageSize,
          issueSeverity: issues.severity,
        })
      ).import,
    refetchInterval: (query) => (running(query.state.data) ? 700 : false),
    staleTime: 0,
  });

export const recentImportsQuery = (store: string) =>
  queryOptions({
    queryKey: [...importsKey(store), 'recent'],
    queryFn: async () =>
      (await api.get<{ items: ProductImport[] }>(storeApiPath(store, '/imports'), { limit: 10 })).items,
    refetchInterval: (query) => (query.state.data?.some(running) ? 2000 : false),
  });

function useImportCacheRefresh(store: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: importsKey(store) });
    void queryClient.invalidateQueries({ queryKey: ['stores', store, 'audit'] });
  };
}

export function useApplyImport(store: string, id: string) {
  const refresh = useImportCacheRefresh(store);
  return useMutation({
    mutationFn: async () =>
      (
        await api.post<{ import: ProductImport }>(
          storeApiPath(store, `/imports/${encodeURIComponent(id)}/apply`),
        )
      ).import,
    onSuccess: refresh,
  });
}

export function useDiscardImport(store: string, id: string) {
  const refresh = useImportCacheRefresh(store);
  return useMutation({
    mutationFn: () => api.delete(storeApiPath(store, `/imports/${encodeURIComponent(id)}`)),
    onSuccess: refresh,
  });
}

/** Where the browser downloads the catalog as CSV (a plain GET with the session cookie). */
export function productExportUrl(store: string, format: CatalogFormat): string {
  return `${storeApiPath(store, '/products/export')}?format=${format}`;
}
