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
  createdAt: string;
  updatedAt: string;
}

export type VerdictKind =
  | 'sample_ratio_mismatch'
  | 'winner'
  | 'early_lead'
  | 'control_winning'
  | 'no_winner_yet'
  | 'no_difference'
  | 'no_data';

export interface VariantMetricResult {
  variantKey: string;
  variantName: string;
  visitors: number;
  /** Conversions (a share), the value's total (a mean) or the numerator's total (a ratio). */
  numerator: number;
  /** Visitors, or the ratio's denominator total (orders, revenue). */
  denominator: number;
  /** The rate, the mean per visitor or the ratio; money in minor units of the results' currency. */
  value: number;
  /** Against control (absent on the control and when it cannot be computed yet). */
  lift?: number;
  /** The 95% credible interval of the lift. */
  interval?: [number, number];
  chanceToBeatControl?: number;
  risk?: number;
  alwaysValidInterval?: [number, number];
  decision?: 'better' | 'worse' | 'undecided';
}

export interface MetricResult {
  metric: ExperimentMetric;
  /** In words, lower case, for sentences: "conversion rate". */
  label: string;
  role: 'primary' | 'secondary' | 'guardrail';
  unit: 'share' | 'money';
  /** Lower is better (refund rate). */
  inverse: boolean;
  cuped: boolean;
  variants: VariantMetricResult[];
  visitorsPerArmNeeded: number;
  verdict: { kind: VerdictKind; variant?: string; sentence: string };
}

export interface UpliftPoint {
  variantKey: string;
  visitors: number;
  value: number;
  lift: number | null;
  low: number | null;
  high: number | null;
}

/** `GET /experiments/:id/results` (src/modules/experiments/results/experiment-results.ts). */
export interface ExperimentResults {
  experimentId: string;
  status: Experiment['status'];
  currency: string;
  computedAt: string;
  from: string | null;
  until: string;
  daysRunning: number;
  minimumDays: number;
  variants: { key: string; name: string; weight: number; visitors: number }[];
  sampleRatio: { pValue: number; expected: number[]; mismatch: boolean };
  /** The plain sentence about the primary metric; `variant` is the winning variant's name. */
  verdict: { kind: VerdictKind; variant?: string; sentence: string };
  metrics: MetricResult[];
  guardrails: {
    metric: ExperimentMetric;
    variantKey: string;
    variantName: string;
    lift: number;
    chanceWorse: number;
    sentence: string;
  }[];
  series: { metric: ExperimentMetric; days: { day: string; variants: UpliftPoint[] }[] };
}

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
