import { DateTime } from 'luxon';
import { unprocessable } from '../../../platform/errors.ts';

/** A wall-clock time without offset: 2030-07-01T09:00 or 2030-07-01T09:00:30. */
export const LOCAL_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/**
 * The instant a store's wall clock shows `local` in its time zone. A time that does not exist there
 * (skipped when clocks go forward) is refused rather than silently moved; a time that happens twice
 * (clocks go back) means the first of the two.
 */
export function instantOfStoreTime(local: string, timezone: string): Date {
  if (!LOCAL_TIME_PATTERN.test(local)) {
    throw unprocessable('invalid_local_time', 'Give the time as YYYY-MM-DDTHH:MM in the store’s time zone.', {
      path: 'at',
    });
  }
  const at = DateTime.fromISO(local, { zone: timezone });
  if (!at.isValid) {
    throw unprocessable('invalid_local_time', `${local} is not a valid date and time.`, { path: 'at' });
  }
  const wall = local.length === 16 ? `${local}:00` : local;
  if (at.toFormat("yyyy-MM-dd'T'HH:mm:ss") !== wall) {
    throw unprocessable(
      'nonexistent_local_time',
      `${local} does not exist in ${timezone} (the clocks skip it); pick another time.`,
      { path: 'at', timezone },
    );
  }
  const [first] = at.getPossibleOffsets().sort((a, b) => a.toMillis() - b.toMillis());
  return (first ?? at).toJSDate();
}

/** How the store's wall clock shows an instant: 2030-07-01T09:00. */
export function storeTimeOf(instant: Date, timezone: string): string {
  return DateTime.fromJSDate(instant, { zone: timezone }).toFormat("yyyy-MM-dd'T'HH:mm");
}
