import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, rememberCsrfToken } from '../api/http.ts';
import type { LoginResult, Session } from '../api/types.ts';

export const sessionQueryKey = ['session'] as const;

export const sessionQuery = queryOptions({
  queryKey: sessionQueryKey,
  queryFn: async () => {
    const session = await api.get<Session>('/api/auth/session');
    rememberCsrfToken(session.csrfToken);
    return session;
  },
  staleTime: 60_000,
  retry: false,
});

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (credentials: { email: string; password: string }) => {
      const result = await api.post<LoginResult>('/api/auth/login', credentials);
      rememberCsrfToken(result.csrfToken);
      return result;
    },
    // The session answer also lists the user's stores, which login does not return.
    onSuccess: () => queryClient.fetchQuery({ ...sessionQuery, staleTime: 0 }),
  });
}

/** Ends the session; the caller leaves the signed-in pages first, then calls `forgetEverything`. */
export function useLogout() {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => api.post<void>('/api/auth/logout'),
    onSettled: () => rememberCsrfToken(null),
  });
  // Cached data belongs to the person who signed out; the next one must not see it.
  const forgetEverything = () => queryClient.clear();
  return { ...mutation, forgetEverything };
}
