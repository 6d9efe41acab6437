import type { JobRunner, ScheduleDefinition } from '../../../platform/jobs/index.ts';
import { rollUpDirtyDays } from './roll-up-dirty-days.ts';

export const ROLLUP_JOB = 'analytics.roll-up';

/**
 * Every half minute, the store days with new events or facts are rolled up again: reports trail
 * the shop by that much at most (a busy day is re-read whole, which a day's partition makes cheap).
 */
export const rollupSchedule: ScheduleDefinition = {
  name: ROLLUP_JOB,
  jobName: ROLLUP_JOB,
  everySeconds: 30,
  payload: {},
};

export function registerRollupJob(jobs: Pick<JobRunner, 'register'>): void {
  jobs.register(ROLLUP_JOB, async (_payload, { db, logger }) => {
    let days = 0;
    for (let round = rollUpDirtyDays(db); ; round = rollUpDirtyDays(db)) {
      const done = await round;
      days += done;
      if (done < 200) break;
    }
    if (days > 0) logger.debug({ job: ROLLUP_JOB, days }, 'analytics days rolled up');
  });
}
