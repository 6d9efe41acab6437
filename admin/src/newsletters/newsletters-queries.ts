import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/http.ts';
import { storeApiPath } from '../stores/current-store.tsx';
import type { Audience, Newsletter, NewsletterBody } from './newsletter-types.ts';

export const newslettersKey = (store: string) => ['stores', store, 'newsletters'] as const;
const path = (id: string, rest = '') => `/newsletters/${encodeURIComponent(id)}${rest}`;

/** While one is sending, the list is read again every few seconds to show its progress. */
export const newslettersQuery = (store: string) =>
  queryOptions({
    queryKey: [...newslettersKey(store), 'list'],
    queryFn: () => api.get<{ items: Newsletter[] }>(storeApiPath(store, '/newsletters')),
    refetchInterval: (query) =>
      query.state.data?.items.some((n) => n.status === 'sending' || n.status === 'scheduled') ? 3_000 : false,
  });

export const newsletterQuery = (store: string, id: string) =>
  queryOptions({
    queryKey: [...newslettersKey(store), 'one', id],
    queryFn: () => api.get<Newsletter>(storeApiPath(store, path(id))),
    refetchInterval: (query) =>
      query.state.data?.status === 'sending' || query.state.data?.status === 'scheduled' ? 2_000 : false,
  });

export const newsletterPreviewQuery = (store: string, id: string, updatedAt: string) =>
  queryOptions({
    queryKey: [...newslettersKey(store), 'preview', id, updatedAt],
    queryFn: () =>
      api.get<{ subject: string; html: string; text: string }>(storeApiPath(store, path(id, '/preview'))),
  });

/** How many customers of an audience consent now: who a send would reach. */
export const audienceCountQuery = (store: string, audience: Audience | null) =>
  queryOptions({
    queryKey: [...newslettersKey(store), 'audience-count', audience],
    queryFn: () =>
      api.post<{ consenting: number }>(storeApiPath(store, '/newsletters/audience-count'), { audience }),
    enabled: audience !== null,
  });

export function useSaveNewsletter(store: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: NewsletterBody }) =>
      id
        ? api.put<Newsletter>(storeApiPath(store, path(id)), body)
        : api.post<Newsletter>(storeApiPath(store, '/newsletters'), body),
    onSuccess: () => client.invalidateQueries({ queryKey: newslettersKey(store) }),
  });
}

export function useNewsletterAction(store: string, action: 'send' | 'cancel' | 'test') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, at }: { id: string; at?: string }) =>
      api.post<Newsletter & { to?: string }>(storeApiPath(store, path(id, `/${action}`)), at ? { at } : {}),
    onSuccess: () => client.invalidateQueries({ queryKey: newslettersKey(store) }),
  });
}
