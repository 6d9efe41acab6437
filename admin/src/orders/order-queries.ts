import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/http.ts';
import { storeApiPath } from '../stores/current-store.tsx';
import { filterQueryString, type OrderListFilter } from './order-search.ts';
import type { OrderDetail, OrderSort, OrderSummary } from './order-types.ts';

export const ordersKey = (store: string) => ['stores', store, 'orders'] as const;

export const orderPath = (store: string, orderId: string, rest = '') =>
  storeApiPath(store, `/orders/${encodeURIComponent(orderId)}${rest}`);

export const orderListQuery = (
  store: string,
  args: OrderListFilter & { sort?: OrderSort; limit: number; offset: number },
) =>
  queryOptions({
    queryKey: [...ordersKey(store), 'list', args],
    queryFn: () =>
      api.get<{ items: OrderSummary[]; total: number }>(storeApiPath(store, '/orders'), { ...args }),
    placeholderData: keepPreviousData,
  });

export const orderQuery = (store: string, orderId: string) =>
  queryOptions({
    queryKey: [...ordersKey(store), 'one', orderId],
    queryFn: async () => (await api.get<{ order: OrderDetail }>(orderPath(store, orderId))).order,
  });

export interface OrderSettings {
  returnWindowDays: number;
  numberPrefix: string;
  returnInstructions: string | null;
}

export const orderSettingsQuery = (store: string) =>
  queryOptions({
    queryKey: [...ordersKey(store), 'settings'],
    queryFn: async () =>
      (await api.get<{ settings: OrderSettings }>(storeApiPath(store, '/order-settings'))).settings,
    staleTime: 5 * 60_000,
  });

export function useUpdateOrderSettings(store: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (change: Partial<OrderSettings>) =>
      (await api.patch<{ settings: OrderSettings }>(storeApiPath(store, '/order-settings'), change)).settings,
    onSuccess: (settings) => queryClient.setQueryData(orderSettingsQuery(store).queryKey, settings),
  });
}

/** Where "Export CSV" downloads the orders the filter matches (the server names the file). */
export const ordersCsvUrl = (store: string, filter: OrderListFilter) =>
  `${storeApiPath(store, '/orders/export.csv')}${filterQueryString(filter)}`;

/**
 * After any change to an order: the order, the list (statuses, totals), returns, and stock (a
 * restock or a parcel moves units) may all have moved, and the audit log has a new entry.
 */
export function useRefreshOrders(store: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ordersKey(store) }),
      queryClient.invalidateQueries({ queryKey: ['stores', store, 'returns'] }),
      queryClient.invalidateQueries({ queryKey: ['stores', store, 'inventory'] }),
      queryClient.invalidateQueries({ queryKey: ['stores', store, 'audit'] }),
    ]);
}

/** One request of an order action: `path` under the order (`/notes`, `/fulfilments/ful_…/cancel`). */
export interface OrderActionRequest {
  path: string;
  body?: unknown;
  method?: 'post' | 'put' | 'patch';
}

/**
 * An action on the order (each modal or button has its own, so each shows its own progress). Every
 * action answers with something different; callers read what they need from the answer.
 */
export function useOrderAction<Answer = unknown>(store: string, orderId: string) {
  const refresh = useRefreshOrders(store);
  return useMutation({
    mutationFn: ({ path, body, method = 'post' }: OrderActionRequest) =>
      api[method]<Answer>(orderPath(store, orderId, path), body ?? {}),
    onSuccess: () => refresh(),
  });
}
