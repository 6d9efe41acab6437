/**
 * The additive measures a rollup row holds, and the KPIs computed from their sums over a period
 * (docs/metrics.md defines each). Ratios are computed from sums, never averaged from daily ratios.
 */
export const measureKeys = [
  'sessions',
  'pageViews',
  'productViews',
  'itemViewSessions',
  'cartSessions',
  'checkoutSessions',
  'shippingSessions',
  'paymentSessions',
  'purchaseSessions',
  'funnelViewSessions',
  'funnelCartSessions',
  'funnelCheckoutSessions',
  'funnelShippingSessions',
  'funnelPaymentSessions',
  'funnelPurchaseSessions',
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
  'pageViews',
  'productViews',
  'conversionRate',
  'productViewRate',
  'cartRate',
  'checkoutRate',
  'shippingRate',
  'paymentRate',
  'funnelCompletionRate',
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
    pageViews: m.pageViews,
    productViews: m.productViews,
    conversionRate: ratio(m.purchaseSessions, m.sessions),
    productViewRate: ratio(m.itemViewSessions, m.sessions),
    cartRate: ratio(m.cartSessions, m.sessions),
    checkoutRate: ratio(m.checkoutSessions, m.sessions),
    shippingRate: ratio(m.shippingSessions, m.sessions),
    paymentRate: ratio(m.paymentSessions, m.sessions),
    funnelCompletionRate: ratio(m.funnelPurchaseSessions, m.sessions),
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

export const funnelStepNames = [
  'sessions',
  'view_item',
  'add_to_cart',
  'begin_checkout',
  'add_shipping_info',
  'add_payment_info',
  'purchase',
] as const;
export type FunnelStepName = (typeof funnelStepNames)[number];

/** Each funnel step's measure: sessions that went through it in order (closed) or at all (open). */
const funnelMeasures: Record<'closed' | 'open', readonly MeasureKey[]> = {
  closed: [
    'sessions',
    'funnelViewSessions',
    'funnelCartSessions',
    'funnelCheckoutSessions',
    'funnelShippingSessions',
    'funnelPaymentSessions',
    'funnelPurchaseSessions',
  ],
  open: [
    'sessions',
    'itemViewSessions',
    'cartSessions',
    'checkoutSessions',
    'shippingSessions',
    'paymentSessions',
    'purchaseSessions',
  ],
};

export interface FunnelStep {
  step: FunnelStepName;
  sessions: number;
  /** Sessions at this step ÷ sessions at the one before (GA4's step rate); null for the first. */
  fromPrevious: number | null;
  /** ÷ all sessions. */
  fromStart: number | null;
  /** Sessions at the step before that did not reach this one (closed funnel); null for the first. */
  dropOff: number | null;
}

/**
 * The checkout funnel of summed measures (docs/metrics.md, "The checkout funnel"). Closed: a
 * session counts at a step only if it went through every step before, in order, so each step is
 * part of the one before and the drop-off is what left. Open: a session counts at each step it
 * reached at all (a shopper back at the checkout from an e-mail), so a step can exceed the one
 * before and the drop-off is not given.
 */
export function funnelOf(m: Measures, kind: 'closed' | 'open' = 'closed'): FunnelStep[] {
  const keys = funnelMeasures[kind];
  return funnelStepNames.map((step, i) => {
    const sessions = m[keys[i]!];
    const before = i === 0 ? null : m[keys[i - 1]!];
    return {
      step,
      sessions,
      fromPrevious: before === null ? null : ratio(sessions, before),
      fromStart: ratio(sessions, m.sessions),
      dropOff: before === null || kind === 'open' ? null : before - sessions,
    };
  });
}
