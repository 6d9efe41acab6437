/** The six key metrics of the daily check (docs/anomalies.md): their names and how a value reads. */
import { formatMoney } from '../money/minor-units.ts';

export type KeyMetric =
  | 'revenue'
  | 'orders'
  | 'sessions'
  | 'conversionRate'
  | 'averageOrderValue'
  | 'refunds';

export const keyMetricLabels: Record<KeyMetric, string> = {
  revenue: 'Revenue',
  orders: 'Orders',
  sessions: 'Sessions',
  conversionRate: 'Conversion rate',
  averageOrderValue: 'Average order value',
  refunds: 'Refunds',
};

/** Money in the store's currency, a rate in %, a count; a dash for no value. */
export function keyMetricFigure(metric: KeyMetric, value: number | null, currency: string): string {
  if (value === null) return '—';
  if (metric === 'revenue' || metric === 'refunds' || metric === 'averageOrderValue')
    return formatMoney(Math.round(value), currency);
  if (metric === 'conversionRate') return `${(value * 100).toFixed(2)} %`;
  return new Intl.NumberFormat().format(Math.round(value));
}
