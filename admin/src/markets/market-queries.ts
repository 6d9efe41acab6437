import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../api/http.ts';
import { storeApiPath } from '../stores/current-store.tsx';
import type {
  ExchangeRate,
  ExchangeRateInput,
  ExplicitPricesPage,
  Market,
  MarketInput,
  MarketPrices,
  PriceList,
} from './market-types.ts';

/** Everything of the markets module under one key: a rate or a price list change moves many prices. */
const marketsKey = (store: string) => ['stores', store, 'markets'] as const;

const marketPath = (store: string, marketId: string, rest = '') =>
  storeApiPath(store, `/markets/${encodeURIComponent(marketId)}${rest}`);

export const marketsQuery = (store: string) =>
  queryOptions({
    queryKey: [...marketsKey(store), 'list'],
    queryFn: async () => (await api.get<{ items: Market[] }>(storeApiPath(store, '/markets'))).items,
  });

export const marketQuery = (store: string, marketId: string) =>
  queryOptions({
    queryKey: [...marketsKey(store), 'one', marketId],
    queryFn: async () => (await api.get<{ market: Market }>(marketPath(store, marketId))).market,
  });

/** The store's rates, newest effective day first (the whole history, up to the API's 500). */
export const exchangeRatesQuery = (store: string) =>
  queryOptions({
    queryKey: [...marketsKey(store), 'exchange-rates'],
    queryFn: async () =>
      (
        await api.get<{ items: ExchangeRate[] }>(storeApiPath(store, '/markets/exchange-rates'), {
          limit: 500,
        })
      ).items,
  });

/**
 * What the market's shoppers pay: the given variants, or the catalog's first `limit`, priced on
 * `on` (a day; today when left out), by the same calculation as the storefront.
 */
export const marketPricesQuery = (
  store: string,
  marketId: string,
  args: { variantIds?: readonly string[]; limit?: number; on?: string },
) =>
  queryOptions({
    queryKey: [...marketsKey(store), 'prices', marketId, args],
    queryFn: () =>
      api.get<MarketPrices>(marketPath(store, marketId, '/prices'), {
        variantIds: args.variantIds?.join(','),
        limit: args.limit,
        on: args.on,
      }),
    placeholderData: keepPreviousData,
  });

const explicitPageSize = 50;

/** A market's explicit prices by variant id, a page at a time ("load more" follows `nextAfter`). */
export const explicitPricesQuery = (store: string, marketId: string) =>
  infiniteQueryOptions({
    queryKey: [...marketsKey(store), 'explicit-prices', marketId],
    queryFn: ({ pageParam }) =>
      api.get<ExplicitPricesPage>(marketPath(store, marketId, '/explicit-prices'), {
        limit: explicitPageSize,
        after: pageParam ?? undefined,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextAfter,
  });

/** Every variant with the market's explicit price or an empty one; a plain link, the cookie goes with it. */
export const explicitPricesCsvPath = (store: string, marketId: string) =>
  marketPath(store, marketId, '/explicit-prices.csv');

export const explicitPricesImportPath = (store: string, marketId: string) =>
  marketPath(store, marketId, '/explicit-prices/import');

/** After any change: every market read (lists, prices, rates) and the audit log. */
export function useMarketsRefresh(store: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: marketsKey(store) });
    void queryClient.invalidateQueries({ queryKey: ['stores', store, 'audit'] });
  };
}

/**
 * Adds a market (its price list in the same request) or changes one: the market's fields, then its
 * price list when that changed (two requests; the primary market has no price list of its own).
 */
export function useSaveMarket(store: string) {
  const refresh = useMarketsRefresh(store);
  return useMutation({
    mutationFn: async ({
      id,
      input,
      priceList,
    }: {
      id: string | null;
      input: MarketInput;
      priceList: Partial<PriceList> | null;
    }) => {
      if (!id) {
        return (
          await api.post<{ market: Market }>(storeApiPath(store, '/markets'), {
            ...input,
            ...(priceList ? { priceList } : {}),
          })
        ).market;
      }
      let market = (await api.patch<{ market: Market }>(marketPath(store, id), input)).market;
      if (priceList && Object.keys(priceList).length > 0) {
        market = (await api.patch<{ market: Market }>(marketPath(store, id, '/price-list'), priceList))
          .market;
      }
      return market;
    },
    onSettled: refresh,
  });
}

export function useDeleteMarket(store: string) {
  const queryClient = useQueryClient();
  const refresh = useMarketsRefresh(store);
  return useMutation({
    mutationFn: (marketId: string) => api.delete(marketPath(store, marketId)),
    onSuccess: (_, marketId) => {
      queryClient.removeQueries({ queryKey: [...marketsKey(store), 'one', marketId] });
      refresh();
    },
  });
}

export function useRecordExchangeRate(store: string) {
  const refresh = useMarketsRefresh(store);
  return useMutation({
    mutationFn: async (input: ExchangeRateInput) =>
      (await api.post<{ exchangeRate: ExchangeRate }>(storeApiPath(store, '/markets/exchange-rates'), input))
        .exchangeRate,
    onSuccess: refresh,
  });
}

export function useDeleteExchangeRate(store: string) {
  const refresh = useMarketsRefresh(store);
  return useMutation({
    mutationFn: (rateId: string) =>
      api.delete(storeApiPath(store, `/markets/exchange-rates/${encodeURIComponent(rateId)}`)),
    onSuccess: refresh,
  });
}

export function useRemoveExplicitPrice(store: string, marketId: string) {
  const refresh = useMarketsRefresh(store);
  return useMutation({
    mutationFn: (variantId: string) =>
      api.delete(marketPath(store, marketId, `/explicit-prices/${encodeURIComponent(variantId)}`)),
    onSuccess: refresh,
  });
}
