import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/http.ts';
import { storeApiPath } from '../stores/current-store.tsx';

export type ExperimentStatus = 'draft' | 'running' | 'stopped' | 'shipped';
export type ExperimentMetric =
  | 'conversion_rate'
  | 'revenue_per_visitor'
  | 'average_order_value'
  | 'add_to_cart_rate'
  | 'refund_rate';

export interface Experiment {
  id: string;
  key: string;
  name: string;
  hypothesis: string;
  point: string;
  status: ExperimentStatus;
  primaryMetric: ExperimentMetric;
  variants: { key: string; name: string; weight: number; change: Record<string, unknown> }[];
  targeting: { audience: 'all' | 'new_visitors'; devices?: string[]; countries?: string[] };
  startedAt: string | null;
  stoppedAt: string | null;
}

export interface ExperimentBody {
  key: string;
  name: string;
  hypothesis: string;
  point: string;
  variants: Experiment['variants'];
  targeting: Experiment['targeting'];
  primaryMetric: ExperimentMetric;
}

export const experimentsKey = (store: string) => ['stores', store, 'experiments'] as const;

export const experimentsQuery = (store: string) =>
  queryOptions({
    queryKey: [...experimentsKey(store), 'list'],
    queryFn: () => api.get<{ items: Experiment[] }>(storeApiPath(store, '/experiments')),
  });

export function useCreateExperiment(store: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ExperimentBody) =>
      api.post<{ experiment: Experiment }>(storeApiPath(store, '/experiments'), body),
    onSuccess: () => client.invalidateQueries({ queryKey: experimentsKey(store) }),
  });
}

/** Starts or stops an experiment; the list is read again afterwards. */
export function useExperimentAction(store: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'start' | 'stop' }) =>
      api.post<{ experiment: Experiment }>(
        storeApiPath(store, `/experiments/${encodeURIComponent(id)}/${action}`),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: experimentsKey(store) }),
  });
}
