import { and, between, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { analyticsDaily } from '../schema.ts';
import {
  alignedDay,
  type Bucket,
  bucketsOf,
  daysOf,
  type Granularity,
  granularities,
} from './explore-buckets.ts';
import { kindOf, type MetricKind, weightOf } from './explore-metrics.ts';
import { breakdownDimensions, type Comparison, type Period, periodQuery, periodsOf } from './kpi-report.ts';
import {
  addMeasures,
  changeOf,
  emptyMeasures,
  type KpiKey,
  kpiKeys,
  kpisOf,
  type MeasureKey,
  type Measures,
  measureKeys,
} from './metric-totals.ts';

export const exploreQuery = periodQuery
  .extend({
    metric: z.enum(kpiKeys),
    breakdown: z.enum([...breakdownDimensions, 'none']).default('none'),
    granularity: z.enum(granularities).default('day'),
    /** How many breakdown values get their own series; the rest are summed into "(other)". */
    top: z.coerce.number().int().min(1).max(20).default(5),
  })
  .strict();
export type ExploreQuery = z.output<typeof exploreQuery>;

/** One line of the explorer: the metric over the period, per bucket, and against the comparison. */
export interface ExploreLine {
  value: number | null;
  previous: number | null;
  change: number | null;
  series: (number | null)[];
  /** Per bucket, the comparison days that stand against its days; null without a comparison. */
  previousSeries: (number | null)[] | null;
}

export interface ExploreReport {
  metric: KpiKey;
  kind: MetricKind;
  currency: string;
  breakdown: string;
  granularity: Granularity;
  period: Period;
  comparison: Period | null;
  buckets: Bucket[];
  total: ExploreLine;
  /** The top values of the breakdown by the metric's weight, then "(other)" if any are left. */
  rows: (ExploreLine & { key: string; other: boolean })[];
}

/** Summed measures per (breakdown value, day) of a period. */
async function measuresByValueAndDay(db: Db, storeId: string, dimension: string, period: Period) {
  const rows = await db
    .select({
      day: analyticsDaily.day,
      value: analyticsDaily.value,
      ...Object.fromEntries(measureKeys.map((k) => [k, analyticsDaily[k]])),
    })
    .from(analyticsDaily)
    .where(
      and(
        eq(analyticsDaily.storeId, storeId),
        eq(analyticsDaily.dimension, dimension),
        between(analyticsDaily.day, period.from, period.to),
      ),
    );
  return rows.map((r) => ({
    day: String(r.day),
    value: r.value,
    measures: addMeasures(emptyMeasures(), r as unknown as Record<MeasureKey, number>),
  }));
}

type DayRows = Awaited<ReturnType<typeof measuresByValueAndDay>>;

/** Buckets of summed measures for the rows `keep` admits; comparison days are placed by `alignedDay`. */
function bucketMeasures(
  rows: DayRows,
  keep: (value: string) => boolean,
  bucketCount: number,
  bucketOf: (day: string) => number | undefined,
): { buckets: Measures[]; total: Measures } {
  const buckets = Array.from({ length: bucketCount }, emptyMeasures);
  const total = emptyMeasures();
  for (const row of rows) {
    if (!keep(row.value)) continue;
    addMeasures(total, row.measures);
    const i = bucketOf(row.day);
    if (i !== undefined) addMeasures(buckets[i]!, row.measures);
  }
  return { buckets, total };
}

/**
 * The KPI explorer: one metric over a period per day, week or month, for the whole store and for
 * the top values of a breakdown (the rest as "(other)"), against a comparison period. Every figure
 * of a bucket, a value or the total is the KPI of the summed measures, so a ratio is the sum of its
 * numerator over the sum of its denominator, never an average of ratios (docs/metrics.md).
 */
export async function exploreReport(
  db: Db,
  store: { id: string; baseCurrency: string },
  query: ExploreQuery,
): Promise<ExploreReport> {
  const { current, comparison } = periodsOf(query);
  const dimension = query.breakdown === 'none' ? 'all' : query.breakdown;
  const [now, before] = await Promise.all([
    measuresByValueAndDay(db, store.id, dimension, current),
    comparison ? measuresByValueAndDay(db, store.id, dimension, comparison) : Promise.resolve(null),
  ]);
  const { buckets, bucketOfDay } = bucketsOf(current, query.granularity);
  const dayIndex = new Map(daysOf(current).map((day, i) => [day, bucketOfDay[i]!]));
  const currentBucket = (day: string) => dayIndex.get(day);
  const previousBucket = (day: string) =>
    dayIndex.get(alignedDay(day, query.compare as Exclude<Comparison, 'none'>, current));

  const lineOf = (keep: (value: string) => boolean): ExploreLine => {
    const a = bucketMeasures(now, keep, buckets.length, currentBucket);
    const b = before ? bucketMeasures(before, keep, buckets.length, previousBucket) : null;
    const value = kpisOf(a.total)[query.metric];
    const previous = b ? kpisOf(b.total)[query.metric] : null;
    return {
      value,
      previous,
      change: b ? changeOf(value, previous) : null,
      series: a.buckets.map((m) => kpisOf(m)[query.metric]),
      previousSeries: b ? b.buckets.map((m) => kpisOf(m)[query.metric]) : null,
    };
  };

  const rows: ExploreReport['rows'] = [];
  if (dimension !== 'all') {
    const weights = new Map<string, Measures>();
    for (const row of now) {
      if (!weights.has(row.value)) weights.set(row.value, emptyMeasures());
      addMeasures(weights.get(row.value)!, row.measures);
    }
    const ranked = [...weights]
      .map(([value, m]) => ({ value, weight: weightOf(query.metric, m) }))
      .sort((a, b) => b.weight - a.weight || a.value.localeCompare(b.value));
    const top = new Set(ranked.slice(0, query.top).map((r) => r.value));
    for (const value of top) rows.push({ key: value, other: false, ...lineOf((v) => v === value) });
    const rest = new Set(
      [...weights.keys(), ...(before ?? []).map((r) => r.value)].filter((v) => !top.has(v)),
    );
    if (rest.size > 0) rows.push({ key: '(other)', other: true, ...lineOf((v) => rest.has(v)) });
  }
  return {
    metric: query.metric,
    kind: kindOf(query.metric),
    currency: store.baseCurrency,
    breakdown: query.breakdown,
    granularity: query.granularity,
    period: current,
    comparison,
    buckets,
    // Every session and order has one value of each breakdown, so all values add up to the store.
    total: lineOf(() => true),
    rows,
  };
}
