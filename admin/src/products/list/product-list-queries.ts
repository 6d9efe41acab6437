import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../api/http.ts';
import type { Page, Product } from '../../api/types.ts';
import { storeApiPath } from '../../stores/current-store.tsx';
import {
  filterParams,
  type ProductListFilter,
  type ProductSort,
  type ViewDefinition,
} from './product-list-search.ts';

/** A row of the product list: the product's summary with its tags and category. */
export interface ProductListItem extends Product {
  tags: string[];
  categoryId: string | null;
}

export interface ProductListRequest {
  filter: ProductListFilter;
  sort?: ProductSort;
  limit: number;
  offset: number;
}

export const productPageQuery = (store: string, request: ProductListRequest) =>
  queryOptions({
    // Under the key every product change invalidates (…, 'products', 'list').
    queryKey: ['stores', store, 'products', 'list', request],
    queryFn: () => {
      const params = filterParams(request.filter);
      if (request.sort) params.set('sort', request.sort);
      params.set('limit', String(request.limit));
      params.set('offset', String(request.offset));
      return apiRequest<Page<ProductListItem>>('GET', `${storeApiPath(store, '/products')}?${params}`);
    },
    placeholderData: keepPreviousData,
  });

export interface FilterValue {
  value: string;
  count: number;
}

export const filterValuesQuery = (store: string) =>
  queryOptions({
    queryKey: ['stores', store, 'products', 'filter-values'],
    queryFn: () =>
      api.get<{ vendors: FilterValue[]; productTypes: FilterValue[]; tags: FilterValue[] }>(
        storeApiPath(store, '/products/filter-values'),
      ),
    staleTime: 30_000,
  });

export interface ProductView extends ViewDefinition {
  id: string;
  name: string;
  shared: boolean;
  author: { type: 'user' | 'api_key'; id: string; label: string };
  /** Saved by the person looking. */
  mine: boolean;
  /** The person may rename, change or delete it (its author, or a store admin). */
  canManage: boolean;
  createdAt: string;
  updatedAt: string;
}

const viewsKey = (store: string) => ['stores', store, 'product-views'];
const viewsPath = (store: string, id?: string) =>
  storeApiPath(store, id ? `/product-views/${encodeURIComponent(id)}` : '/product-views');

export const productViewsQuery = (store: string) =>
  queryOptions({
    queryKey: viewsKey(store),
    queryFn: async () => (await api.get<{ items: ProductView[] }>(viewsPath(store))).items,
  });

function useViewMutation<Input, Output>(store: string, request: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: viewsKey(store) });
      void queryClient.invalidateQueries({ queryKey: ['stores', store, 'audit'] });
    },
  });
}

export function useCreateView(store: string) {
  return useViewMutation(
    store,
    async (input: { name: string; shared: boolean } & ViewDefinition) =>
      (await api.post<{ view: ProductView }>(viewsPath(store), input)).view,
  );
}

export function useUpdateView(store: string) {
  return useViewMutation(
    store,
    async ({ id, ...change }: { id: string; name?: string; shared?: boolean } & Partial<ViewDefinition>) =>
      (await api.patch<{ view: ProductView }>(viewsPath(store, id), change)).view,
  );
}

export function useDeleteView(store: string) {
  return useViewMutation(store, (id: string) => api.delete(viewsPath(store, id)));
}
