import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/http.ts';
import { storeApiPath } from '../../stores/current-store.tsx';
import { type Experiment, type ExperimentMetric, experimentsKey } from '../experiments-queries.ts';

/** One experiment as `GET /experiments/:id` returns it: the list's fields and what the results page shows. */
export interface ExperimentDetail extends Experiment {
  secondaryMetrics: ExperimentMetric[];
  guardrailMetrics: ExperimentMetric[];
  startsAt: string | null;
  stopsAt: string | null;
  shippedVariant: string | null;
  /** What shipping did; null for a test shipped before it was kept. */
  shippedAs: ShipOutcome | null;
  shippedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

// What the results route answers, in the server's own types.
export type {
  ExperimentResults,
  MetricResult,
  UpliftPoint,
  VariantMetricResult,
} from '../../../../src/modules/experiments/results/results-shape.ts';
export type { VerdictKind } from '../../../../src/modules/experiments/statistics/verdict.ts';

import type { ShipOutcome } from '../../../../src/modules/experiments/experiment-vocabulary.ts';
import type { ExperimentResults } from '../../../../src/modules/experiments/results/results-shape.ts';

const experimentPath = (store: string, id: string, rest = '') =>
  storeApiPath(store, `/experiments/${encodeURIComponent(id)}${rest}`);

export const experimentQuery = (store: string, id: string) =>
  queryOptions({
    queryKey: [...experimentsKey(store), 'one', id],
    queryFn: () => api.get<{ experiment: ExperimentDetail }>(experimentPath(store, id)),
    select: (data) => data.experiment,
  });

export const experimentResultsQuery = (store: string, id: string) =>
  queryOptions({
    queryKey: [...experimentsKey(store), 'results', id],
    queryFn: () => api.get<{ results: ExperimentResults }>(experimentPath(store, id, '/results')),
    select: (data) => data.results,
  });

/**
 * Ships a variant (a running test is stopped in the same step): the experiment, its results and
 * the list are read again afterwards.
 */
export function useShipExperiment(store: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (variant: string) =>
      api.post<{ experiment: ExperimentDetail }>(experimentPath(store, id, '/ship'), { variant }),
    onSuccess: () => client.invalidateQueries({ queryKey: experimentsKey(store) }),
  });
}

/** Ends a shipped winner's rollout: visitors see the store without it again. */
export function useEndRollout(store: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ experiment: ExperimentDetail }>(experimentPath(store, id, '/end-rollout')),
    onSuccess: () => client.invalidateQueries({ queryKey: experimentsKey(store) }),
  });
}
