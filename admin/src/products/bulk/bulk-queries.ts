import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/http.ts';
import { storeApiPath } from '../../stores/current-store.tsx';
import { type BulkAction, type BulkOperation, type BulkSelection, finished } from './bulk-types.ts';

const operationPath = (store: string, id: string, rest = '') =>
  storeApiPath(store, `/bulk-operations/${encodeURIComponent(id)}${rest}`);

/** An operation's progress, polled while its job runs. */
export const bulkOperationQuery = (store: string, id: string) =>
  queryOptions({
    queryKey: ['stores', store, 'bulk-operations', id],
    queryFn: async () => (await api.get<{ operation: BulkOperation }>(operationPath(store, id))).operation,
    refetchInterval: (query) => (query.state.data && finished(query.state.data) ? false : 600),
  });

/** When a run finishes, lists and products show its changes. */
export function useRefreshCatalog(store: string) {
  const queryClient = useQueryClient();
  return () => {
    for (const part of ['products', 'collections', 'categories', 'audit']) {
      void queryClient.invalidateQueries({ queryKey: ['stores', store, part] });
    }
  };
}

export function useStartBulkOperation(store: string) {
  return useMutation({
    mutationFn: async (body: { selection: BulkSelection; action: BulkAction }) =>
      (await api.post<{ operation: BulkOperation }>(storeApiPath(store, '/bulk-operations'), body)).operation,
  });
}

export function useUndoBulkOperation(store: string) {
  return useMutation({
    mutationFn: async (id: string) =>
      (await api.post<{ operation: BulkOperation }>(operationPath(store, id, '/undo'))).operation,
  });
}
