import { formatMoney } from '../../platform/money.ts';

const moneyMetrics = new Set(['revenue', 'refunds', 'averageOrderValue']);

/** A key metric's value as a person reads it: money in the store's currency, a rate in %, a count. */
export function metricFigure(metric: string, value: number, currency: string): string {
  if (moneyMetrics.has(metric)) return formatMoney(Math.round(value), currency, 'en');
  if (metric === 'conversionRate') return `${(value * 100).toFixed(2)}%`;
  return Math.round(value).toLocaleString('en');
}
