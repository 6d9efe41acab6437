import { DateTime } from 'luxon';
import type { Db } from '../../platform/db/database.ts';
import type { Store } from '../access/index.ts';
import {
  type BreakdownDimension,
  dailyMeasures,
  dailyMeasuresByProduct,
  dailyMeasuresByValue,
  type Measures,
  type Period,
} from '../analytics/index.ts';
import { storeDay } from '../markets/index.ts';
import {
  type BreakdownSeriesInput,
  judgeStoreDay,
  type MetricDayReport,
  type MetricSeries,
  type StoreMetricName,
  storeMetricNames,
  storeMetricWords,
  withStockOutCause,
} from './anomalies/index.ts';
import { productStockOuts } from './product-stock-outs.ts';

/** Days of history each series carries: the detector's 84-day window and room to settle. */
const historyDays = 120;
/** Breakdowns a flagged metric is explained by (products come from their own rollup, below). */
const dimensions: readonly BreakdownDimension[] = ['channel', 'campaign', 'device', 'country'];
/**
 * Metrics also judged per best-selling product: a best seller that stops selling (out of stock, a
 * broken page) is flagged on its own even when the store's totals stay in their band. Products
 * have no sessions, so the traffic and rate metrics are not judged per product.
 */
const productMetrics: ReadonlySet<StoreMetricName> = new Set(['revenue', 'orders']);
/** Values per breakdown judged and used to explain: the largest by sessions and sales. */
const valuesPerDimension = 12;

type Day = { day: string; measures: Measures };

const active = (d: Day) => d.measures.sessions > 0 || d.measures.orders > 0 || d.measures.refunds > 0;

/**
 * The series of one store metric from daily measures (docs/anomalies.md says how each is judged).
 * Days before the store's (or the breakdown value's) first activity are missing, not zero: a shop
 * that opened six weeks ago has no history before, rather than weeks of nothing.
 */
export function metricSeries(metric: StoreMetricName, days: readonly Day[]): MetricSeries {
  const start = days[0]?.day ?? '1970-01-01';
  const opened = Math.max(0, days.findIndex(active));
  const known = <T>(values: T[]): (T | null)[] => values.map((v, i) => (i < opened ? null : v));
  const sales = known(days.map((d) => d.measures.grossSales - d.measures.discounts));
  const orders = known(days.map((d) => d.measures.orders));
  switch (metric) {
    case 'revenue':
      return { kind: 'amount', start, values: sales, units: orders };
    case 'orders':
      return { kind: 'count', start, values: orders };
    case 'sessions':
      return { kind: 'count', start, values: known(days.map((d) => d.measures.sessions)) };
    case 'conversionRate':
      return {
        kind: 'proportion',
        start,
        numerators: known(days.map((d) => d.measures.purchaseSessions)),
        denominators: known(days.map((d) => d.measures.sessions)),
      };
    case 'averageOrderValue':
      return { kind: 'mean', start, numerators: sales, denominators: orders };
    case 'refunds':
      return {
        kind: 'amount',
        start,
        values: known(days.map((d) => d.measures.refunds)),
        units: known(days.map((d) => d.measures.refundedOrders)),
      };
  }
}

function volume(days: readonly Day[]): number {
  return days.reduce((n, d) => n + d.measures.sessions + d.measures.orders * 20, 0);
}

/**
 * The morning's verdict for a store day (yesterday by default): each key metric against what the
 * weeks before led one to expect, flagged when it is outside its band, and what moved it (the
 * channel, campaign, device or country that carries the change).
 */
export async function storeAnomalies(
  db: Db,
  store: Pick<Store, 'id' | 'timezone' | 'baseCurrency'>,
  day?: string,
): Promise<{ day: string; currency: string; metrics: MetricDayReport[] }> {
  const judged = day ?? DateTime.fromISO(storeDay(store), { zone: 'utc' }).minus({ days: 1 }).toISODate()!;
  const to = DateTime.fromISO(judged, { zone: 'utc' });
  const period: Period = {
    from: to.minus({ days: historyDays - 1 }).toISODate()!,
    to: judged,
    days: historyDays,
  };
  const [overall, byProduct, ...byDimension] = await Promise.all([
    dailyMeasures(db, store.id, period),
    dailyMeasuresByProduct(db, store.id, period, valuesPerDimension),
    ...dimensions.map((d) => dailyMeasuresByValue(db, store.id, period, d)),
  ]);
  const breakdownValues = byDimension.map((values, i) => ({
    dimension: dimensions[i]!,
    values: [...values]
      .sort((a, b) => volume(b[1]) - volume(a[1]) || a[0].localeCompare(b[0]))
      .slice(0, valuesPerDimension),
  }));
  const metrics = storeMetricNames.map((metric) => ({
    metric,
    words: storeMetricWords[metric],
    series: metricSeries(metric, overall),
    breakdowns: [
      ...breakdownValues,
      ...(productMetrics.has(metric)
        ? [{ dimension: 'product', values: byProduct.map((p) => [p.label, p.days] as const) }]
        : []),
    ].map(
      ({ dimension, values }): BreakdownSeriesInput => ({
        dimension,
        values: values.map(([value, days]) => ({ value, series: metricSeries(metric, days) })),
      }),
    ),
  }));
  const reports = judgeStoreDay({ metrics, currency: store.baseCurrency, locale: 'en' });
  // A best seller's empty day while it had nothing to sell is flagged sooner, with its cause.
  const stockOuts = await productStockOuts(
    db,
    store,
    judged,
    byProduct.map((p) => p.productId),
  );
  const stockOutOf = new Map(byProduct.map((p) => [p.label, stockOuts.get(p.productId)]));
  for (const report of reports)
    for (const segment of report.segments)
      if (segment.dimension === 'product')
        segment.judgement = withStockOutCause(segment.judgement, stockOutOf.get(segment.value));
  return { day: judged, currency: store.baseCurrency, metrics: reports };
}
