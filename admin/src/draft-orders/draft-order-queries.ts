import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/http.ts';
import { storeApiPath } from '../stores/current-store.tsx';
import type { DraftChange, DraftOrder, DraftOrderSummary, DraftStatus } from './draft-order-types.ts';

export const draftsKey = (store: string) => ['stores', store, 'draft-orders'] as const;

const draftPath = (store: string, draftId: string, rest = '') =>
  storeApiPath(store, `/draft-orders/${encodeURIComponent(draftId)}${rest}`);

export const draftListQuery = (
  store: string,
  args: { status?: DraftStatus; q?: string; limit: number; offset: number },
) =>
  queryOptions({
    queryKey: [...draftsKey(store), 'list', args],
    queryFn: () =>
      api.get<{ items: DraftOrderSummary[]; total: number }>(storeApiPath(store, '/draft-orders'), {
        ...args,
      }),
    placeholderData: keepPreviousData,
  });

export const draftQuery = (store: string, draftId: string) =>
  queryOptions({
    queryKey: [...draftsKey(store), 'one', draftId],
    queryFn: async () => (await api.get<{ draft: DraftOrder }>(draftPath(store, draftId))).draft,
  });

/**
 * After a draft changed: the list, and the audit log; once it is an order, the orders and stock
 * too. The answer of the change is put in the draft's query at once, so the page shows its new
 * totals without waiting for a refetch.
 */
function useDraftAnswer(store: string) {
  const queryClient = useQueryClient();
  return (draft: DraftOrder) => {
    queryClient.setQueryData(draftQuery(store, draft.id).queryKey, draft);
    void queryClient.invalidateQueries({ queryKey: [...draftsKey(store), 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['stores', store, 'audit'] });
    if (draft.status === 'completed') {
      void queryClient.invalidateQueries({ queryKey: ['stores', store, 'orders'] });
      void queryClient.invalidateQueries({ queryKey: ['stores', store, 'inventory'] });
    }
  };
}

/** Saves a change: a new draft (POST) when there is none yet, else a change of it (PATCH). */
export function useSaveDraft(store: string) {
  const answered = useDraftAnswer(store);
  return useMutation({
    mutationFn: async ({ draftId, change }: { draftId: string | null; change: DraftChange }) =>
      draftId
        ? (await api.patch<{ draft: DraftOrder }>(draftPath(store, draftId), change)).draft
        : (await api.post<{ draft: DraftOrder }>(storeApiPath(store, '/draft-orders'), change)).draft,
    onSuccess: answered,
  });
}

export function useSendInvoice(store: string, draftId: string) {
  const answered = useDraftAnswer(store);
  return useMutation({
    mutationFn: (input: { message?: string }) =>
      api.post<{ draft: DraftOrder; paymentUrl: string }>(draftPath(store, draftId, '/invoice'), input),
    onSuccess: (answer) => answered(answer.draft),
  });
}

export function useCompleteDraft(store: string, draftId: string) {
  const answered = useDraftAnswer(store);
  return useMutation({
    mutationFn: (input: { paymentPending: boolean; expectedTotal?: number }) =>
      api.post<{ draft: DraftOrder; order: { id: string; number: number | null; financialStatus: string } }>(
        draftPath(store, draftId, '/complete'),
        input,
      ),
    onSuccess: (answer) => answered(answer.draft),
  });
}

export function useDeleteDraft(store: string, draftId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete(draftPath(store, draftId)),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: draftQuery(store, draftId).queryKey });
      void queryClient.invalidateQueries({ queryKey: [...draftsKey(store), 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['stores', store, 'audit'] });
    },
  });
}
