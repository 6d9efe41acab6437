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

interface OpenInterval {
  start: number;
  end: number;
}

/**
 * Open intervals already worked out, per hours object and calendar date: a list of tickets a
 * quarter old counts the same ninety days for every row, and luxon's zone arithmetic is what costs.
 * Keyed by the object: an hours object is not changed once in use (the store's are read afresh).
 */
const intervalCache = new WeakMap<BusinessHours, Map<string, OpenInterval | null>>();

/** The open interval (epoch ms) of a calendar date in the zone, or null when closed. DST-safe: wall times resolve on that day. */
function openInterval(date: string, hours: BusinessHours): OpenInterval | null {
  let cache = intervalCache.get(hours);
  if (!cache) {
    cache = new Map();
    intervalCache.set(hours, cache);
  }
  const cached = cache.get(date);
  if (cached !== undefined) return cached;
  const day = DateTime.fromISO(date, { zone: hours.timezone });
  const spec = hours.days[day.weekday as 1];
  let interval: OpenInterval | null = null;
  if (spec && !hours.closedDates?.includes(date)) {
    const at = (time: string) => {
      const [h, m] = time.split(':').map(Number);
      return day.set({ hour: h!, minute: m!, second: 0, millisecond: 0 }).toMillis();
    };
    const start = at(spec.open);
    const end = at(spec.close);
    if (end > start) interval = { start, end };
  }
  cache.set(date, interval);
  return interval;
}

/** The calendar date (yyyy-mm-dd) of a moment in the zone. */
const dateIn = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone }).toISODate()!;

/** The next calendar date: plain date arithmetic, no zone involved. */
function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + 1)).toISOString().slice(0, 10);
}

/**
 * The moment `minutes` of business time after `from`: time outside the hours (nights, weekends,
 * closed dates) does not count. A start outside the hours counts from the next opening.
 */
export function addBusinessMinutes(from: Date, minutes: number, hours: BusinessHours): Date {
  let left = Math.max(0, minutes) * 60_000;
  const start = from.getTime();
  let date = dateIn(from, hours.timezone);
  for (let i = 0; i < MAX_DAYS; i++, date = nextDate(date)) {
    const open = openInterval(date, hours);
    if (!open) continue;
    const begin = Math.max(open.start, start);
    const available = open.end - begin;
    if (available <= 0) continue;
    if (left <= available) return new Date(begin + left);
    left -= available;
  }
  throw new Error('addBusinessMinutes: no business hours within ten years');
}

/** Business minutes between two moments (0 when `to` is not after `from`). */
export function businessMinutesBetween(from: Date, to: Date, hours: BusinessHours): number {
  if (to <= from) return 0;
  const start = from.getTime();
  const end = to.getTime();
  const lastDate = dateIn(to, hours.timezone);
  let total = 0;
  let date = dateIn(from, hours.timezone);
  for (let i = 0; i < MAX_DAYS && date <= lastDate; i++, date = nextDate(date)) {
    const open = openInterval(date, hours);
    if (!open) continue;
    const a = Math.max(open.start, start);
    const b = Math.min(open.end, end);
    if (b > a) total += b - a;
  }
  return total / 60_000;
}
