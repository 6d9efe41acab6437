import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/http.ts';
import type { StockRow } from '../inventory/inventory-types.ts';
import { storeApiPath } from '../stores/current-store.tsx';
import type {
  CountListItem,
  CountReport,
  CountState,
  CursorPage,
  Transfer,
  TransferState,
  TransferSummary,
} from './stock-move-types.ts';

/** Under the inventory key, so a transfer or count also refreshes the stock screens (and they it). */
const inventoryKey = (store: string) => ['stores', store, 'inventory'] as const;
const pageSize = 50;

export const transfersQuery = (store: string, state: TransferState | undefined) =>
  infiniteQueryOptions({
    queryKey: [...inventoryKey(store), 'transfers', { state }],
    queryFn: ({ pageParam }) =>
      api.get<CursorPage<TransferSummary>>(storeApiPath(store, '/inventory/transfers'), {
        state,
        limit: pageSize,
        before: pageParam ?? undefined,
      }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBefore,
  });

export const transferQuery = (store: string, id: string) =>
  queryOptions({
    queryKey: [...inventoryKey(store), 'transfer', id],
    queryFn: async () =>
      (
        await api.get<{ transfer: Transfer }>(
          storeApiPath(store, `/inventory/transfers/${encodeURIComponent(id)}`),
        )
      ).transfer,
  });

export const countsQuery = (store: string, state: CountState | undefined) =>
  infiniteQueryOptions({
    queryKey: [...inventoryKey(store), 'counts', { state }],
    queryFn: ({ pageParam }) =>
      api.get<CursorPage<CountListItem>>(storeApiPath(store, '/inventory/counts'), {
        state,
        limit: pageSize,
        before: pageParam ?? undefined,
      }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBefore,
  });

export const countQuery = (store: string, id: string) =>
  queryOptions({
    queryKey: [...inventoryKey(store), 'count', id],
    queryFn: () => api.get<CountReport>(storeApiPath(store, `/inventory/counts/${encodeURIComponent(id)}`)),
  });

/** Tracked variants matching a search, for picking transfer lines. */
export const variantSearchQuery = (store: string, q: string) =>
  queryOptions({
    queryKey: [...inventoryKey(store), 'stock', { q, tracking: 'tracked', limit: 20, offset: 0 }],
    queryFn: async () =>
      (
        await api.get<{ items: StockRow[]; total: number }>(storeApiPath(store, '/inventory/stock'), {
          q: q || undefined,
          tracking: 'tracked',
          limit: 20,
          offset: 0,
        })
      ).items,
  });

/** Every stock number, ledger, transfer and count of the store may have moved; the audit log grew. */
function useStockRefresh(store: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: inventoryKey(store) });
    void queryClient.invalidateQueries({ queryKey: ['stores', store, 'audit'] });
    void queryClient.invalidateQueries({ queryKey: ['stores', store, 'notifications'] });
  };
}

export interface LineQuantity {
  variantId: string;
  quantity: number;
}

export function useCreateTransfer(store: string) {
  const refresh = useStockRefresh(store);
  return useMutation({
    mutationFn: async (input: { fromLocationId: string; toLocationId: string; lines: LineQuantity[] }) =>
      (await api.post<{ transfer: Transfer }>(storeApiPath(store, '/inventory/transfers'), input)).transfer,
    onSuccess: refresh,
  });
}

export interface TransferDraftInput {
  fromLocationId: string;
  toLocationId: string;
  /** Replaces all the draft's lines. */
  lines: LineQuantity[];
  note: string | null;
}

/** Changes a draft transfer (PATCH); the server names the line it refuses (`lines.2.variantId`). */
export function useUpdateTransfer(store: string, id: string) {
  const refresh = useStockRefresh(store);
  return useMutation({
    mutationFn: async (input: TransferDraftInput) =>
      (
        await api.patch<{ transfer: Transfer }>(
          storeApiPath(store, `/inventory/transfers/${encodeURIComponent(id)}`),
          input,
        )
      ).transfer,
    onSuccess: refresh,
  });
}

/** ship, cancel, or receive (`lines`: what arrived; left out, everything still on its way). */
export function useTransferStep(store: string, id: string) {
  const refresh = useStockRefresh(store);
  return useMutation({
    mutationFn: async ({ step, lines }: { step: 'ship' | 'receive' | 'cancel'; lines?: LineQuantity[] }) =>
      (
        await api.post<{ transfer: Transfer }>(
          storeApiPath(store, `/inventory/transfers/${encodeURIComponent(id)}/${step}`),
          lines ? { lines } : {},
        )
      ).transfer,
    onSuccess: refresh,
  });
}

export function useCreateCount(store: string) {
  const refresh = useStockRefresh(store);
  return useMutation({
    mutationFn: (input: { locationId: string }) =>
      api.post<CountReport>(storeApiPath(store, '/inventory/counts'), input),
    onSuccess: refresh,
  });
}

export function useRecordCounts(store: string, id: string) {
  const refresh = useStockRefresh(store);
  return useMutation({
    mutationFn: (lines: { variantId: string; countedQuantity: number | null }[]) =>
      api.patch<CountReport>(storeApiPath(store, `/inventory/counts/${encodeURIComponent(id)}/lines`), {
        lines,
      }),
    onSuccess: refresh,
  });
}

export function useCountStep(store: string, id: string) {
  const refresh = useStockRefresh(store);
  return useMutation({
    mutationFn: (step: 'apply' | 'cancel') =>
      api.post<CountReport>(storeApiPath(store, `/inventory/counts/${encodeURIComponent(id)}/${step}`)),
    onSuccess: refresh,
  });
}
