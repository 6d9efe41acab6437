import { and, asc, eq, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
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
  /**
   * Which of a batch's events this consumer has work for, decided before any of them is handled:
   * by type, or with one read for the whole batch (the webhooks' endpoints). Most events interest no
   * consumer (a cart's steps, stock levels), and those are marked dispatched together, without a
   * savepoint and a handler call each. It must not leave out an event `handle` would act on. It runs
   * in the batch's transaction; a failing one fails the batch, tried again at the next poll, so keep
   * it to reads. Omitted: every event.
   */
  select?(db: Db, events: readonly DomainEvent[]): readonly DomainEvent[] | Promise<readonly DomainEvent[]>;
  handle(db: Db, event: DomainEvent): Promise<void>;
}

/** A consumer's `select` for the common case: the events of the given types. */
export function eventsOfTypes(
  types: Iterable<string>,
): (db: Db, events: readonly DomainEvent[]) => DomainEvent[] {
  const wanted = new Set(types);
  return (_db, events) => events.filter((event) => wanted.has(event.type));
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

  async function handleEvent(db: Db, event: DomainEvent, interested: readonly OutboxConsumer[]) {
    for (const consumer of interested) {
      try {
        await consumer.handle(db, event);
      } catch (err) {
        throw new ConsumerFailure(consumer.name, err);
      }
    }
  }

  async function deliver(
    tx: Db,
    event: DomainEvent,
    interested: readonly OutboxConsumer[],
    isolated: boolean,
  ) {
    // Isolated, each event has a savepoint: a failing consumer undoes only its event's writes.
    if (isolated) await tx.transaction((savepoint) => handleEvent(savepoint, event, interested));
    else await handleEvent(tx, event, interested);
  }

  /** For each consumer, the ids of the batch's events it has work for (all of them without `select`). */
  async function selectFor(tx: Db, events: readonly DomainEvent[]) {
    const picked = new Map<OutboxConsumer, Set<string> | 'all'>();
    for (const consumer of consumers) {
      picked.set(
        consumer,
        consumer.select ? new Set((await consumer.select(tx, events)).map((event) => event.id)) : 'all',
      );
    }
    return (event: DomainEvent) =>
      consumers.filter((consumer) => {
        const ids = picked.get(consumer)!;
        return ids === 'all' || ids.has(event.id);
      });
  }

  async function dispatchOnce(moreWaiting = false): Promise<DispatchResult> {
    // Idle is the common case: one indexed read, no transaction. After a full batch more are
    // known to wait, and under load every statement queues for a connection behind requests.
    if (!moreWaiting) {
      const [any] = await db.select({ id: outboxEvents.id }).from(outboxEvents).where(due).limit(1);
      if (!any) return { dispatched: 0, failed: 0 };
    }
    // A batch is first handled without a savepoint per event (two statements fewer for each event a
    // consumer works on). Consumers rarely fail; when one does, that attempt is rolled back whole
    // and the batch handled again with savepoints, so only the failing event's writes are undone
    // and it alone is retried later. Consumers are idempotent and only write to the database, so a
    // rolled-back attempt leaves nothing behind.
    try {
      return await dispatchBatch(false);
    } catch (err) {
      if (!(err instanceof ConsumerFailure)) throw err;
      return dispatchBatch(true);
    }
  }

  async function dispatchBatch(isolated: boolean): Promise<DispatchResult> {
    const result: DispatchResult = { dispatched: 0, failed: 0 };
    await db.transaction(async (tx) => {
      const events = await tx
        .select()
        .from(outboxEvents)
        .where(due)
        .orderBy(asc(outboxEvents.createdAt), asc(outboxEvents.id))
        .limit(batchSize)
        .for('update', { skipLocked: true });
      const batch: DomainEvent[] = events.map((row) => ({
        id: row.id,
        storeId: row.storeId,
        type: row.type,
        payload: row.payload as Record<string, unknown>,
        createdAt: row.createdAt,
      }));
      if (batch.length === 0) return;
      const interestedIn = await selectFor(tx, batch);
      // Handled events are marked dispatched in one statement at the end, in the same transaction.
      const handled: string[] = [];
      for (const [index, event] of batch.entries()) {
        const interested = interestedIn(event);
        if (interested.length === 0) {
          handled.push(event.id);
          continue;
        }
        try {
          await deliver(tx, event, interested, isolated);
          handled.push(event.id);
        } catch (err) {
          if (!isolated) throw err;
          result.failed++;
          const attempt = events[index]!.attempts + 1;
          const message = err instanceof Error ? err.message : String(err);
          const delayMs = retryDelayMs(attempt, retry);
          await tx
            .update(outboxEvents)
            .set({
              attempts: attempt,
              lastError: message.slice(0, 2000),
              nextAttemptAt: sql`now() + (${delayMs}::double precision * interval '1 millisecond')`,
            })
            .where(eq(outboxEvents.id, event.id));
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
      if (handled.length > 0) {
        await tx
          .update(outboxEvents)
          .set({ dispatchedAt: sql`now()`, attempts: sql`${outboxEvents.attempts} + 1`, lastError: null })
          .where(inArray(outboxEvents.id, handled));
        result.dispatched += handled.length;
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
    let full = false;
    while (running) {
      try {
        const result = await dispatchOnce(full);
        full = result.dispatched + result.failed >= batchSize;
        await pruneDispatched();
      } catch (err) {
        full = false;
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
