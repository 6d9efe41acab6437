import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/http.ts';
import type { ApiKey } from '../api/types.ts';
import { storeApiPath } from '../stores/current-store.tsx';

export const apiKeysQuery = (store: string) =>
  queryOptions({
    queryKey: ['stores', store, 'api-keys'],
    queryFn: async () => (await api.get<{ items: ApiKey[] }>(storeApiPath(store, '/api-keys'))).items,
  });

function useKeysChanged(store: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: apiKeysQuery(store).queryKey });
    void queryClient.invalidateQueries({ queryKey: ['stores', store, 'audit'] });
  };
}

export function useCreateApiKey(store: string) {
  const changed = useKeysChanged(store);
  return useMutation({
    mutationFn: (input: { name: string; permissions: string[] }) =>
      api.post<{ apiKey: ApiKey; key: string }>(storeApiPath(store, '/api-keys'), input),
    onSuccess: changed,
  });
}

export function useRevokeApiKey(store: string) {
  const changed = useKeysChanged(store);
  return useMutation({
    mutationFn: (id: string) => api.delete(storeApiPath(store, `/api-keys/${encodeURIComponent(id)}`)),
    onSuccess: changed,
  });
}
