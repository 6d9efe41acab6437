import { and, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { jobs } from './schema.ts';

/**
 * The SQL of a job's life. Every change after the claim is fenced by (status = 'running', attempts =
 * the claimed attempt), so a worker whose claim lapsed and was taken over cannot overwrite the new
 * owner's outcome.
 */

export interface ClaimedJob {
  id: string;
  name: string;
  payload: unknown;
  /** 1 for the first run; also the fencing token for complete/fail/release. */
  attempt: number;
  maxAttempts: number;
  runAt: Date;
}

const millis = (ms: number) => sql`(${ms}::double precision * interval '1 millisecond')`;

/** Pending and due, or running under a lapsed claim (its worker died) with attempts left. */
const claimable = or(
  and(eq(jobs.status, 'pending'), lte(jobs.runAt, sql`now()`)),
  and(eq(jobs.status, 'running'), lt(jobs.lockedUntil, sql`now()`), lt(jobs.attempts, jobs.maxAttempts)),
)!;

/** Names among `names` that have work to claim now: one cheap query before claiming per name. */
export async function namesWithDueJobs(db: Db, names: string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const rows = await db
    .selectDistinct({ name: jobs.name })
    .from(jobs)
    .where(and(inArray(jobs.name, names), claimable));
  return rows.map((r) => r.name);
}

/** Claims up to `limit` due jobs of one name, oldest first; other workers skip the rows locked here. */
export async function claimJobs(db: Db, name: string, limit: number, lockMs: number): Promise<ClaimedJob[]> {
  if (limit <= 0) return [];
  const candidates = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.name, name), claimable))
    .orderBy(jobs.runAt, jobs.id)
    .limit(limit)
    .for('update', { skipLocked: true });
  const rows = await db
    .update(jobs)
    .set({
      status: 'running',
      attempts: sql`${jobs.attempts} + 1`,
      lockedUntil: sql`now() + ${millis(lockMs)}`,
    })
    .where(inArray(jobs.id, candidates))
    .returning({
      id: jobs.id,
      name: jobs.name,
      payload: jobs.payload,
      attempt: jobs.attempts,
      maxAttempts: jobs.maxAttempts,
      runAt: jobs.runAt,
    });
  return rows.sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || a.id.localeCompare(b.id));
}

const heldBy = (job: ClaimedJob) =>
  and(eq(jobs.id, job.id), eq(jobs.status, 'running'), eq(jobs.attempts, job.attempt));

/** Marks the attempt successful. False when the claim was lost meanwhile. */
export async function completeJob(db: Db, job: ClaimedJob): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ status: 'completed', finishedAt: sql`now()`, lockedUntil: null })
    .where(heldBy(job))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/**
 * Records a failed attempt: back to pending after `retryInMs`, or failed for good when it was the last
 * attempt. Returns the new status, or null when the claim was lost meanwhile.
 */
export async function failJob(
  db: Db,
  job: ClaimedJob,
  error: string,
  retryInMs: number,
): Promise<'pending' | 'failed' | null> {
  const last = sql`${jobs.attempts} >= ${jobs.maxAttempts}`;
  const rows = await db
    .update(jobs)
    .set({
      status: sql`case when ${last} then 'failed' else 'pending' end`,
      runAt: sql`case when ${last} then ${jobs.runAt} else now() + ${millis(retryInMs)} end`,
      finishedAt: sql`case when ${last} then now() else null end`,
      lockedUntil: null,
      lastError: error.slice(0, 2000),
    })
    .where(heldBy(job))
    .returning({ status: jobs.status });
  return (rows[0]?.status as 'pending' | 'failed' | undefined) ?? null;
}

/** Gives a job back at shutdown so another instance can run it now rather than after the claim lapses. */
export async function releaseJob(db: Db, job: ClaimedJob): Promise<void> {
  await db
    .update(jobs)
    .set({
      status: 'pending',
      runAt: sql`now()`,
      lockedUntil: null,
      lastError: 'released at shutdown before finishing',
    })
    .where(heldBy(job));
}

/** Jobs whose worker vanished during their last allowed attempt: nobody will run them again. */
export async function failAbandonedJobs(db: Db): Promise<number> {
  const rows = await db
    .update(jobs)
    .set({
      status: 'failed',
      finishedAt: sql`now()`,
      lockedUntil: null,
      lastError: 'the worker stopped (crash or lost connection) during the last attempt',
    })
    .where(
      and(
        eq(jobs.status, 'running'),
        lt(jobs.lockedUntil, sql`now()`),
        sql`${jobs.attempts} >= ${jobs.maxAttempts}`,
      ),
    )
    .returning({ id: jobs.id });
  return rows.length;
}

/** Deletes finished jobs older than the retention, so the table stays the size of the live work. */
export async function pruneFinishedJobs(db: Db, retention: { completedMs: number; failedMs: number }) {
  await db
    .delete(jobs)
    .where(
      or(
        and(eq(jobs.status, 'completed'), lt(jobs.finishedAt, sql`now() - ${millis(retention.completedMs)}`)),
        and(eq(jobs.status, 'failed'), lt(jobs.finishedAt, sql`now() - ${millis(retention.failedMs)}`)),
      ),
    );
}
