import type { VisitorOutcome } from '../../analytics/index.ts';
import type { ExperimentMetric } from '../schema.ts';

/**
 * How each metric an experiment can measure is computed from an exposed visitor's outcome. The
 * unit is always the visitor (the unit of randomisation):
 * - `proportion`: yes/no per visitor (converted, added to cart);
 * - `mean`: a value per visitor (revenue per visitor, zero for most);
 * - `ratio`: two per-visitor sums whose quotient is the metric (AOV = revenue / orders), analysed
 *   by the delta method because orders are not independent units.
 * `pre` is the same visitor's value in the pre-period, the covariate CUPED adjusts by (none for
 * add-to-cart: carts are not kept as history).
 */
export type MetricKind = 'proportion' | 'mean' | 'ratio';

export interface VisitorValue {
  /** Numerator (or the value itself). */
  m: number;
  /** Denominator; 1 for proportion and mean metrics. */
  d: number;
  preM: number;
  preD: number;
}

export interface MetricDefinition {
  key: ExperimentMetric;
  /** In words, for sentences: "conversion rate". */
  label: string;
  kind: MetricKind;
  /** Lower is better (refund rate). */
  inverse: boolean;
  /** What the value is: a share of visitors, money per visitor or order, a share of revenue. */
  unit: 'share' | 'money';
  /** Whether a pre-period covariate exists at all. */
  hasPrePeriod: boolean;
  valueOf(outcome: VisitorOutcome, until?: Date): VisitorValue;
}

/** The visitor's purchases up to a moment (the time series cuts the outcome at each day's end). */
function purchasesUntil(outcome: VisitorOutcome, until?: Date) {
  return until ? outcome.purchases.filter((p) => p.at < until) : outcome.purchases;
}

const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);

export const experimentMetricDefinitions: Record<ExperimentMetric, MetricDefinition> = {
  conversion_rate: {
    key: 'conversion_rate',
    label: 'conversion rate',
    kind: 'proportion',
    inverse: false,
    unit: 'share',
    hasPrePeriod: true,
    valueOf: (o, until) => ({
      m: purchasesUntil(o, until).length > 0 ? 1 : 0,
      d: 1,
      preM: o.preOrders > 0 ? 1 : 0,
      preD: 1,
    }),
  },
  add_to_cart_rate: {
    key: 'add_to_cart_rate',
    label: 'add-to-cart rate',
    kind: 'proportion',
    inverse: false,
    unit: 'share',
    hasPrePeriod: false,
    valueOf: (o, until) => ({
      m: o.firstAddToCartAt && (!until || o.firstAddToCartAt < until) ? 1 : 0,
      d: 1,
      preM: 0,
      preD: 1,
    }),
  },
  revenue_per_visitor: {
    key: 'revenue_per_visitor',
    label: 'revenue per visitor',
    kind: 'mean',
    inverse: false,
    unit: 'money',
    hasPrePeriod: true,
    valueOf: (o, until) => ({
      m: sum(purchasesUntil(o, until).map((p) => p.revenue)),
      d: 1,
      preM: o.preRevenue,
      preD: 1,
    }),
  },
  average_order_value: {
    key: 'average_order_value',
    label: 'average order value',
    kind: 'ratio',
    inverse: false,
    unit: 'money',
    hasPrePeriod: true,
    valueOf: (o, until) => {
      const purchases = purchasesUntil(o, until);
      return {
        m: sum(purchases.map((p) => p.revenue)),
        d: purchases.length,
        preM: o.preRevenue,
        preD: o.preOrders,
      };
    },
  },
  refund_rate: {
    key: 'refund_rate',
    label: 'refund rate',
    kind: 'ratio',
    inverse: true,
    unit: 'share',
    hasPrePeriod: false,
    valueOf: (o, until) => {
      const purchases = purchasesUntil(o, until);
      return {
        m: sum(purchases.map((p) => p.refunded)),
        d: sum(purchases.map((p) => p.revenue)),
        preM: 0,
        preD: 0,
      };
    },
  },
};
