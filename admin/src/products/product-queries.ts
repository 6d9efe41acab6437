import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/http.ts';
import type { Page, Product, ProductStatus } from '../api/types.ts';
import { storeApiPath } from '../stores/current-store.tsx';
import type { OptionInput, VariantInput } from './variants/variant-drafts.ts';

export interface ProductListFilter {
  q?: string;
  status?: ProductStatus;
  limit: number;
  offset: number;
}

export const productListQuery = (store: string, filter: ProductListFilter) =>
  queryOptions({
    queryKey: ['stores', store, 'products', 'list', filter],
    queryFn: () => api.get<Page<Product>>(storeApiPath(store, '/products'), { ...filter }),
    placeholderData: keepPreviousData,
  });

export const productQuery = (store: string, id: string) =>
  queryOptions({
    queryKey: ['stores', store, 'products', 'one', id],
    queryFn: async () =>
      (await api.get<{ product: Product }>(storeApiPath(store, `/products/${encodeURIComponent(id)}`)))
        .product,
  });

export interface ProductInput {
  title?: string;
  handle?: string;
  description?: string;
  price?: { amount: number };
  sku?: string | null;
  imageUrl?: string | null;
  seoTitle?: string | null;
  seoDescription?: string | null;
  vendor?: string | null;
  productType?: string | null;
  status?: ProductStatus;
  /** The whole set when sent: the API replaces options and variants (variants sent with an id keep it). */
  options?: OptionInput[];
  variants?: VariantInput[];
}

/** Keeps the list and the product's own cache entry in step with what the server answered. */
function useProductCacheUpdate(store: string) {
  const queryClient = useQueryClient();
  return (product: Product) => {
    queryClient.setQueryData(productQuery(store, product.id).queryKey, product);
    void queryClient.invalidateQueries({ queryKey: ['stores', store, 'products', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['stores', store, 'audit'] });
  };
}

export function useCreateProduct(store: string) {
  const update = useProductCacheUpdate(store);
  return useMutation({
    mutationFn: async (input: ProductInput) =>
      (await api.post<{ product: Product }>(storeApiPath(store, '/products'), input)).product,
    onSuccess: update,
  });
}

export function useUpdateProduct(store: string, id: string) {
  const update = useProductCacheUpdate(store);
  return useMutation({
    mutationFn: async (changes: ProductInput) =>
      (
        await api.patch<{ product: Product }>(
          storeApiPath(store, `/products/${encodeURIComponent(id)}`),
          changes,
        )
      ).product,
    onSuccess: update,
  });
}

export function usePublishProduct(store: string, id: string) {
  const update = useProductCacheUpdate(store);
  return useMutation({
    mutationFn: async (action: 'publish' | 'unpublish') =>
      (
        await api.post<{ product: Product }>(
          storeApiPath(store, `/products/${encodeURIComponent(id)}/${action}`),
        )
      ).product,
    onSuccess: update,
  });
}

export function useDeleteProduct(store: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete(storeApiPath(store, `/products/${encodeURIComponent(id)}`)),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: productQuery(store, id).queryKey });
      void queryClient.invalidateQueries({ queryKey: ['stores', store, 'products', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['stores', store, 'audit'] });
    },
  });
}
