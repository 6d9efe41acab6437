import { DateTime } from 'luxon';

/** Whether a customer may still ask to return a line, and the last day they may. */
export interface ReturnWindow {
  open: boolean;
  /** The last day (YYYY-MM-DD, the store's time zone) a return may be asked for; null when none can. */
  lastDay: string | null;
}

/** A parcel as far as the window cares: when it left, and when it arrived. */
export interface ParcelDates {
  shippedAt: Date;
  deliveredAt: Date | null;
}

/**
 * The return window of units sent in `parcels` (cancelled parcels left out by the caller): it
 * runs `windowDays` days from the day the last of them arrived — a parcel not marked delivered
 * counts from the day it was shipped — on the store's calendar, and ends at the end of its last day.
 * A window of 0 days means the store takes no returns; nothing shipped yet has no window.
 */
export function returnWindowOf(
  parcels: readonly ParcelDates[],
  windowDays: number,
  timezone: string,
  now: Date,
): ReturnWindow {
  if (windowDays <= 0 || parcels.length === 0) return { open: false, lastDay: null };
  const start = parcels.reduce((latest, p) => {
    const at = p.deliveredAt ?? p.shippedAt;
    return at.getTime() > latest.getTime() ? at : latest;
  }, new Date(0));
  const lastDay = DateTime.fromJSDate(start, { zone: timezone })
    .startOf('day')
    .plus({ days: windowDays })
    .toISODate();
  const today = DateTime.fromJSDate(now, { zone: timezone }).toISODate();
  if (!lastDay || !today) throw new RangeError(`Unknown time zone: ${timezone}`);
  return { open: today <= lastDay, lastDay };
}
