import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/http.ts';
import { storeApiPath } from '../stores/current-store.tsx';
import type { ChannelInput, ChannelStockPage, SalesChannel } from './channel-types.ts';

/**
 * Under the store's inventory key (see inventory-queries.ts), so a stock change made on another
 * inventory screen refreshes what the channels may sell too.
 */
const channelsKey = (store: string) => ['stores', store, 'inventory', 'channels'] as const;

const channelPath = (store: string, channelId: string, rest = '') =>
  storeApiPath(store, `/inventory/channels/${encodeURIComponent(channelId)}${rest}`);

/** The stock's JSON address, what an integration polls (with an API key holding inventory:read). */
export const channelStockPath = (store: string, channelId: string) => channelPath(store, channelId, '/stock');

/** The whole list as CSV (SKU, Variant ID, Sellable); a plain link, the session cookie goes with it. */
export const channelStockCsvPath = (store: string, channelId: string) =>
  channelPath(store, channelId, '/stock.csv');

export const channelsQuery = (store: string) =>
  queryOptions({
    queryKey: [...channelsKey(store), 'list'],
    queryFn: async () =>
      (await api.get<{ items: SalesChannel[] }>(storeApiPath(store, '/inventory/channels'))).items,
  });

export const channelQuery = (store: string, channelId: string) =>
  queryOptions({
    queryKey: [...channelsKey(store), 'channel', channelId],
    queryFn: async () => (await api.get<{ channel: SalesChannel }>(channelPath(store, channelId))).channel,
  });

const stockPageSize = 50;

/**
 * A channel's sellable stock a page at a time, in the order quantities last changed (the API pages
 * by cursor and gives no total, so "load more" follows `nextCursor`). `sku` finds one variant by
 * its exact SKU.
 */
export const channelStockQuery = (store: string, channelId: string, sku: string | undefined) =>
  infiniteQueryOptions({
    queryKey: [...channelsKey(store), 'stock', channelId, sku ?? null],
    queryFn: ({ pageParam }) =>
      api.get<ChannelStockPage>(channelStockPath(store, channelId), {
        limit: stockPageSize,
        sku,
        cursor: pageParam ?? undefined,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

/** After a channel changes: its list, its page and its stock (a new buffer or locations recompute it). */
function useChannelsRefresh(store: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: channelsKey(store) });
    void queryClient.invalidateQueries({ queryKey: ['stores', store, 'audit'] });
  };
}

export function useSaveChannel(store: string) {
  const refresh = useChannelsRefresh(store);
  return useMutation({
    mutationFn: async ({ id, input }: { id: string | null; input: ChannelInput }) =>
      id
        ? (await api.patch<{ channel: SalesChannel }>(channelPath(store, id), input)).channel
        : (await api.post<{ channel: SalesChannel }>(storeApiPath(store, '/inventory/channels'), input))
            .channel,
    onSuccess: refresh,
  });
}

export function useDeleteChannel(store: string) {
  const queryClient = useQueryClient();
  const refresh = useChannelsRefresh(store);
  return useMutation({
    mutationFn: (channelId: string) => api.delete(channelPath(store, channelId)),
    onSuccess: (_, channelId) => {
      // Its own page would refetch into a 404; drop it instead.
      queryClient.removeQueries({ queryKey: [...channelsKey(store), 'channel', channelId] });
      queryClient.removeQueries({ queryKey: [...channelsKey(store), 'stock', channelId] });
      refresh();
    },
  });
}
