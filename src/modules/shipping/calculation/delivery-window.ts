import { DateTime } from 'luxon';
import { dayIn } from '../../../platform/intl-formats.ts';

/**
 * Business days on the store's calendar. The count starts on the day the order is placed in the
 * store's time zone, or on the Monday after when that day is a Saturday or Sunday (nobody ships at
 * the weekend); each business day then moves to the next weekday. So an order on Friday with
 * "1–3 business days" arrives Monday to Wednesday, and one on Saturday arrives Tuesday to Thursday.
 * Public holidays and same-day cut-off times are not modelled (docs/shipping.md).
 */
export function businessDaysFrom(now: Date, timezone: string, days: number): string {
  // Every rate of every pricing asks this, and the answer only changes with the store's day: the
  // day is read with a cached Intl formatter and the answer remembered for it.
  const key = `${timezone}|${localDay(now, timezone)}|${days}`;
  let found = answers.get(key);
  if (found === undefined) {
    if (answers.size >= 10_000) answers.clear();
    found = countBusinessDays(now, timezone, days);
    answers.set(key, found);
  }
  return found;
}

const answers = new Map<string, string>();
/** The calendar day of `now` in `timezone` (RangeError for an unknown zone, as luxon's check below). */
function localDay(now: Date, timezone: string): string {
  try {
    return dayIn(timezone, now);
  } catch {
    throw new RangeError(`Unknown time zone: ${timezone}`);
  }
}

function countBusinessDays(now: Date, timezone: string, days: number): string {
  let day: DateTime<boolean> = DateTime.fromJSDate(now, { zone: timezone }).startOf('day');
  if (!day.isValid) throw new RangeError(`Unknown time zone: ${timezone}`);
  day = nextWeekdayOnOrAfter(day);
  for (let n = 0; n < days; n++) day = nextWeekdayOnOrAfter(day.plus({ days: 1 }));
  return day.toISODate()!;
}

/** The earliest and latest delivery days of an estimate in business days. */
export function deliveryWindow(
  now: Date,
  timezone: string,
  minDays: number,
  maxDays: number,
): { earliest: string; latest: string } {
  return {
    earliest: businessDaysFrom(now, timezone, minDays),
    latest: businessDaysFrom(now, timezone, maxDays),
  };
}

// luxon's weekday: Monday 1 … Sunday 7.
function nextWeekdayOnOrAfter(day: DateTime<boolean>): DateTime<boolean> {
  if (day.weekday === 6) return day.plus({ days: 2 });
  if (day.weekday === 7) return day.plus({ days: 1 });
  return day;
}
