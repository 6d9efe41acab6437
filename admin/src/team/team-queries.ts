import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/http.ts';
import type { Member, RolesAnswer } from '../api/types.ts';
import { sessionQuery } from '../auth/session-queries.ts';
import { storeApiPath } from '../stores/current-store.tsx';

export const membersQuery = (store: string) =>
  queryOptions({
    queryKey: ['stores', store, 'members'],
    queryFn: async () => (await api.get<{ items: Member[] }>(storeApiPath(store, '/members'))).items,
  });

export const rolesQuery = (store: string) =>
  queryOptions({
    queryKey: ['stores', store, 'roles'],
    queryFn: () => api.get<RolesAnswer>(storeApiPath(store, '/roles')),
    staleTime: 5 * 60_000,
  });

export interface NewMember {
  email: string;
  role: string;
  name?: string;
  password?: string;
}

function useTeamChanged(store: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: membersQuery(store).queryKey });
    void queryClient.invalidateQueries({ queryKey: ['stores', store, 'audit'] });
    // The signed-in user's own role may have changed.
    void queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey });
  };
}

export function useAddMember(store: string) {
  const changed = useTeamChanged(store);
  return useMutation({
    mutationFn: async (input: NewMember) =>
      (await api.post<{ member: Member }>(storeApiPath(store, '/members'), input)).member,
    onSuccess: changed,
  });
}

export function useChangeRole(store: string) {
  const changed = useTeamChanged(store);
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: string }) =>
      api.patch<unknown>(storeApiPath(store, `/members/${encodeURIComponent(userId)}`), { role }),
    onSuccess: changed,
  });
}

export function useRemoveMember(store: string) {
  const changed = useTeamChanged(store);
  return useMutation({
    mutationFn: (userId: string) => api.delete(storeApiPath(store, `/members/${encodeURIComponent(userId)}`)),
    onSuccess: changed,
  });
}
