import { type KpiKey, kpisOf, type Measures, moneyKpis } from './metric-totals.ts';

/** KPIs that are ratios: their values are ranked by what they divide by, never by the ratio. */
const ratioBases: Partial<Record<KpiKey, (m: Measures) => number>> = {
  averageOrderValue: (m) => m.orders,
  conversionRate: (m) => m.sessions,
  productViewRate: (m) => m.sessions,
  cartRate: (m) => m.sessions,
  checkoutRate: (m) => m.sessions,
  shippingRate: (m) => m.sessions,
  paymentRate: (m) => m.sessions,
  funnelCompletionRate: (m) => m.sessions,
  returningCustomerRate: (m) => m.orders,
  refundRate: (m) => m.grossSales - m.discounts,
  grossMargin: (m) => m.costedSales,
  searchesWithoutResultsRate: (m) => m.searches,
};

export type MetricKind = 'money' | 'count' | 'rate';

/** Whether a KPI is an amount of money (minor units), a count, or a fraction. */
export function kindOf(metric: KpiKey): MetricKind {
  if (moneyKpis.has(metric)) return 'money';
  return metric in ratioBases ? 'rate' : 'count';
}

/**
 * How much a breakdown value weighs for one metric, to pick the top values: a ratio by its
 * base (conversion rate by sessions, so a channel with one session and one order does not lead),
 * any other metric by its size.
 */
export function weightOf(metric: KpiKey, m: Measures): number {
  const base = ratioBases[metric];
  return base ? base(m) : Math.abs(kpisOf(m)[metric] ?? 0);
}
