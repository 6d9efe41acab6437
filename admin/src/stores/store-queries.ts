import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/http.ts';
import type { Store, StoreDetail } from '../api/types.ts';
import { sessionQuery } from '../auth/session-queries.ts';
import { storeApiPath } from './current-store.tsx';

export const storeDetailQuery = (handle: string) =>
  queryOptions({
    queryKey: ['stores', handle, 'detail'],
    queryFn: () => api.get<StoreDetail>(storeApiPath(handle)),
  });

export interface NewStore {
  handle: string;
  name: string;
  baseCurrency: string;
  locale?: string;
  timezone?: string;
}

export function useCreateStore() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewStore) => api.post<{ store: Store }>('/api/admin/stores', input),
    // The new membership (owner) arrives with the session; load it before anyone navigates there.
    onSuccess: () => queryClient.fetchQuery({ ...sessionQuery, staleTime: 0 }),
  });
}
