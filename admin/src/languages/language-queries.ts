import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/http.ts';
import type { Store } from '../api/types.ts';
import { sessionQuery } from '../auth/session-queries.ts';
import { storeApiPath } from '../stores/current-store.tsx';
import { storeDetailQuery } from '../stores/store-queries.ts';

/** Sets every locale the storefront serves (the default is always among them). */
export function useSaveStoreLocales(store: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (locales: string[]) =>
      (await api.patch<{ store: Store }>(storeApiPath(store), { locales })).store,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: storeDetailQuery(store).queryKey });
      void queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey });
      void queryClient.invalidateQueries({ queryKey: ['stores', store, 'translations'] });
      void queryClient.invalidateQueries({ queryKey: ['stores', store, 'audit'] });
    },
  });
}
