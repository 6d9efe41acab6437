import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/http.ts';
import { storeApiPath } from '../stores/current-store.tsx';
import type {
  PickupInput,
  RateInput,
  ShippingQuoteAnswer,
  ShippingQuoteRequest,
  ShippingSetup,
  ZoneInput,
} from './shipping-types.ts';

const shippingKey = (store: string) => ['stores', store, 'shipping'] as const;

/** The whole setup in one read (zones, rates, pick-up options): every shipping screen shows from it. */
export const shippingSetupQuery = (store: string) =>
  queryOptions({
    queryKey: [...shippingKey(store), 'setup'],
    queryFn: async () => (await api.get<{ setup: ShippingSetup }>(storeApiPath(store, '/shipping'))).setup,
  });

function useShippingRefresh(store: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: shippingKey(store) });
    void queryClient.invalidateQueries({ queryKey: ['stores', store, 'audit'] });
  };
}

const zonePath = (store: string, zoneId: string, rest = '') =>
  storeApiPath(store, `/shipping/zones/${encodeURIComponent(zoneId)}${rest}`);

export function useSaveZone(store: string) {
  const refresh = useShippingRefresh(store);
  return useMutation({
    mutationFn: async ({ id, input }: { id: string | null; input: ZoneInput }) =>
      id
        ? (await api.patch<{ zone: { id: string; name: string } }>(zonePath(store, id), input)).zone
        : (
            await api.post<{ zone: { id: string; name: string } }>(
              storeApiPath(store, '/shipping/zones'),
              input,
            )
          ).zone,
    onSuccess: refresh,
  });
}

export function useDeleteZone(store: string) {
  const refresh = useShippingRefresh(store);
  return useMutation({
    mutationFn: (zoneId: string) => api.delete(zonePath(store, zoneId)),
    onSuccess: refresh,
  });
}

export function useSaveRate(store: string, zoneId: string) {
  const refresh = useShippingRefresh(store);
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: RateInput }) =>
      id
        ? api.patch(zonePath(store, zoneId, `/rates/${encodeURIComponent(id)}`), input)
        : api.post(zonePath(store, zoneId, '/rates'), input),
    onSuccess: refresh,
  });
}

export function useDeleteRate(store: string, zoneId: string) {
  const refresh = useShippingRefresh(store);
  return useMutation({
    mutationFn: (rateId: string) =>
      api.delete(zonePath(store, zoneId, `/rates/${encodeURIComponent(rateId)}`)),
    onSuccess: refresh,
  });
}

const pickupPath = (store: string, id?: string) =>
  storeApiPath(store, `/shipping/pickup-options${id ? `/${encodeURIComponent(id)}` : ''}`);

export function useSavePickup(store: string) {
  const refresh = useShippingRefresh(store);
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: PickupInput }) =>
      id ? api.patch(pickupPath(store, id), input) : api.post(pickupPath(store), input),
    onSuccess: refresh,
  });
}

export function useDeletePickup(store: string) {
  const refresh = useShippingRefresh(store);
  return useMutation({ mutationFn: (id: string) => api.delete(pickupPath(store, id)), onSuccess: refresh });
}

/** The checkout's shipping calculation for a cart and an address; writes nothing. */
export function useShippingQuote(store: string) {
  return useMutation({
    mutationFn: (request: ShippingQuoteRequest) =>
      api.post<ShippingQuoteAnswer>(storeApiPath(store, '/shipping/quote'), request),
  });
}
