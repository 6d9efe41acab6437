/**
 * Weekdays on which a store is closed for a metric: a store that takes no orders on Sundays has zero
 * orders every Sunday, and a zero there is the normal, not an incident to report every week.
 *
 * A weekday is closed when its last four days before T all had zero activity while the other days of
 * the last four weeks had a median of at least `minActivity` — so a tiny store whose every day is
 * often zero is not mistaken for one that closes.
 */
import { median } from 'simple-statistics';
import { weekdaySlot } from './weekly-baseline.ts';

const weeksOfZeros = 4;

export function closedWeekdays(activity: ArrayLike<number>, day: number, minActivity: number): boolean[] {
  const closed = [false, false, false, false, false, false, false];
  let any = false;
  for (let slot = 0; slot < 7; slot++) {
    let seen = 0;
    let zeros = 0;
    for (let t = day - 1; t >= 0 && seen < weeksOfZeros; t--) {
      if (weekdaySlot(t) !== slot || Number.isNaN(activity[t]!)) continue;
      seen++;
      if (activity[t] === 0) zeros++;
    }
    if (seen === weeksOfZeros && zeros === weeksOfZeros) {
      closed[slot] = true;
      any = true;
    }
  }
  if (!any) return closed;
  const others: number[] = [];
  for (let t = Math.max(0, day - 7 * weeksOfZeros); t < day; t++) {
    if (!closed[weekdaySlot(t)] && !Number.isNaN(activity[t]!)) others.push(activity[t]!);
  }
  if (others.length === 0 || median(others) < minActivity)
    return [false, false, false, false, false, false, false];
  return closed;
}
