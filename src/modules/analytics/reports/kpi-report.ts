import { and, between, eq, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { badRequest } from '../../../platform/errors.ts';
import { dirtyDayCount } from '../rollups/roll-up-dirty-days.ts';
import { analyticsDaily } from '../schema.ts';
import {
  addMeasures,
  changeOf,
  emptyMeasures,
  type FunnelStep,
  funnelOf,
  type KpiKey,
  kpiKeys,
  kpisOf,
  type MeasureKey,
  type Measures,
  measureKeys,
} from './metric-totals.ts';

export const breakdownDimensions = ['channel', 'campaign', 'source_medium', 'device', 'country'] as const;
export type BreakdownDimension = (typeof breakdownDimensions)[number];
export const comparisons = ['previous_period', 'previous_year', 'none'] as const;
export type Comparison = (typeof comparisons)[number];

/** The longest period one report covers (a little over two years of days). */
const maxDays = 800;
const isoDay = z.iso.date();

export const periodQuery = z
  .object({
    from: isoDay,
    to: isoDay,
    compare: z.enum(comparisons).default('previous_period'),
  })
  .strict();

export const kpiQuery = periodQuery
  .extend({
    /** Only the sessions and orders of one breakdown value (`channel` = `Paid Search` …). */
    dimension: z.enum(breakdownDimensions).optional(),
    value: z.string().min(1).max(200).optional(),
  })
  .strict()
  .refine((q) => (q.dimension === undefined) === (q.value === undefined), {
    message: 'Give dimension and value together.',
    path: ['value'],
  });
export type KpiQuery = z.output<typeof kpiQuery>;

export interface Period {
  from: string;
  to: string;
  days: number;
}

/** The period asked for, checked (400 `invalid_period`), and the one it is compared with. */
export function periodsOf(query: { from: string; to: string; compare: Comparison }): {
  current: Period;
  comparison: Period | null;
} {
  const from = DateTime.fromISO(query.from, { zone: 'utc' });
  const to = DateTime.fromISO(query.to, { zone: 'utc' });
  const days = Math.round(to.diff(from, 'days').days) + 1;
  if (days < 1)
    throw badRequest('invalid_period', 'The period ends before it starts.', {
      from: query.from,
      to: query.to,
    });
  if (days > maxDays)
    throw badRequest('invalid_period', `A period covers ${maxDays} days at most.`, { days });
  const current = { from: query.from, to: query.to, days };
  if (query.compare === 'none') return { current, comparison: null };
  if (query.compare === 'previous_year') {
    const start = from.minus({ years: 1 });
    const end = to.minus({ years: 1 });
    return {
      current,
      comparison: {
        from: start.toISODate()!,
        to: end.toISODate()!,
        days: Math.round(end.diff(start, 'days').days) + 1,
      },
    };
  }
  return {
    current,
    comparison: {
      from: from.minus({ days }).toISODate()!,
      to: from.minus({ days: 1 }).toISODate()!,
      days,
    },
  };
}

const columnOf = (key: MeasureKey) => analyticsDaily[key];

/** Summed measures per day of a period, every day present (zeros where nothing happened). */
export async function dailyMeasures(
  db: Db,
  storeId: string,
  period: Period,
  slice: { dimension: string; value: string } = { dimension: 'all', value: '' },
): Promise<{ day: string; measures: Measures }[]> {
  const rows = await db
    .select({
      day: analyticsDaily.day,
      ...Object.fromEntries(measureKeys.map((k) => [k, sql<number>`sum(${columnOf(k)})`])),
    })
    .from(analyticsDaily)
    .where(
      and(
        eq(analyticsDaily.storeId, storeId),
        eq(analyticsDaily.dimension, slice.dimension),
        eq(analyticsDaily.value, slice.value),
        between(analyticsDaily.day, period.from, period.to),
      ),
    )
    .groupBy(analyticsDaily.day);
  const byDay = new Map(rows.map((r) => [String(r.day), r as unknown as Record<MeasureKey, number>]));
  const out: { day: string; measures: Measures }[] = [];
  for (
    let d = DateTime.fromISO(period.from, { zone: 'utc' }), i = 0;
    i < period.days;
    i++, d = d.plus({ days: 1 })
  ) {
    const day = d.toISODate()!;
    const row = byDay.get(day);
    out.push({ day, measures: row ? addMeasures(emptyMeasures(), row) : emptyMeasures() });
  }
  return out;
}

export interface KpiValue {
  key: KpiKey;
  value: number | null;
  previous: number | null;
  /** Relative change (0.12 is +12 %); null without a comparison or a base. */
  change: number | null;
}

export interface KpiReport {
  currency: string;
  period: Period;
  comparison: Period | null;
  slice: { dimension: string; value: string } | null;
  kpis: KpiValue[];
  /** The closed funnel (each step in order); `openFunnel` counts each step on its own. */
  funnel: FunnelStep[];
  openFunnel: FunnelStep[];
  /** Per day, for charts; `previous` is the comparison period's day at the same position. */
  series: {
    day: string;
    previousDay: string | null;
    current: Record<KpiKey, number | null>;
    previous: Record<KpiKey, number | null> | null;
  }[];
  /** Store days with changes not yet in the rollups (they follow within a minute). */
  pendingDays: number;
}

/** Every KPI over a period, against its comparison, with a daily series for charts. */
export async function kpiReport(
  db: Db,
  store: { id: string; baseCurrency: string },
  query: KpiQuery,
): Promise<KpiReport> {
  const { current, comparison } = periodsOf(query);
  const slice = query.dimension ? { dimension: query.dimension, value: query.value! } : undefined;
  const [days, previousDays, pendingDays] = await Promise.all([
    dailyMeasures(db, store.id, current, slice),
    comparison ? dailyMeasures(db, store.id, comparison, slice) : Promise.resolve(null),
    dirtyDayCount(db, store.id),
  ]);
  const total = days.reduce((sum, d) => addMeasures(sum, d.measures), emptyMeasures());
  const previousTotal = previousDays?.reduce((sum, d) => addMeasures(sum, d.measures), emptyMeasures());
  const now = kpisOf(total);
  const before = previousTotal ? kpisOf(previousTotal) : null;
  return {
    currency: store.baseCurrency,
    period: current,
    comparison,
    slice: slice ?? null,
    kpis: kpiKeys.map((key) => ({
      key,
      value: now[key],
      previous: before ? before[key] : null,
      change: before ? changeOf(now[key], before[key]) : null,
    })),
    funnel: funnelOf(total, 'closed'),
    openFunnel: funnelOf(total, 'open'),
    series: days.map((d, i) => {
      const previous = previousDays?.[i];
      return {
        day: d.day,
        previousDay: previous?.day ?? null,
        current: kpisOf(d.measures),
        previous: previous ? kpisOf(previous.measures) : null,
      };
    }),
    pendingDays,
  };
}

/**
 * Summed measures per day of a period for every value of a breakdown (each channel, device …),
 * every day present for each value. For series over the rollups (anomaly detection).
 */
export async function dailyMeasuresByValue(
  db: Db,
  storeId: string,
  period: Period,
  dimension: BreakdownDimension,
): Promise<Map<string, { day: string; measures: Measures }[]>> {
  const rows = await db
    .select({
      day: analyticsDaily.day,
      value: analyticsDaily.value,
      ...Object.fromEntries(measureKeys.map((k) => [k, columnOf(k)])),
    })
    .from(analyticsDaily)
    .where(
      and(
        eq(analyticsDaily.storeId, storeId),
        eq(analyticsDaily.dimension, dimension),
        between(analyticsDaily.day, period.from, period.to),
      ),
    );
  const days: string[] = [];
  for (
    let d = DateTime.fromISO(period.from, { zone: 'utc' }), i = 0;
    i < period.days;
    i++, d = d.plus({ days: 1 })
  )
    days.push(d.toISODate()!);
  const index = new Map(days.map((day, i) => [day, i]));
  const out = new Map<string, { day: string; measures: Measures }[]>();
  for (const row of rows) {
    let series = out.get(row.value);
    if (!series) {
      series = days.map((day) => ({ day, measures: emptyMeasures() }));
      out.set(row.value, series);
    }
    const i = index.get(String(row.day));
    if (i !== undefined) addMeasures(series[i]!.measures, row as unknown as Record<MeasureKey, number>);
  }
  return out;
}
