import { formatMoney } from '../money/minor-units.ts';
import type { KpiKey } from './analytics-types.ts';

/** How each KPI reads: its name, what kind of number it is, and whether up is good news. */
export const kpiLooks: Record<
  KpiKey,
  { label: string; kind: 'money' | 'count' | 'rate'; upIsGood: boolean }
> = {
  netSales: { label: 'Net sales', kind: 'money', upIsGood: true },
  orders: { label: 'Orders', kind: 'count', upIsGood: true },
  averageOrderValue: { label: 'Average order value', kind: 'money', upIsGood: true },
  sessions: { label: 'Sessions', kind: 'count', upIsGood: true },
  conversionRate: { label: 'Conversion rate', kind: 'rate', upIsGood: true },
  returningCustomerRate: { label: 'Returning customers', kind: 'rate', upIsGood: true },
  grossMargin: { label: 'Gross margin', kind: 'rate', upIsGood: true },
  refundRate: { label: 'Refund rate', kind: 'rate', upIsGood: false },
  grossSales: { label: 'Gross sales', kind: 'money', upIsGood: true },
  discounts: { label: 'Discounts', kind: 'money', upIsGood: false },
  refunds: { label: 'Refunds', kind: 'money', upIsGood: false },
  totalSales: { label: 'Total sales', kind: 'money', upIsGood: true },
  units: { label: 'Units sold', kind: 'count', upIsGood: true },
  pageViews: { label: 'Page views', kind: 'count', upIsGood: true },
  productViews: { label: 'Product views', kind: 'count', upIsGood: true },
  productViewRate: { label: 'Viewed a product', kind: 'rate', upIsGood: true },
  cartRate: { label: 'Added to cart', kind: 'rate', upIsGood: true },
  checkoutRate: { label: 'Reached checkout', kind: 'rate', upIsGood: true },
  shippingRate: { label: 'Chose shipping', kind: 'rate', upIsGood: true },
  paymentRate: { label: 'Entered payment', kind: 'rate', upIsGood: true },
  funnelCompletionRate: { label: 'Went through the whole funnel', kind: 'rate', upIsGood: true },
  newCustomerOrders: { label: 'Orders from new customers', kind: 'count', upIsGood: true },
  returningCustomerOrders: { label: 'Orders from returning customers', kind: 'count', upIsGood: true },
  grossProfit: { label: 'Gross profit', kind: 'money', upIsGood: true },
  searches: { label: 'Searches', kind: 'count', upIsGood: true },
  searchesWithoutResultsRate: { label: 'Searches without results', kind: 'rate', upIsGood: false },
};

/** The KPIs on the cards, in order; the rest are in the table below them. */
export const headlineKpis: KpiKey[] = [
  'netSales',
  'orders',
  'averageOrderValue',
  'sessions',
  'conversionRate',
  'returningCustomerRate',
  'grossMargin',
  'refundRate',
];

export function formatKpi(key: KpiKey, value: number | null, currency: string): string {
  if (value === null) return '—';
  const { kind } = kpiLooks[key];
  if (kind === 'money') return formatMoney(value, currency);
  if (kind === 'rate') return `${(value * 100).toFixed(value !== 0 && Math.abs(value) < 0.1 ? 2 : 1)} %`;
  return new Intl.NumberFormat().format(value);
}

/** "+12.3 %" / "−4.0 %" for a relative change; null when there is nothing to compare with. */
export function formatChange(change: number | null): string | null {
  if (change === null || !Number.isFinite(change)) return null;
  const pct = (change * 100).toFixed(1);
  return `${change > 0 ? '+' : change < 0 ? '−' : '±'}${pct.replace('-', '')} %`;
}
