import { and, between, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { analyticsDaily } from '../schema.ts';
import { breakdownDimensions, type Period, periodQuery, periodsOf } from './kpi-report.ts';
import {
  addMeasures,
  changeOf,
  emptyMeasures,
  type KpiKey,
  kpisOf,
  type MeasureKey,
  type Measures,
  measureKeys,
} from './metric-totals.ts';

export const breakdownQuery = periodQuery.extend({ dimension: z.enum(breakdownDimensions) }).strict();
export type BreakdownQuery = z.output<typeof breakdownQuery>;

export interface BreakdownRow {
  value: string;
  current: Record<KpiKey, number | null>;
  previous: Record<KpiKey, number | null> | null;
  /** Change of net sales and of sessions against the comparison period. */
  change: { netSales: number | null; sessions: number | null };
}

/** Summed measures of each value of a dimension over a period (`all` has one value, the empty string). */
export async function measuresByValue(db: Db, storeId: string, dimension: string, period: Period) {
  const rows = await db
    .select({
      value: analyticsDaily.value,
      ...Object.fromEntries(measureKeys.map((k) => [k, sql<number>`sum(${analyticsDaily[k]})`])),
    })
    .from(analyticsDaily)
    .where(
      and(
        eq(analyticsDaily.storeId, storeId),
        eq(analyticsDaily.dimension, dimension),
        between(analyticsDaily.day, period.from, period.to),
      ),
    )
    .groupBy(analyticsDaily.value);
  return new Map<string, Measures>(
    rows.map((r) => [r.value, addMeasures(emptyMeasures(), r as unknown as Record<MeasureKey, number>)]),
  );
}

/** The KPIs of each value of a breakdown (each channel, device …) over a period, biggest sales first. */
export async function breakdownReport(
  db: Db,
  store: { id: string; baseCurrency: string },
  query: BreakdownQuery,
) {
  const { current, comparison } = periodsOf(query);
  const [now, before] = await Promise.all([
    measuresByValue(db, store.id, query.dimension, current),
    comparison ? measuresByValue(db, store.id, query.dimension, comparison) : Promise.resolve(null),
  ]);
  const rows: BreakdownRow[] = [...now].map(([value, measures]) => {
    const kpis = kpisOf(measures);
    const earlier = before?.get(value);
    const previous = before ? kpisOf(earlier ?? emptyMeasures()) : null;
    return {
      value,
      current: kpis,
      previous,
      change: {
        netSales: previous ? changeOf(kpis.netSales, previous.netSales) : null,
        sessions: previous ? changeOf(kpis.sessions, previous.sessions) : null,
      },
    };
  });
  rows.sort(
    (a, b) =>
      (b.current.netSales ?? 0) - (a.current.netSales ?? 0) ||
      (b.current.sessions ?? 0) - (a.current.sessions ?? 0) ||
      a.value.localeCompare(b.value),
  );
  return { currency: store.baseCurrency, dimension: query.dimension, period: current, comparison, rows };
}
