import { formatMoney } from '../../money/minor-units.ts';
import type { MetricResult, VariantMetricResult } from './experiment-results-queries.ts';

/** 0.0312 → "3.12%": rates are small, so two decimals (the same in every row, so they line up). */
export function formatShare(x: number): string {
  return `${(x * 100).toFixed(2)}%`;
}

/** A relative change with its sign: 0.081 → "+8.1%", −0.02 → "−2.0%". */
export function formatLift(x: number): string {
  const value = (Math.abs(x) * 100).toFixed(1);
  return `${x >= 0 ? '+' : '−'}${value}%`;
}

/** A probability as people read it; the ends are never written as certainty. */
export function formatChance(x: number): string {
  if (x > 0.99) return '> 99%';
  if (x < 0.01) return '< 1%';
  return `${Math.round(x * 100)}%`;
}

export function formatCount(n: number): string {
  return Math.round(n).toLocaleString();
}

/** A money amount in minor units that may have fractions (a mean per visitor), rounded to the minor unit. */
function money(minor: number, currency: string): string {
  return formatMoney(Math.round(minor), currency);
}

/** The metric's value in its unit: a percentage or an amount of the store's currency. */
export function formatMetricValue(metric: MetricResult, value: number, currency: string): string {
  return metric.unit === 'share' ? formatShare(value) : money(value, currency);
}

/**
 * What the variant's visitors did, in the metric's own words: "124 bought", "€4,310.00 revenue",
 * "€4,310.00 from 98 orders", "€120.00 refunded of €4,310.00".
 */
export function outcomeText(metric: MetricResult, v: VariantMetricResult, currency: string): string {
  switch (metric.metric) {
    case 'conversion_rate':
      return `${formatCount(v.numerator)} bought`;
    case 'add_to_cart_rate':
      return `${formatCount(v.numerator)} added to cart`;
    case 'revenue_per_visitor':
      return `${money(v.numerator, currency)} revenue`;
    case 'average_order_value':
      return `${money(v.numerator, currency)} from ${formatCount(v.denominator)} orders`;
    case 'refund_rate':
      return `${money(v.numerator, currency)} refunded of ${money(v.denominator, currency)}`;
    default:
      return formatCount(v.numerator);
  }
}

/** The column heading for the metric's value: what the number is. */
export function valueHeading(metric: MetricResult): string {
  switch (metric.metric) {
    case 'revenue_per_visitor':
      return 'Per visitor';
    case 'average_order_value':
      return 'Per order';
    default:
      return 'Rate';
  }
}

/** The label with a capital, for headings: "Conversion rate". */
export function metricTitle(metric: Pick<MetricResult, 'label'>): string {
  return metric.label.charAt(0).toUpperCase() + metric.label.slice(1);
}

export type IntervalSide = 'good' | 'bad' | 'unclear';

/**
 * Which side of no change the whole interval lies on, read with the metric's direction: a rise in
 * refund rate is bad.
 */
export function intervalSide(interval: [number, number], inverse: boolean): IntervalSide {
  const [low, high] = interval;
  if (low > 0) return inverse ? 'bad' : 'good';
  if (high < 0) return inverse ? 'good' : 'bad';
  return 'unclear';
}
