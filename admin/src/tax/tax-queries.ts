import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/http.ts';
import { storeApiPath } from '../stores/current-store.tsx';
import type {
  PresetInstallReport,
  TaxClass,
  TaxPreset,
  TaxPreviewRequest,
  TaxQuote,
  TaxRate,
  TaxRateInput,
  TaxSettings,
} from './tax-types.ts';

/** Every tax read under one key: a preset or an import changes classes and rates at once. */
const taxKey = (store: string) => ['stores', store, 'tax'] as const;

export interface TaxRateFilter {
  country?: string;
  /** An ISO 3166-2 code, or 'none' for whole-country rates. */
  region?: string;
  taxClass?: string;
}

export const taxSettingsQuery = (store: string) =>
  queryOptions({
    queryKey: [...taxKey(store), 'settings'],
    queryFn: async () =>
      (await api.get<{ settings: TaxSettings }>(storeApiPath(store, '/tax/settings'))).settings,
  });

export const taxClassesQuery = (store: string) =>
  queryOptions({
    queryKey: [...taxKey(store), 'classes'],
    queryFn: async () => (await api.get<{ items: TaxClass[] }>(storeApiPath(store, '/tax/classes'))).items,
  });

export const taxRatesQuery = (store: string, filter: TaxRateFilter) =>
  queryOptions({
    queryKey: [...taxKey(store), 'rates', filter],
    queryFn: async () =>
      (await api.get<{ items: TaxRate[] }>(storeApiPath(store, '/tax/rates'), { ...filter })).items,
    placeholderData: keepPreviousData,
  });

export const taxPresetsQuery = (store: string) =>
  queryOptions({
    queryKey: [...taxKey(store), 'presets'],
    queryFn: async () => (await api.get<{ items: TaxPreset[] }>(storeApiPath(store, '/tax/presets'))).items,
    staleTime: Number.POSITIVE_INFINITY,
  });

/** Every rate as CSV; a plain link, the session cookie goes with it. */
export const taxRatesCsvPath = (store: string) => storeApiPath(store, '/tax/rates.csv');
export const taxRatesImportPath = (store: string) => storeApiPath(store, '/tax/rates/import');

/** After any change: every tax read and the audit log. */
export function useTaxRefresh(store: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: taxKey(store) });
    void queryClient.invalidateQueries({ queryKey: ['stores', store, 'audit'] });
  };
}

export function useUpdateTaxSettings(store: string) {
  const refresh = useTaxRefresh(store);
  return useMutation({
    mutationFn: async (change: Partial<TaxSettings>) =>
      (await api.patch<{ settings: TaxSettings }>(storeApiPath(store, '/tax/settings'), change)).settings,
    onSuccess: refresh,
  });
}

export function useSaveTaxClass(store: string) {
  const refresh = useTaxRefresh(store);
  return useMutation({
    mutationFn: ({ handle, name, isNew }: { handle: string; name: string; isNew: boolean }) =>
      isNew
        ? api.post(storeApiPath(store, '/tax/classes'), { handle, name })
        : api.patch(storeApiPath(store, `/tax/classes/${encodeURIComponent(handle)}`), { name }),
    onSuccess: refresh,
  });
}

export function useDeleteTaxClass(store: string) {
  const refresh = useTaxRefresh(store);
  return useMutation({
    mutationFn: (handle: string) =>
      api.delete(storeApiPath(store, `/tax/classes/${encodeURIComponent(handle)}`)),
    onSuccess: refresh,
  });
}

export function useSaveTaxRate(store: string) {
  const refresh = useTaxRefresh(store);
  return useMutation({
    mutationFn: async ({ id, input }: { id: string | null; input: TaxRateInput }) =>
      id
        ? (
            await api.patch<{ rate: TaxRate }>(
              storeApiPath(store, `/tax/rates/${encodeURIComponent(id)}`),
              input,
            )
          ).rate
        : (await api.post<{ rate: TaxRate }>(storeApiPath(store, '/tax/rates'), input)).rate,
    onSuccess: refresh,
  });
}

export function useDeleteTaxRate(store: string) {
  const refresh = useTaxRefresh(store);
  return useMutation({
    mutationFn: (id: string) => api.delete(storeApiPath(store, `/tax/rates/${encodeURIComponent(id)}`)),
    onSuccess: refresh,
  });
}

export function useInstallTaxPreset(store: string) {
  const refresh = useTaxRefresh(store);
  return useMutation({
    mutationFn: async ({ key, countries }: { key: TaxPreset['key']; countries: string[] | null }) =>
      (
        await api.post<{ report: PresetInstallReport }>(
          storeApiPath(store, `/tax/presets/${key}`),
          countries ? { countries } : {},
        )
      ).report,
    onSuccess: refresh,
  });
}

/** The checkout's tax calculation on a posted cart; writes nothing. */
export function useTaxPreview(store: string) {
  return useMutation({
    mutationFn: async (request: TaxPreviewRequest) =>
      (await api.post<{ quote: TaxQuote }>(storeApiPath(store, '/tax/preview'), request)).quote,
  });
}

/** The products assigned a class (the standard class has every other product), up to the API's 1,000. */
export const taxClassProductsQuery = (store: string, handle: string) =>
  queryOptions({
    queryKey: [...taxKey(store), 'class-products', handle],
    queryFn: async () =>
      (
        await api.get<{ items: { productId: string }[]; nextAfter: string | null }>(
          storeApiPath(store, '/tax/product-classes'),
          { taxClass: handle, limit: 1000 },
        )
      ).items.map((item) => item.productId),
  });

/** Moves products into a class ('standard' takes them back to the default); all or none. */
export function useAssignTaxClass(store: string) {
  const refresh = useTaxRefresh(store);
  return useMutation({
    mutationFn: (input: { productIds: string[]; taxClass: string }) =>
      api.put<{ changed: number; unchanged: number }>(storeApiPath(store, '/tax/product-classes'), input),
    onSuccess: refresh,
  });
}
