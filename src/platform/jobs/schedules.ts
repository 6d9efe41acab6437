import { eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { enqueueJob } from './enqueue.ts';
import { jobSchedules } from './schema.ts';

export interface ScheduleDefinition {
  /** Stable name of the schedule; scheduling the same name again updates it. */
  name: string;
  /** The registered job to enqueue at each run. */
  jobName: string;
  everySeconds: number;
  payload?: unknown;
}

/**
 * Creates or updates a schedule. A new schedule is due at once; an updated one keeps its next run time
 * unless the new period brings it closer. Every instance may call this at start with the same values.
 */
export async function upsertSchedule(db: Db, definition: ScheduleDefinition): Promise<void> {
  const { name, jobName, everySeconds } = definition;
  if (!name.trim() || !jobName.trim()) throw new Error('schedule: name and jobName are required');
  if (!Number.isInteger(everySeconds) || everySeconds < 1) {
    throw new Error(`schedule ${name}: everySeconds must be a positive integer, got ${everySeconds}`);
  }
  const payload = definition.payload ?? {};
  await db
    .insert(jobSchedules)
    .values({ name, jobName, everySeconds, payload, nextRunAt: sql`now()` })
    .onConflictDoUpdate({
      target: jobSchedules.name,
      set: {
        jobName,
        everySeconds,
        payload,
        nextRunAt: sql`least(${jobSchedules.nextRunAt}, now() + ${everySeconds}::integer * interval '1 second')`,
      },
    });
}

export async function removeSchedule(db: Db, name: string): Promise<boolean> {
  const rows = await db
    .delete(jobSchedules)
    .where(eq(jobSchedules.name, name))
    .returning({ name: jobSchedules.name });
  return rows.length > 0;
}

/**
 * Enqueues one job for each due schedule and moves its next run to the first period boundary after
 * now (runs missed while everything was down are not replayed one by one). The schedule row is locked
 * and advanced in the same transaction as the enqueue, so across any number of instances each run is
 * enqueued exactly once. Returns how many jobs were enqueued.
 */
export async function enqueueDueSchedules(db: Db): Promise<number> {
  const anyDue = await db
    .select({ name: jobSchedules.name })
    .from(jobSchedules)
    .where(lte(jobSchedules.nextRunAt, sql`now()`))
    .limit(1);
  if (anyDue.length === 0) return 0;
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(jobSchedules)
      .where(lte(jobSchedules.nextRunAt, sql`now()`))
      .orderBy(jobSchedules.nextRunAt)
      .limit(100)
      .for('update', { skipLocked: true });
    for (const schedule of due) {
      await tx
        .update(jobSchedules)
        .set({
          lastRunAt: sql`now()`,
          nextRunAt: sql`${jobSchedules.nextRunAt} + ${jobSchedules.everySeconds} * interval '1 second' * (floor(extract(epoch from now() - ${jobSchedules.nextRunAt}) / ${jobSchedules.everySeconds}) + 1)`,
        })
        .where(eq(jobSchedules.name, schedule.name));
      await enqueueJob(tx, schedule.jobName, schedule.payload);
    }
    return due.length;
  });
}
