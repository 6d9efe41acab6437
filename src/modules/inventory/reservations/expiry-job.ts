import type { JobRunner, ScheduleDefinition } from '../../../platform/jobs/index.ts';
import { releaseExpiredReservations } from './settle-reservation.ts';

const RESERVATION_EXPIRY_JOB = 'inventory.release-expired-reservations';

/** Every 10 s: stock held by checkouts that were abandoned (or whose server died) goes back. */
export const reservationExpirySchedule: ScheduleDefinition = {
  name: RESERVATION_EXPIRY_JOB,
  jobName: RESERVATION_EXPIRY_JOB,
  everySeconds: 10,
  payload: {},
};

export function registerReservationExpiryJob(jobs: Pick<JobRunner, 'register'>): void {
  jobs.register(RESERVATION_EXPIRY_JOB, async (_payload, { db, logger }) => {
    const released = await releaseExpiredReservations(db);
    if (released > 0) logger.info({ job: RESERVATION_EXPIRY_JOB, released }, 'expired reservations released');
  });
}
