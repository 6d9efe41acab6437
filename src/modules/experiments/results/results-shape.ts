/*
 * What `GET /experiments/:id/results` answers (experiment-results.ts computes it). Free of the
 * database, so the admin console reads these types from here instead of restating them.
 */
import type { ExperimentMetric, ExperimentStatus } from '../experiment-vocabulary.ts';
import type { SampleRatioCheck } from '../statistics/sample-ratio-mismatch.ts';
import type { Decision, Verdict } from '../statistics/verdict.ts';

export interface VariantMetricResult {
  variantKey: string;
  variantName: string;
  visitors: number;
  /** Conversions (proportion), the value's total (mean) or the numerator's total (ratio). */
  numerator: number;
  /** Visitors (proportion, mean) or the ratio's denominator total (orders, revenue). */
  denominator: number;
  /** The rate, the mean per visitor or the ratio; money in minor units of the store's currency. */
  value: number;
  /** Against control (absent on the control): relative lift and its 95% credible interval. */
  lift?: number;
  interval?: [number, number];
  chanceToBeatControl?: number;
  /** Expected relative loss of shipping this variant if it is in fact worse. */
  risk?: number;
  /** The always-valid 95% interval (Bonferroni over variants) the decision is read from. */
  alwaysValidInterval?: [number, number];
  decision?: Decision;
}

export interface MetricResult {
  metric: ExperimentMetric;
  label: string;
  role: 'primary' | 'secondary' | 'guardrail';
  unit: 'share' | 'money';
  inverse: boolean;
  /** Adjusted by the visitors' pre-period behaviour. */
  cuped: boolean;
  variants: VariantMetricResult[];
  visitorsPerArmNeeded: number;
  verdict: Verdict;
}

export interface GuardrailAlert {
  metric: ExperimentMetric;
  variantKey: string;
  variantName: string;
  lift: number;
  chanceWorse: number;
  sentence: string;
}

export interface ExperimentResults {
  experimentId: string;
  status: ExperimentStatus;
  currency: string;
  computedAt: string;
  /** The window the outcomes are counted in. */
  from: string | null;
  until: string;
  daysRunning: number;
  minimumDays: number;
  variants: { key: string; name: string; weight: number; visitors: number }[];
  sampleRatio: SampleRatioCheck;
  /** The plain sentence about the primary metric (the split and duration rules applied). */
  verdict: Verdict;
  metrics: MetricResult[];
  guardrails: GuardrailAlert[];
  series: UpliftSeries;
}

export interface UpliftPoint {
  variantKey: string;
  visitors: number;
  value: number;
  /** Relative lift over control with its 95% interval, when it can be computed. */
  lift: number | null;
  low: number | null;
  high: number | null;
}

export interface UpliftSeries {
  metric: string;
  days: { day: string; variants: UpliftPoint[] }[];
}
