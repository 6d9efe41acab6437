import { DateTime } from 'luxon';
import type { VisitorOutcome } from '../../analytics/index.ts';
import { bayesianTest, effectMoments } from '../statistics/index.ts';
import { armSums } from './arm-sums.ts';
import type { MetricDefinition } from './experiment-metrics.ts';
import { armMoments } from './metric-effects.ts';
import type { UpliftSeries } from './results-shape.ts';

/** The longest series drawn: the last days of a longer test. */
const maxDays = 120;

/** An exposed visitor: when they were first shown the variant and what they did. */
export interface ArmMember {
  exposedAt: Date;
  outcome: VisitorOutcome;
}

export interface SeriesArm {
  key: string;
  control: boolean;
  members: ArmMember[];
}

/**
 * The primary metric's cumulative lift at the end of each day of the test (in the store's
 * timezone): the visitors exposed by then and what they did by then. Unadjusted (no CUPED), so the
 * line shows the raw data settling; early days swing widely, which is the point of drawing it.
 */
export function upliftSeries(input: {
  definition: MetricDefinition;
  arms: SeriesArm[];
  from: Date | null;
  until: Date;
  timezone: string;
}): UpliftSeries {
  const { definition, arms, from, until, timezone } = input;
  const series: UpliftSeries = { metric: definition.key, days: [] };
  if (!from || until <= from) return series;
  let day = DateTime.fromJSDate(from, { zone: timezone }).startOf('day');
  const last = DateTime.fromJSDate(until, { zone: timezone }).startOf('day');
  const first = last.minus({ days: maxDays - 1 });
  if (day < first) day = first;
  for (; day <= last; day = day.plus({ days: 1 })) {
    const endOfDay = DateTime.min(day.plus({ days: 1 }), DateTime.fromJSDate(until)).toJSDate();
    const sums = arms.map((arm) =>
      armSums(
        arm.members
          .filter((member) => member.exposedAt < endOfDay)
          .map((member) => definition.valueOf(member.outcome, endOfDay)),
      ),
    );
    const control = armMoments(definition, sums[0]!);
    series.days.push({
      day: day.toISODate()!,
      variants: arms.map((arm, i) => {
        const moments = armMoments(definition, sums[i]!);
        const point = { variantKey: arm.key, visitors: sums[i]!.n, value: moments.mean };
        if (arm.control) return { ...point, lift: null, low: null, high: null };
        const result = bayesianTest(effectMoments(control, moments), { inverse: definition.inverse });
        return result.testable
          ? { ...point, lift: result.estimate, low: result.interval[0], high: result.interval[1] }
          : { ...point, lift: null, low: null, high: null };
      }),
    });
  }
  return series;
}
