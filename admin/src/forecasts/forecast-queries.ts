import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/http.ts';
import { storeApiPath } from '../stores/current-store.tsx';
import type { CreatedReorderDraft, ReorderForecasts } from './forecast-types.ts';

/** Under inventory's key, so a new draft or a receipt refreshes the forecasts' stock numbers too. */
const forecastsKey = (store: string) => ['stores', store, 'inventory', 'reorder-forecasts'] as const;

export const reorderForecastsQuery = (store: string, args: { serviceLevel: number; supplierId?: string }) =>
  queryOptions({
    queryKey: [...forecastsKey(store), args],
    queryFn: () =>
      api.get<ReorderForecasts>(storeApiPath(store, '/insights/reorder-forecasts'), {
        serviceLevel: args.serviceLevel,
        ...(args.supplierId ? { supplierId: args.supplierId } : {}),
      }),
    // Forecasting every variant takes a moment; the numbers change at most with each sale.
    staleTime: 60_000,
  });

export function useCreateReorderDrafts(store: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { serviceLevel: number; supplierIds?: string[] }) =>
      (
        await api.post<{ purchaseOrders: CreatedReorderDraft[] }>(
          storeApiPath(store, '/insights/reorder-forecasts/drafts'),
          input,
        )
      ).purchaseOrders,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['stores', store, 'inventory'] });
      void queryClient.invalidateQueries({ queryKey: ['stores', store, 'audit'] });
    },
  });
}
