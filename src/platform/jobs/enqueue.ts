import { sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { newId } from '../ids.ts';
import { jobs } from './schema.ts';

export interface EnqueueOptions {
  /** Not before this time (default: now). */
  runAt?: Date;
  /** At most one pending or running job per key: a second enqueue with the key is a no-op. */
  uniqueKey?: string;
  /** Attempts before the job is marked failed (default 8). */
  maxAttempts?: number;
}

export const defaultMaxAttempts = 8;

/**
 * Adds a job. Pass the caller's transaction to make the job exist if and only if that transaction
 * commits. Returns the new job's id, or null when `uniqueKey` matched a job that is still unfinished.
 */
export async function enqueueJob(
  db: Db,
  name: string,
  payload: unknown,
  options: EnqueueOptions = {},
): Promise<string | null> {
  const rows = await jobInsert(db, name, payload, options);
  return rows[0]?.id ?? null;
}

/**
 * The insert `enqueueJob` runs, returning the new job's id, for a caller that makes it part of its
 * own statement (a `with` clause: `queueMail` writes the message and its sending job together).
 */
export function jobInsert(db: Db, name: string, payload: unknown, options: EnqueueOptions = {}) {
  if (!name.trim()) throw new Error('enqueueJob: a job name is required');
  const maxAttempts = options.maxAttempts ?? defaultMaxAttempts;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new Error(`enqueueJob: maxAttempts must be a positive integer, got ${maxAttempts}`);
  }
  const insert = db.insert(jobs).values({
    id: newId('job'),
    name,
    payload: payload ?? {},
    maxAttempts,
    uniqueKey: options.uniqueKey ?? null,
    ...(options.runAt ? { runAt: options.runAt } : {}),
  });
  return (
    options.uniqueKey
      ? insert.onConflictDoNothing({ target: jobs.uniqueKey, where: sql`status in ('pending', 'running')` })
      : insert
  ).returning({ id: jobs.id });
}
