import { DateTime } from 'luxon';
import type { Comparison, Period } from './kpi-report.ts';

export const granularities = ['day', 'week', 'month'] as const;
export type Granularity = (typeof granularities)[number];

export interface Bucket {
  /** First and last store day of the bucket inside the period (a period's edges cut buckets short). */
  start: string;
  end: string;
}

const dayOf = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

/**
 * The store days of a period. Rollup days are already the store's calendar days, so weeks and
 * months are counted on them as they are: a week runs Monday to Sunday and a month from its 1st,
 * both in the store's time zone.
 */
export function daysOf(period: Period): string[] {
  const days: string[] = [];
  for (let d = dayOf(period.from), i = 0; i < period.days; i++, d = d.plus({ days: 1 }))
    days.push(d.toISODate()!);
  return days;
}

/** The period cut into days, weeks or months, and each day's bucket (by its position). */
export function bucketsOf(
  period: Period,
  granularity: Granularity,
): { buckets: Bucket[]; bucketOfDay: number[] } {
  const buckets: Bucket[] = [];
  const bucketOfDay: number[] = [];
  let key: string | null = null;
  for (const day of daysOf(period)) {
    const d = dayOf(day);
    const k =
      granularity === 'day'
        ? day
        : granularity === 'week'
          ? d.startOf('week').toISODate()!
          : d.startOf('month').toISODate()!;
    if (k !== key) {
      buckets.push({ start: day, end: day });
      key = k;
    } else buckets[buckets.length - 1]!.end = day;
    bucketOfDay.push(buckets.length - 1);
  }
  return { buckets, bucketOfDay };
}

/**
 * The day of the current period a comparison day stands against: `previous_period` shifts by the
 * period's length, `previous_year` by a year (29 February stands against 28 February). Each
 * comparison day lands on exactly one current day, so the comparison's buckets add up to its
 * total, and a bucket compares like with like (a month with the same month a year before).
 */
export function alignedDay(comparisonDay: string, compare: Comparison, current: Period): string {
  const d = dayOf(comparisonDay);
  return compare === 'previous_year'
    ? d.plus({ years: 1 }).toISODate()!
    : d.plus({ days: current.days }).toISODate()!;
}
