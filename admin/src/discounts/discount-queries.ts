import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/http.ts';
import { storeApiPath } from '../stores/current-store.tsx';
import type {
  Discount,
  DiscountCode,
  DiscountDefinition,
  DiscountKind,
  DiscountPage,
  DiscountResult,
  DiscountStatus,
  DiscountType,
  EvaluateRequest,
} from './discount-types.ts';

const discountsKey = (store: string) => ['stores', store, 'discounts'] as const;
const discountPath = (store: string, id: string, rest = '') =>
  storeApiPath(store, `/discounts/${encodeURIComponent(id)}${rest}`);

export interface DiscountListFilter {
  status?: DiscountStatus;
  kind?: DiscountKind;
  type?: DiscountType;
  q?: string;
  limit: number;
  offset: number;
}

export const discountsQuery = (store: string, filter: DiscountListFilter) =>
  queryOptions({
    queryKey: [...discountsKey(store), 'list', filter],
    queryFn: () => api.get<DiscountPage>(storeApiPath(store, '/discounts'), { ...filter }),
    placeholderData: keepPreviousData,
  });

export const discountQuery = (store: string, id: string) =>
  queryOptions({
    queryKey: [...discountsKey(store), 'one', id],
    queryFn: async () => (await api.get<{ discount: Discount }>(discountPath(store, id))).discount,
  });

export const discountCodesQuery = (
  store: string,
  id: string,
  args: { q?: string; limit: number; offset: number },
) =>
  queryOptions({
    queryKey: [...discountsKey(store), 'codes', id, args],
    queryFn: () =>
      api.get<{ items: DiscountCode[]; total: number }>(discountPath(store, id, '/codes'), { ...args }),
    placeholderData: keepPreviousData,
  });

function useDiscountsRefresh(store: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: discountsKey(store) });
    void queryClient.invalidateQueries({ queryKey: ['stores', store, 'audit'] });
  };
}

/** Creates a discount, or changes one (any field but its kind; `codes`, when sent, replace them all). */
export function useSaveDiscount(store: string) {
  const refresh = useDiscountsRefresh(store);
  return useMutation({
    mutationFn: async ({ id, definition }: { id: string | null; definition: Partial<DiscountDefinition> }) =>
      id
        ? (await api.patch<{ discount: Discount }>(discountPath(store, id), definition)).discount
        : (await api.post<{ discount: Discount }>(storeApiPath(store, '/discounts'), definition)).discount,
    onSuccess: refresh,
  });
}

export function useDeleteDiscount(store: string) {
  const queryClient = useQueryClient();
  const refresh = useDiscountsRefresh(store);
  return useMutation({
    mutationFn: (id: string) => api.delete(discountPath(store, id)),
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: [...discountsKey(store), 'one', id] });
      refresh();
    },
  });
}

export function useGenerateCodes(store: string, id: string) {
  const refresh = useDiscountsRefresh(store);
  return useMutation({
    mutationFn: (input: { count: number; prefix?: string; length?: number }) =>
      api.post<{ codes: string[]; discount: Discount }>(discountPath(store, id, '/codes/generate'), input),
    onSuccess: refresh,
  });
}

/** The store's discounts run on a posted cart; writes nothing. */
export function useEvaluateCart(store: string) {
  return useMutation({
    mutationFn: async (request: EvaluateRequest) =>
      (await api.post<{ result: DiscountResult }>(storeApiPath(store, '/discounts/evaluate'), request))
        .result,
  });
}
