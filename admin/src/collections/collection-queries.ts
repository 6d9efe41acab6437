import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../api/http.ts';
import type { Page } from '../api/types.ts';
import { storeApiPath } from '../stores/current-store.tsx';
import type {
  Collection,
  CollectionKind,
  CollectionProduct,
  CollectionRule,
  CollectionSortOrder,
  ConditionMatch,
} from './collection-types.ts';

const collectionPath = (store: string, id: string, rest = '') =>
  storeApiPath(store, `/collections/${encodeURIComponent(id)}${rest}`);

export const collectionListQuery = (
  store: string,
  filter: { q?: string; kind?: CollectionKind; limit: number; offset: number },
) =>
  queryOptions({
    queryKey: ['stores', store, 'collections', 'list', filter],
    queryFn: () => api.get<Page<Collection>>(storeApiPath(store, '/collections'), { ...filter }),
    placeholderData: keepPreviousData,
  });

export const collectionQuery = (store: string, id: string) =>
  queryOptions({
    queryKey: ['stores', store, 'collections', 'one', id],
    queryFn: async () => (await api.get<{ collection: Collection }>(collectionPath(store, id))).collection,
  });

/** The members in the collection's own order (manual collections: the editor's order). */
export const collectionProductsQuery = (store: string, id: string, limit = 250) =>
  queryOptions({
    queryKey: ['stores', store, 'collections', 'members', id, limit],
    queryFn: () => api.get<Page<CollectionProduct>>(collectionPath(store, id, '/products'), { limit }),
  });

export interface RulePreviewRequest {
  match: ConditionMatch;
  rules: CollectionRule[];
  sortOrder: Exclude<CollectionSortOrder, 'manual'>;
  limit: number;
}

export const rulePreviewQuery = (store: string, request: RulePreviewRequest) =>
  queryOptions({
    queryKey: ['stores', store, 'collections', 'preview', request],
    queryFn: () => api.post<Page<CollectionProduct>>(storeApiPath(store, '/collections/preview'), request),
    placeholderData: keepPreviousData,
  });

export interface CollectionInput {
  title?: string;
  handle?: string;
  description?: string;
  kind?: CollectionKind;
  match?: ConditionMatch;
  rules?: CollectionRule[];
  sortOrder?: CollectionSortOrder;
  seoTitle?: string | null;
  seoDescription?: string | null;
  imageUrl?: string | null;
  imageAlt?: string | null;
}

function useCollectionsRefresh(store: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['stores', store, 'collections'] });
    void queryClient.invalidateQueries({ queryKey: ['stores', store, 'audit'] });
  };
}

export function useCreateCollection(store: string) {
  const refresh = useCollectionsRefresh(store);
  return useMutation({
    mutationFn: async (input: CollectionInput) =>
      (await api.post<{ collection: Collection }>(storeApiPath(store, '/collections'), input)).collection,
    onSuccess: refresh,
  });
}

export function useUpdateCollection(store: string, id: string) {
  const refresh = useCollectionsRefresh(store);
  return useMutation({
    mutationFn: async (changes: CollectionInput) =>
      (await api.patch<{ collection: Collection }>(collectionPath(store, id), changes)).collection,
    onSuccess: refresh,
  });
}

export function useDeleteCollection(store: string, id: string) {
  const refresh = useCollectionsRefresh(store);
  return useMutation({ mutationFn: () => api.delete(collectionPath(store, id)), onSuccess: refresh });
}

/** Membership of a manual collection: replace the ordered list, add some, or take one out. */
export function useCollectionMembers(store: string, id: string) {
  const refresh = useCollectionsRefresh(store);
  const setOrder = useMutation({
    mutationFn: (productIds: string[]) =>
      apiRequest('PUT', collectionPath(store, id, '/products'), { productIds }),
    onSettled: refresh,
  });
  const add = useMutation({
    mutationFn: (productIds: string[]) =>
      api.post<{ added: number }>(collectionPath(store, id, '/products'), { productIds }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (productId: string) =>
      api.delete(collectionPath(store, id, `/products/${encodeURIComponent(productId)}`)),
    onSuccess: refresh,
  });
  return { setOrder, add, remove };
}
