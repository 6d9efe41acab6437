import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../api/http.ts';
import type { Product } from '../../api/types.ts';
import { storeApiPath } from '../../stores/current-store.tsx';
import { type ProductInput, productQuery } from '../product-queries.ts';
import type { EditAnswer, ProductSchedule, ProductWorkflow, Revision } from './workflow-types.ts';

const productPath = (store: string, id: string, rest = '') =>
  storeApiPath(store, `/products/${encodeURIComponent(id)}${rest}`);

export const productWorkflowQuery = (store: string, id: string) =>
  queryOptions({
    queryKey: ['stores', store, 'products', 'workflow', id],
    queryFn: async () =>
      (await api.get<{ workflow: ProductWorkflow }>(productPath(store, id, '/workflow'))).workflow,
  });

export const revisionHistoryQuery = (store: string, id: string) =>
  queryOptions({
    queryKey: ['stores', store, 'products', 'revisions', id],
    queryFn: async () => (await api.get<{ items: Revision[] }>(productPath(store, id, '/revisions'))).items,
  });

/** After any workflow step: the product, its workflow, the list and the audit log may all have moved. */
function useWorkflowRefresh(store: string, id: string) {
  const queryClient = useQueryClient();
  return (answer: { workflow?: ProductWorkflow; product?: Product }) => {
    if (answer.workflow) queryClient.setQueryData(productWorkflowQuery(store, id).queryKey, answer.workflow);
    if (answer.product) queryClient.setQueryData(productQuery(store, id).queryKey, answer.product);
    void queryClient.invalidateQueries({ queryKey: ['stores', store, 'products'] });
    void queryClient.invalidateQueries({ queryKey: ['stores', store, 'audit'] });
  };
}

/** PATCH with the workflow's answer: for someone without catalog:publish a live product's edits are staged. */
export function useEditProduct(store: string, id: string) {
  const refresh = useWorkflowRefresh(store, id);
  return useMutation({
    mutationFn: (changes: ProductInput) => api.patch<EditAnswer>(productPath(store, id), changes),
    onSuccess: (answer) => refresh({ product: answer.product }),
  });
}

export type ReviewStep =
  | { step: 'submit-for-review'; note?: string }
  | { step: 'approve'; fingerprint?: string; comment?: string }
  | { step: 'request-changes'; comment: string }
  | { step: 'discard'; revisionId: string };

export function useReviewStep(store: string, id: string) {
  const refresh = useWorkflowRefresh(store, id);
  return useMutation({
    mutationFn: (input: ReviewStep) => {
      const { step, ...body } = input;
      if (input.step === 'discard') {
        return api.post<{ workflow: ProductWorkflow }>(
          productPath(store, id, `/revisions/${encodeURIComponent(input.revisionId)}/discard`),
          {},
        );
      }
      return api.post<{ workflow: ProductWorkflow }>(productPath(store, id, `/${step}`), body);
    },
    onSuccess: refresh,
  });
}

export function usePublishStep(store: string, id: string) {
  const queryClient = useQueryClient();
  const refresh = useWorkflowRefresh(store, id);
  return useMutation({
    mutationFn: (action: 'publish' | 'unpublish') =>
      api.post<{ product: Product }>(productPath(store, id, `/${action}`)),
    onSuccess: (answer) => {
      refresh(answer);
      void queryClient.invalidateQueries({ queryKey: productWorkflowQuery(store, id).queryKey });
    },
  });
}

export function useScheduleChange(store: string, id: string) {
  const refresh = useWorkflowRefresh(store, id);
  return useMutation({
    mutationFn: (input: { action: 'publish' | 'unpublish'; at: string }) =>
      api.post<{ schedule: ProductSchedule; workflow: ProductWorkflow }>(
        productPath(store, id, '/schedules'),
        input,
      ),
    onSuccess: refresh,
  });
}

export function useCancelSchedule(store: string, id: string) {
  const refresh = useWorkflowRefresh(store, id);
  return useMutation({
    mutationFn: (scheduleId: string) =>
      apiRequest<{ schedule: ProductSchedule; workflow: ProductWorkflow }>(
        'DELETE',
        productPath(store, id, `/schedules/${encodeURIComponent(scheduleId)}`),
      ),
    onSuccess: refresh,
  });
}
