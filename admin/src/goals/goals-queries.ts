import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/http.ts';
import { storeApiPath } from '../stores/current-store.tsx';
import type { GoalBody, GoalOptions, GoalPacing } from './goal-types.ts';

export const goalsKey = (store: string) => ['stores', store, 'goals'] as const;

export const goalsQuery = (store: string) =>
  queryOptions({
    queryKey: [...goalsKey(store), 'list'],
    queryFn: () => api.get<{ items: GoalPacing[] }>(storeApiPath(store, '/goals')),
  });

export const goalOptionsQuery = (store: string) =>
  queryOptions({
    queryKey: [...goalsKey(store), 'options'],
    queryFn: () => api.get<GoalOptions>(storeApiPath(store, '/goals/options')),
    staleTime: 60_000,
  });

/** Creates (no id) or replaces (id) a goal; the list is read again afterwards. */
export function useSaveGoal(store: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: GoalBody }) =>
      id
        ? api.put<GoalPacing>(storeApiPath(store, `/goals/${encodeURIComponent(id)}`), body)
        : api.post<GoalPacing>(storeApiPath(store, '/goals'), body),
    onSuccess: () => client.invalidateQueries({ queryKey: goalsKey(store) }),
  });
}

export function useDeleteGoal(store: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(storeApiPath(store, `/goals/${encodeURIComponent(id)}`)),
    onSuccess: () => client.invalidateQueries({ queryKey: goalsKey(store) }),
  });
}
