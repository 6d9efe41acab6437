import type { JobRunner, ScheduleDefinition } from '../../../platform/jobs/index.ts';
import { purgeExpiredIdempotencyKeys } from './idempotency.ts';

const IDEMPOTENCY_PURGE_JOB = 'checkout.purge-idempotency-keys';

/** Hourly: placement keys older than 24 hours go (a claim takes over an expired key meanwhile). */
export const idempotencyPurgeSchedule: ScheduleDefinition = {
  name: IDEMPOTENCY_PURGE_JOB,
  jobName: IDEMPOTENCY_PURGE_JOB,
  everySeconds: 3600,
  payload: {},
};

export function registerIdempotencyPurgeJob(jobs: Pick<JobRunner, 'register'>): void {
  jobs.register(IDEMPOTENCY_PURGE_JOB, async (_payload, { db, logger }) => {
    const removed = await purgeExpiredIdempotencyKeys(db);
    if (removed > 0) logger.info({ job: IDEMPOTENCY_PURGE_JOB, removed }, 'expired placement keys removed');
  });
}
