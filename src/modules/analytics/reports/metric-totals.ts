/**
 * The additive measures a rollup row holds, and the KPIs computed from their sums over a period
 * (docs/metrics.md defines each). Ratios are computed from sums, never averaged from daily ratios.
 */
export const measureKeys = [
  'sessions',
  'pageViews',
  'productViews',
  'cartSessions',
  'checkoutSessions',
  'shippingSessions',
  'paymentSessions',
  'purchaseSessions',
  'searches',
  'searchesWithoutResults',
  'orders',
  'newCustomerOrders',
  'units',
  'grossSales',
  'discounts',
  'shipping',
  'tax',
  'totalSales',
  'refunds',
  'refundedOrders',
  'cost',
  'costedSales',
] as const;
export type MeasureKey = (typeof measureKeys)[number];
export type Measures = Record<MeasureKey, number>;

export const emptyMeasures = (): Measures => Object.fromEntries(measureKeys.map((k) => [k, 0])) as Measures;

export function addMeasures(
  into: Measures,
  row: Partial<Record<MeasureKey, number | string | null>>,
): Measures {
  for (const key of measureKeys) into[key] += Number(row[key] ?? 0);
  return into;
}

export const kpiKeys = [
  'grossSales',
  'discounts',
  'refunds',
  'netSales',
  'totalSales',
  'orders',
  'units',
  'averageOrderValue',
  'sessions',
  'conversionRate',
  'cartRate',
  'checkoutRate',
  'newCustomerOrders',
  'returningCustomerOrders',
  'returningCustomerRate',
  'refundRate',
  'grossMargin',
  'grossProfit',
  'searches',
  'searchesWithoutResultsRate',
] as const;
export type KpiKey = (typeof kpiKeys)[number];

/** Money KPIs are in minor units of the store's currency; rates are fractions (0.031 is 3.1 %). */
export const moneyKpis: ReadonlySet<KpiKey> = new Set([
  'grossSales',
  'discounts',
  'refunds',
  'netSales',
  'totalSales',
  'averageOrderValue',
  'grossProfit',
]);

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

/** The KPIs of summed measures; null where a ratio has nothing to divide by. */
export function kpisOf(m: Measures): Record<KpiKey, number | null> {
  const netSales = m.grossSales - m.discounts - m.refunds;
  const returning = m.orders - m.newCustomerOrders;
  return {
    grossSales: m.grossSales,
    discounts: m.discounts,
    refunds: m.refunds,
    netSales,
    totalSales: m.totalSales - m.refunds,
    orders: m.orders,
    units: m.units,
    averageOrderValue: m.orders === 0 ? null : Math.round((m.grossSales - m.discounts) / m.orders),
    sessions: m.sessions,
    conversionRate: ratio(m.purchaseSessions, m.sessions),
    cartRate: ratio(m.cartSessions, m.sessions),
    checkoutRate: ratio(m.checkoutSessions, m.sessions),
    newCustomerOrders: m.newCustomerOrders,
    returningCustomerOrders: returning,
    returningCustomerRate: ratio(returning, m.orders),
    refundRate: ratio(m.refunds, m.grossSales - m.discounts),
    grossMargin: ratio(m.costedSales - m.cost, m.costedSales),
    grossProfit: m.costedSales - m.cost,
    searches: m.searches,
    searchesWithoutResultsRate: ratio(m.searchesWithoutResults, m.searches),
  };
}

/** Relative change from `previous` to `current` (0.12 is +12 %); null when there is no base. */
export function changeOf(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / Math.abs(previous);
}

export const funnelSteps = [
  ['sessions', 'sessions'],
  ['add_to_cart', 'cartSessions'],
  ['begin_checkout', 'checkoutSessions'],
  ['add_shipping_info', 'shippingSessions'],
  ['add_payment_info', 'paymentSessions'],
  ['purchase', 'purchaseSessions'],
] as const satisfies readonly (readonly [string, MeasureKey])[];

export interface FunnelStep {
  step: (typeof funnelSteps)[number][0];
  sessions: number;
  /** Sessions at this step ÷ sessions at the one before (GA4's step rate); null for the first. */
  fromPrevious: number | null;
  /** ÷ all sessions. */
  fromStart: number | null;
}

/**
 * The checkout funnel of summed measures: sessions that reached each step (an open funnel: a
 * session counts at a step whether or not it went through the ones before, as when a shopper
 * comes back to the checkout from an e-mail).
 */
export function funnelOf(m: Measures): FunnelStep[] {
  return funnelSteps.map(([step, key], i) => {
    const sessions = m[key];
    const before = i === 0 ? null : m[funnelSteps[i - 1]![1]];
    return {
      step,
      sessions,
      fromPrevious: before === null ? null : ratio(sessions, before),
      fromStart: ratio(sessions, m.sessions),
    };
  });
}
