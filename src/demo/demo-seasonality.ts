import { DateTime } from 'luxon';

/**
 * How busy a day is for the demo shop (ceramics and table linen sold online), as a factor around
 * 1 at the history's start: a week's rhythm (Sunday evening and Monday lunch busiest, Friday
 * quietest), a year's (a summer dip, the run-up to Christmas with Black Friday weekend its peak,
 * the days after Christmas empty) and growth of about 40 % a year.
 */

/** Monday … Sunday (luxon's weekday 1–7). */
const weekdayFactors = [1.08, 1.0, 0.97, 0.95, 0.86, 0.94, 1.2];
/** January … December. */
const monthFactors = [0.86, 0.84, 0.93, 0.98, 0.94, 0.82, 0.76, 0.78, 0.95, 1.05, 1.38, 1.55];
/** Yearly growth of the shop's traffic. */
export const yearlyGrowth = 1.4;

export function dayFactor(day: DateTime, daysSinceStart: number): number {
  return weekdayFactor(day) * yearFactor(day) * growthFactor(daysSinceStart);
}

export function weekdayFactor(day: DateTime): number {
  return weekdayFactors[day.weekday - 1]!;
}

/** The time of year's factor, with the days of Black Friday weekend and of Christmas on their own. */
export function yearFactor(day: DateTime): number {
  if (day.month === 12 && day.day >= 24 && day.day <= 26) return 0.45;
  if (day.month === 12 && day.day > 26) return 0.7;
  if (day.month === 12 && day.day >= 19) return 1.25;
  // Black Friday: the fourth Friday of November, and the weekend and Monday after it.
  if (day.month === 11) {
    const firstFriday =
      1 + ((5 - DateTime.fromObject({ year: day.year, month: 11, day: 1 }).weekday + 7) % 7);
    const blackFriday = firstFriday + 21;
    if (day.day >= blackFriday && day.day <= blackFriday + 3) return 2.1;
  }
  return monthFactors[day.month - 1]!;
}

export function growthFactor(daysSinceStart: number): number {
  return yearlyGrowth ** (daysSinceStart / 365);
}
