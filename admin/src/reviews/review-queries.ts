import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/http.ts';
import { storeApiPath } from '../stores/current-store.tsx';
import type { Review, ReviewFlag, ReviewList, ReviewStatus } from './review-types.ts';

export const reviewsKey = (store: string) => ['stores', store, 'reviews'] as const;

export const reviewListQuery = (
  store: string,
  args: { status: ReviewStatus; flag?: ReviewFlag; rating?: number; limit: number; offset: number },
) =>
  queryOptions({
    queryKey: [...reviewsKey(store), 'list', args],
    queryFn: () => api.get<ReviewList>(storeApiPath(store, '/reviews'), { ...args }),
    placeholderData: keepPreviousData,
  });

const reviewPath = (store: string, id: string, rest = '') =>
  storeApiPath(store, `/reviews/${encodeURIComponent(id)}${rest}`);

/** Publishes or rejects reviews (one or several, all or none); the queue is read again afterwards. */
export function useModerateReviews(store: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ ids, action }: { ids: string[]; action: 'publish' | 'reject' }): Promise<unknown> =>
      ids.length === 1
        ? api.post<Review>(reviewPath(store, ids[0]!, `/${action}`))
        : api.post<{ items: Review[] }>(storeApiPath(store, `/reviews/bulk-${action}`), { ids }),
    onSuccess: () => client.invalidateQueries({ queryKey: reviewsKey(store) }),
  });
}

/** Sets the store's public reply, or removes it (`reply: null`). */
export function useReplyToReview(store: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reply }: { id: string; reply: string | null }): Promise<unknown> =>
      reply === null
        ? api.delete(reviewPath(store, id, '/reply'))
        : api.put<Review>(reviewPath(store, id, '/reply'), { reply }),
    onSuccess: () => client.invalidateQueries({ queryKey: reviewsKey(store) }),
  });
}

export function useDeleteReview(store: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(reviewPath(store, id)),
    onSuccess: () => client.invalidateQueries({ queryKey: reviewsKey(store) }),
  });
}
