import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/http.ts';
import { storeApiPath } from '../stores/current-store.tsx';

// The server's own words for an experiment's states and metrics.
export type {
  ExperimentMetric,
  ExperimentStatus,
} from '../../../src/modules/experiments/experiment-vocabulary.ts';

import type {
  ExperimentMetric,
  ExperimentStatus,
} from '../../../src/modules/experiments/experiment-vocabulary.ts';

export interface Experiment {
  id: string;
  key: string;
  name: string;
  hypothesis: string;
  point: string;
  status: ExperimentStatus;
  primaryMetric: ExperimentMetric;
  secondaryMetrics: ExperimentMetric[];
  guardrailMetrics: ExperimentMetric[];
  variants: { key: string; name: string; weight: number; change: Record<string, unknown> }[];
  targeting: {
    audience: 'all' | 'new_visitors';
    devices?: ('mobile' | 'desktop')[];
    countries?: string[];
  };
  startsAt: string | null;
  stopsAt: string | null;
  startedAt: string | null;
  stoppedAt: string | null;
  /** A shipped winner's rollout someone ended. */
  rolloutEndedAt: string | null;
}

export interface ExperimentBody {
  key: string;
  name: string;
  hypothesis: string;
  point: string;
  variants: Experiment['variants'];
  targeting: Experiment['targeting'];
  primaryMetric: ExperimentMetric;
  secondaryMetrics: ExperimentMetric[];
  guardrailMetrics: ExperimentMetric[];
  startsAt: string | null;
  stopsAt: string | null;
}

/** An integration point as `GET /experiments/points` describes it; `change` is a JSON Schema. */
export interface ExperimentPointInfo {
  key: string;
  description: string;
  pages: string[];
  change: Record<string, unknown>;
}

export const experimentsKey = (store: string) => ['stores', store, 'experiments'] as const;

export const experimentsQuery = (store: string) =>
  queryOptions({
    queryKey: [...experimentsKey(store), 'list'],
    queryFn: () => api.get<{ items: Experiment[] }>(storeApiPath(store, '/experiments')),
  });

export const experimentPointsQuery = (store: string) =>
  queryOptions({
    queryKey: [...experimentsKey(store), 'points'],
    queryFn: async () =>
      (await api.get<{ items: ExperimentPointInfo[] }>(storeApiPath(store, '/experiments/points'))).items,
    staleTime: Number.POSITIVE_INFINITY,
  });

export function useCreateExperiment(store: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ExperimentBody) =>
      api.post<{ experiment: Experiment }>(storeApiPath(store, '/experiments'), body),
    onSuccess: () => client.invalidateQueries({ queryKey: experimentsKey(store) }),
  });
}

/** Replaces an experiment's definition (after it ran, the server keeps its key, point and variant keys). */
export function useUpdateExperiment(store: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ExperimentBody }) =>
      api.put<{ experiment: Experiment }>(
        storeApiPath(store, `/experiments/${encodeURIComponent(id)}`),
        body,
      ),
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
