import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../api/http.ts';
import { storeApiPath } from '../stores/current-store.tsx';

/** A node of the store's category tree as the server sends it. */
export interface CategoryNode {
  id: string;
  name: string;
  handle: string;
  path: string;
  parentId: string | null;
  position: number;
  productCount: number;
  totalProductCount: number;
  children: CategoryNode[];
}

export const categoryTreeQuery = (store: string) =>
  queryOptions({
    queryKey: ['stores', store, 'categories'],
    queryFn: async () =>
      (await api.get<{ categories: CategoryNode[] }>(storeApiPath(store, '/categories'))).categories,
  });

/** Every node in display order, each with its depth (for pickers and keyboard order). */
export function flattenTree(nodes: CategoryNode[], depth = 0): { node: CategoryNode; depth: number }[] {
  return nodes.flatMap((node) => [{ node, depth }, ...flattenTree(node.children, depth + 1)]);
}

/** The ids of a node and everything below it: where it may not be moved. */
export function subtreeIds(node: CategoryNode): Set<string> {
  return new Set(flattenTree([node]).map((entry) => entry.node.id));
}

function useTreeMutation<Input>(store: string, request: (input: Input) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['stores', store, 'categories'] });
      void queryClient.invalidateQueries({ queryKey: ['stores', store, 'products'] });
      void queryClient.invalidateQueries({ queryKey: ['stores', store, 'audit'] });
    },
  });
}

const categoryPath = (store: string, id: string, rest = '') =>
  storeApiPath(store, `/categories/${encodeURIComponent(id)}${rest}`);

export function useCreateCategory(store: string) {
  return useTreeMutation(store, (input: { name: string; parentId: string | null }) =>
    api.post(storeApiPath(store, '/categories'), input),
  );
}

export function useRenameCategory(store: string) {
  return useTreeMutation(store, ({ id, name }: { id: string; name: string }) =>
    api.patch(categoryPath(store, id), { name }),
  );
}

export function useMoveCategory(store: string) {
  return useTreeMutation(
    store,
    ({ id, parentId, position }: { id: string; parentId: string | null; position?: number }) =>
      api.post(categoryPath(store, id, '/move'), { parentId, position }),
  );
}

export function useDeleteCategory(store: string) {
  return useTreeMutation(store, ({ id, reassignTo }: { id: string; reassignTo?: string }) =>
    api.delete(withQuery(categoryPath(store, id), { reassignTo })),
  );
}
