import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../api/http.ts';
import { storeApiPath } from '../stores/current-store.tsx';
import type { StockListFilter } from './inventory-search.ts';
import type {
  AdjustmentReason,
  InventoryLocation,
  InventorySettings,
  LocationAddress,
  LocationKind,
  StockRow,
  VariantStockPage,
} from './inventory-types.ts';

/** Every inventory answer of a store sits under this key, so one change refreshes all of them. */
const inventoryKey = (store: string) => ['stores', store, 'inventory'] as const;

export const stockListQuery = (
  store: string,
  args: StockListFilter & { tracking?: 'tracked' | 'untracked'; limit: number; offset: number },
) =>
  queryOptions({
    queryKey: [...inventoryKey(store), 'stock', args],
    queryFn: () =>
      api.get<{ items: StockRow[]; total: number }>(storeApiPath(store, '/inventory/stock'), { ...args }),
    placeholderData: keepPreviousData,
  });

const ledgerPageSize = 20;

/**
 * A variant's stock and its ledger, newest first, a page at a time ("load more" asks for the rows
 * before the last one shown). Each page carries the stock too; the first page's is shown.
 */
export const variantStockQuery = (store: string, variantId: string) =>
  infiniteQueryOptions({
    queryKey: [...inventoryKey(store), 'variant', variantId],
    queryFn: ({ pageParam }) =>
      api.get<VariantStockPage>(storeApiPath(store, `/inventory/variants/${encodeURIComponent(variantId)}`), {
        limit: ledgerPageSize,
        before: pageParam ?? undefined,
      }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.ledger.nextBefore,
  });

export const locationsQuery = (store: string) =>
  queryOptions({
    queryKey: [...inventoryKey(store), 'locations'],
    queryFn: async () =>
      (await api.get<{ items: InventoryLocation[] }>(storeApiPath(store, '/inventory/locations'))).items,
  });

export const inventorySettingsQuery = (store: string) =>
  queryOptions({
    queryKey: [...inventoryKey(store), 'settings'],
    queryFn: async () =>
      (await api.get<{ settings: InventorySettings }>(storeApiPath(store, '/inventory/settings'))).settings,
  });

/** After any inventory change: every stock number, ledger and location of the store may have moved. */
export function useInventoryRefresh(store: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: inventoryKey(store) });
    void queryClient.invalidateQueries({ queryKey: ['stores', store, 'audit'] });
  };
}

export interface AdjustmentInput {
  variantId: string;
  locationId: string;
  /** Change of on hand, signed, never 0. */
  quantity: number;
  reason: AdjustmentReason;
  note?: string;
}

export function useAdjustStock(store: string) {
  const refresh = useInventoryRefresh(store);
  return useMutation({
    mutationFn: (item: AdjustmentInput) =>
      api.post(storeApiPath(store, '/inventory/adjustments'), { items: [item] }),
    onSuccess: refresh,
  });
}

export interface InventoryItemInput {
  tracked?: boolean;
  lowStockThreshold?: number | null;
  overstockThreshold?: number | null;
}

export function useUpdateInventoryItem(store: string, variantId: string) {
  const refresh = useInventoryRefresh(store);
  return useMutation({
    mutationFn: (input: InventoryItemInput) =>
      api.patch(storeApiPath(store, `/inventory/variants/${encodeURIComponent(variantId)}`), input),
    onSuccess: refresh,
  });
}

export interface LocationInput {
  name: string;
  kind: LocationKind;
  address: LocationAddress;
  fulfilmentPriority: number;
  active: boolean;
}

export function useSaveLocation(store: string) {
  const refresh = useInventoryRefresh(store);
  return useMutation({
    mutationFn: async ({ id, input }: { id: string | null; input: LocationInput }) =>
      id
        ? (
            await api.patch<{ location: InventoryLocation }>(
              storeApiPath(store, `/inventory/locations/${encodeURIComponent(id)}`),
              input,
            )
          ).location
        : (
            await api.post<{ location: InventoryLocation }>(
              storeApiPath(store, '/inventory/locations'),
              input,
            )
          ).location,
    onSuccess: refresh,
  });
}

export function useUpdateInventorySettings(store: string) {
  const refresh = useInventoryRefresh(store);
  return useMutation({
    mutationFn: async (input: Partial<InventorySettings>) =>
      (await api.patch<{ settings: InventorySettings }>(storeApiPath(store, '/inventory/settings'), input))
        .settings,
    onSuccess: refresh,
  });
}
