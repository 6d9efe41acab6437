import { DateTime } from 'luxon';

/** Opening hours of one weekday, as wall-clock times in the store's zone ("09:00" to "17:30"). */
export interface DayHours {
  open: string;
  close: string;
}

/**
 * When the support team works: per weekday (luxon's numbering, 1 = Monday … 7 = Sunday; a day left
 * out is closed), in the store's IANA time zone, with closed dates (holidays, ISO `yyyy-mm-dd`).
 */
export interface BusinessHours {
  timezone: string;
  days: Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, DayHours>>;
  closedDates?: readonly string[];
}

/** Monday to Friday, nine to five: what a store gets until it says otherwise. */
export const weekdayOfficeHours = (timezone: string): BusinessHours => ({
  timezone,
  days: Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, { open: '09:00', close: '17:00' }])),
});

/** Searching further than this many days for open hours means there are none. */
const MAX_DAYS = 3700;

/** The open interval of a calendar day in the zone, or null when closed. DST-safe: wall times resolve on that day. */
function openInterval(day: DateTime, hours: BusinessHours): { start: DateTime; end: DateTime } | null {
  const spec = hours.days[day.weekday as 1];
  if (!spec || hours.closedDates?.includes(day.toISODate()!)) return null;
  const at = (time: string) => {
    const [h, m] = time.split(':').map(Number);
    return day.set({ hour: h!, minute: m!, second: 0, millisecond: 0 });
  };
  const start = at(spec.open);
  const end = at(spec.close);
  return end > start ? { start, end } : null;
}

/**
 * The moment `minutes` of business time after `from`: time outside the hours (nights, weekends,
 * closed dates) does not count. A start outside the hours counts from the next opening.
 */
export function addBusinessMinutes(from: Date, minutes: number, hours: BusinessHours): Date {
  let left = Math.max(0, minutes) * 60_000;
  const start = DateTime.fromJSDate(from, { zone: hours.timezone });
  let day = start.startOf('day');
  for (let i = 0; i < MAX_DAYS; i++, day = day.plus({ days: 1 }).startOf('day')) {
    const open = openInterval(day, hours);
    if (!open) continue;
    const begin = Math.max(open.start.toMillis(), start.toMillis());
    const available = open.end.toMillis() - begin;
    if (available <= 0) continue;
    if (left <= available) return new Date(begin + left);
    left -= available;
  }
  throw new Error('addBusinessMinutes: no business hours within ten years');
}

/** Business minutes between two moments (0 when `to` is not after `from`). */
export function businessMinutesBetween(from: Date, to: Date, hours: BusinessHours): number {
  if (to <= from) return 0;
  const start = DateTime.fromJSDate(from, { zone: hours.timezone });
  const end = DateTime.fromJSDate(to, { zone: hours.timezone });
  let total = 0;
  let day = start.startOf('day');
  for (let i = 0; i < MAX_DAYS && day <= end; i++, day = day.plus({ days: 1 }).startOf('day')) {
    const open = openInterval(day, hours);
    if (!open) continue;
    const a = Math.max(open.start.toMillis(), start.toMillis());
    const b = Math.min(open.end.toMillis(), end.toMillis());
    if (b > a) total += b - a;
  }
  return total / 60_000;
}
