import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Durable jobs: survive restarts; many instances claim them with FOR UPDATE SKIP LOCKED.
 * Status: pending → running → completed | failed (a failed attempt before the last goes back to pending).
 */
export const jobs = pgTable(
  'jobs',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status').notNull().default('pending'),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    /** Attempts started so far; also the fencing token a worker must still hold to finish its attempt. */
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(8),
    /** While running: when the claim lapses and another worker may take the job (a crashed worker). */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    /** Optional de-duplication key: at most one unfinished job per key. */
    uniqueKey: text('unique_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('jobs_due_idx').on(t.name, t.runAt).where(sql`status = 'pending'`),
    index('jobs_running_lock_idx').on(t.lockedUntil).where(sql`status = 'running'`),
    uniqueIndex('jobs_unique_key').on(t.uniqueKey).where(sql`status in ('pending', 'running')`),
  ],
);

/** Recurring schedules; the next run time is claimed atomically so one instance enqueues each run. */
export const jobSchedules = pgTable('job_schedules', {
  name: text('name').primaryKey(),
  jobName: text('job_name').notNull(),
  payload: jsonb('payload').notNull(),
  everySeconds: integer('every_seconds').notNull(),
  nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull(),
  lastRunAt: timestamp('last_run_at', { withTimezone: true }),
});
