import { and, asc, eq, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Database, Db } from '../db/database.ts';
import { createInterruptibleSleep } from '../interruptible-sleep.ts';
import { defaultRetryPolicy, type RetryPolicy, retryDelayMs } from '../jobs/backoff.ts';
import type { WorkerLogger } from '../jobs/runner.ts';
import type { DomainEvent } from './outbox.ts';
import { outboxEvents } from './schema.ts';

/**
 * Reacts to domain events. `handle` runs inside the dispatcher's transaction (use the `db` it is given):
 * its writes commit together with the event being marked dispatched. Delivery is at least once — after
 * a failure anywhere the event comes again to every consumer — so a consumer must be idempotent, and it
 * should only write to the database (enqueue a job for anything slow, like an HTTP call).
 */
export interface OutboxConsumer {
  name: string;
  handle(db: Db, event: DomainEvent): Promise<void>;
}

export interface OutboxDispatcherOptions {
  database: Database;
  logger: WorkerLogger;
  consumers: OutboxConsumer[];
  /** How often to look for new events when idle (default 500 ms). */
  pollMs?: number;
  /** Events handled per transaction (default 100). */
  batchSize?: number;
  /** Backoff after a failing event (default 2^attempt seconds, capped at 1 hour, with jitter); it never gives up. */
  retry?: Partial<RetryPolicy>;
  /** Dispatched events are deleted after this long (default 7 days; 0 keeps them forever). */
  retentionMs?: number;
}

export interface DispatchResult {
  dispatched: number;
  failed: number;
}

export interface OutboxDispatcher {
  /** Dispatches in the background until stop(). */
  start(): void;
  /** Stops after the batch in progress. */
  stop(): Promise<void>;
  /** Looks now rather than at the next poll (e.g. after a request that emitted events). */
  wake(): void;
  /** One batch of due events, oldest first. */
  dispatchOnce(): Promise<DispatchResult>;
}

const PRUNE_EVERY_MS = 60 * 60 * 1000;

class ConsumerFailure extends Error {
  constructor(
    readonly consumer: string,
    cause: unknown,
  ) {
    super(`${consumer}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

const due = and(isNull(outboxEvents.dispatchedAt), lte(outboxEvents.nextAttemptAt, sql`now()`));

export function createOutboxDispatcher(options: OutboxDispatcherOptions): OutboxDispatcher {
  const { database, logger, consumers } = options;
  const db = database.db;
  const pollMs = options.pollMs ?? 500;
  const batchSize = options.batchSize ?? 100;
  const retry: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  const retentionMs = options.retentionMs ?? 7 * 24 * 3600_000;
  const names = new Set<string>();
  for (const consumer of consumers) {
    if (names.has(consumer.name)) throw new Error(`outbox consumer ${consumer.name} is listed twice`);
    names.add(consumer.name);
  }
  let running = false;
  let loop: Promise<void> | undefined;
  const pause = createInterruptibleSleep();
  let lastPrune = 0;

  async function deliver(tx: Db, event: DomainEvent) {
    // A savepoint per event: a failing consumer undoes only this event's writes, not the batch's.
    await tx.transaction(async (savepoint) => {
      for (const consumer of consumers) {
        try {
          await consumer.handle(savepoint, event);
        } catch (err) {
          throw new ConsumerFailure(consumer.name, err);
        }
      }
      await savepoint
        .update(outboxEvents)
        .set({ dispatchedAt: sql`now()`, attempts: sql`${outboxEvents.attempts} + 1`, lastError: null })
        .where(eq(outboxEvents.id, event.id));
    });
  }

  async function dispatchOnce(): Promise<DispatchResult> {
    const result: DispatchResult = { dispatched: 0, failed: 0 };
    // Idle is the common case: one indexed read, no transaction.
    const [any] = await db.select({ id: outboxEvents.id }).from(outboxEvents).where(due).limit(1);
    if (!any) return result;
    await db.transaction(async (tx) => {
      const events = await tx
        .select()
        .from(outboxEvents)
        .where(due)
        .orderBy(asc(outboxEvents.createdAt), asc(outboxEvents.id))
        .limit(batchSize)
        .for('update', { skipLocked: true });
      for (const row of events) {
        const event: DomainEvent = {
          id: row.id,
          storeId: row.storeId,
          type: row.type,
          payload: row.payload as Record<string, unknown>,
          createdAt: row.createdAt,
        };
        try {
          await deliver(tx, event);
          result.dispatched++;
        } catch (err) {
          result.failed++;
          const attempt = row.attempts + 1;
          const message = err instanceof Error ? err.message : String(err);
          const delayMs = retryDelayMs(attempt, retry);
          await tx
            .update(outboxEvents)
            .set({
              attempts: attempt,
              lastError: message.slice(0, 2000),
              nextAttemptAt: sql`now() + (${delayMs}::double precision * interval '1 millisecond')`,
            })
            .where(eq(outboxEvents.id, row.id));
          logger.warn(
            {
              eventId: event.id,
              type: event.type,
              consumer: err instanceof ConsumerFailure ? err.consumer : undefined,
              attempt,
              retryInMs: delayMs,
              err: message,
            },
            'outbox event failed; will retry',
          );
        }
      }
    });
    return result;
  }

  async function pruneDispatched() {
    if (retentionMs <= 0 || Date.now() - lastPrune < PRUNE_EVERY_MS) return;
    lastPrune = Date.now();
    await db
      .delete(outboxEvents)
      .where(
        lt(
          outboxEvents.dispatchedAt,
          sql`now() - (${retentionMs}::double precision * interval '1 millisecond')`,
        ),
      );
  }

  async function run() {
    while (running) {
      let full = false;
      try {
        const result = await dispatchOnce();
        full = result.dispatched + result.failed >= batchSize;
        await pruneDispatched();
      } catch (err) {
        logger.error({ err }, 'outbox dispatch failed; retrying');
      }
      // A full batch means more may be waiting: go again at once.
      if (running && !full) await pause.sleep(pollMs);
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    async stop() {
      running = false;
      pause.interrupt();
      await loop;
      loop = undefined;
    },
    wake() {
      pause.interrupt();
    },
    dispatchOnce,
  };
}
