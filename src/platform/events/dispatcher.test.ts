import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import type { Database, Db } from '../db/database.ts';
import { testDatabaseTargets } from '../db/test-database.ts';
import { enqueueJob } from '../jobs/enqueue.ts';
import { jobs } from '../jobs/schema.ts';
import {
  createOutboxDispatcher,
  type DomainEvent,
  emitEvent,
  eventsOfTypes,
  type OutboxConsumer,
} from './index.ts';
import { outboxEvents } from './schema.ts';

const logger = pino({ level: 'silent' });

/** A consumer that records what it saw and writes a row (a job) in the dispatcher's transaction. */
function recordingConsumer(
  name: string,
  failWhen: (event: DomainEvent, call: number) => boolean = () => false,
) {
  const seen: string[] = [];
  const consumer: OutboxConsumer = {
    name,
    async handle(db: Db, event: DomainEvent) {
      seen.push(event.id);
      await enqueueJob(db, `${name}.reacted`, { eventId: event.id });
      if (failWhen(event, seen.length)) throw new Error(`${name} could not handle ${event.type}`);
    },
  };
  return { consumer, seen };
}

for (const target of testDatabaseTargets()) {
  describe(`outbox dispatcher (${target.label})`, () => {
    let database: Database;
    const emit = (type: string, payload: Record<string, unknown> = {}) =>
      database.db.transaction((tx) => emitEvent(tx, { storeId: 'store_test', type, payload }));
    const reactions = async (consumer: string) =>
      (
        await database.db
          .select()
          .from(jobs)
          .where(eq(jobs.name, `${consumer}.reacted`))
      ).map((j) => (j.payload as { eventId: string }).eventId);
    const eventRow = async (id: string) =>
      (await database.db.select().from(outboxEvents).where(eq(outboxEvents.id, id)))[0]!;

    beforeEach(async () => {
      database = await target.create();
    });
    afterEach(async () => {
      await database.close();
    });

    test('delivers each event to every consumer, oldest first, and never again once dispatched', async () => {
      const a = recordingConsumer('a');
      const b = recordingConsumer('b');
      const dispatcher = createOutboxDispatcher({ database, logger, consumers: [a.consumer, b.consumer] });
      const first = await emit('product.created', { id: 'prod_1' });
      const second = await emit('product.updated', { id: 'prod_1' });
      assert.deepEqual(await dispatcher.dispatchOnce(), { dispatched: 2, failed: 0 });
      assert.deepEqual(a.seen, [first, second]);
      assert.deepEqual(b.seen, [first, second]);
      assert.deepEqual(await reactions('a'), [first, second]);
      const row = await eventRow(first);
      assert.ok(row.dispatchedAt);
      assert.equal(row.attempts, 1);

      assert.deepEqual(await dispatcher.dispatchOnce(), { dispatched: 0, failed: 0 });
      assert.equal(a.seen.length, 2);
    });

    test('hands the consumer the event as emitted', async () => {
      const received: DomainEvent[] = [];
      const dispatcher = createOutboxDispatcher({
        database,
        logger,
        consumers: [{ name: 'keep', handle: async (_db, event) => void received.push(event) }],
      });
      const id = await emit('order.placed', { orderId: 'ord_1', total: { amount: 1250, currency: 'EUR' } });
      await dispatcher.dispatchOnce();
      assert.equal(received.length, 1);
      const [event] = received;
      assert.equal(event!.id, id);
      assert.equal(event!.storeId, 'store_test');
      assert.equal(event!.type, 'order.placed');
      assert.deepEqual(event!.payload, { orderId: 'ord_1', total: { amount: 1250, currency: 'EUR' } });
      assert.ok(event!.createdAt instanceof Date);
    });

    test('an event emitted in a rolled-back transaction is never delivered', async () => {
      const a = recordingConsumer('a');
      const dispatcher = createOutboxDispatcher({ database, logger, consumers: [a.consumer] });
      await assert.rejects(
        database.db.transaction(async (tx) => {
          await emitEvent(tx, { storeId: 'store_test', type: 'product.created', payload: {} });
          throw new Error('rolled back');
        }),
      );
      assert.deepEqual(await dispatcher.dispatchOnce(), { dispatched: 0, failed: 0 });
      assert.deepEqual(a.seen, []);
    });

    test('retries a failing consumer with backoff; the failed attempt leaves no writes behind', async () => {
      // b fails on the first event until it recovers (a dependency down, say).
      let recovered = false;
      const a = recordingConsumer('a');
      const b = recordingConsumer('b', (event) => event.type === 'product.created' && !recovered);
      const dispatcher = createOutboxDispatcher({
        database,
        logger,
        consumers: [a.consumer, b.consumer],
        // Long enough that a busy machine still checks "not before the backoff" inside the window.
        retry: { baseMs: 1000, maxMs: 4000 },
      });
      const failing = await emit('product.created');
      const healthy = await emit('product.updated');

      assert.deepEqual(await dispatcher.dispatchOnce(), { dispatched: 1, failed: 1 });
      let row = await eventRow(failing);
      assert.equal(row.dispatchedAt, null);
      assert.equal(row.attempts, 1);
      assert.equal(row.lastError, 'b: b could not handle product.created');
      // The first retry waits 75–100 % of 2·1000 ms after the failure, which came after the event was created.
      assert.ok(row.nextAttemptAt.getTime() - row.createdAt.getTime() >= 1500, 'backs off');
      // Consumer a's write for the failed event was undone with it; the next event went through.
      assert.deepEqual(await reactions('a'), [healthy]);
      assert.ok((await eventRow(healthy)).dispatchedAt);

      assert.deepEqual(
        await dispatcher.dispatchOnce(),
        { dispatched: 0, failed: 0 },
        'not before the backoff',
      );
      recovered = true;
      const deadline = Date.now() + 10_000;
      while ((await dispatcher.dispatchOnce()).dispatched === 0) {
        assert.ok(Date.now() < deadline, 'retried in time');
        await sleep(20);
      }
      row = await eventRow(failing);
      assert.ok(row.dispatchedAt);
      assert.equal(row.attempts, 2);
      assert.equal(row.lastError, null);
      assert.deepEqual((await reactions('a')).sort(), [failing, healthy].sort());
      // At least once: the batch was first handled whole, rolled back at b's failure, and handled
      // again event by event; then the failed event came back after its backoff.
      assert.deepEqual(
        a.seen,
        [failing, failing, healthy, failing],
        'at least once: a saw the failed event again',
      );
    });

    test('two dispatchers on one database hand each event to the consumer exactly once', async () => {
      const calls = new Map<string, number>();
      const consumer: OutboxConsumer = {
        name: 'count',
        async handle(_db, event) {
          await sleep(1);
          calls.set(event.id, (calls.get(event.id) ?? 0) + 1);
        },
      };
      const ids: string[] = [];
      for (let i = 0; i < 40; i++) ids.push(await emit('stock.changed', { i }));
      const dispatchers = [1, 2].map(() =>
        createOutboxDispatcher({ database, logger, consumers: [consumer], batchSize: 5 }),
      );
      const drain = async (d: (typeof dispatchers)[number]) => {
        while ((await d.dispatchOnce()).dispatched > 0);
      };
      await Promise.all(dispatchers.map(drain));
      // A dispatcher can find nothing left to claim while the other still holds rows: finish the rest.
      await drain(dispatchers[0]!);
      assert.equal(calls.size, 40);
      assert.deepEqual([...new Set(calls.values())], [1]);
      const [left] = await database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(outboxEvents)
        .where(sql`dispatched_at is null`);
      assert.equal(left!.n, 0);
    });

    test('start() dispatches in the background; wake() skips the wait', async () => {
      const a = recordingConsumer('a');
      const dispatcher = createOutboxDispatcher({
        database,
        logger,
        consumers: [a.consumer],
        pollMs: 60_000,
      });
      dispatcher.start();
      await sleep(20);
      const id = await emit('product.created');
      dispatcher.wake();
      const deadline = Date.now() + 3000;
      while (a.seen.length === 0) {
        assert.ok(Date.now() < deadline, 'dispatched after wake()');
        await sleep(10);
      }
      await dispatcher.stop();
      assert.deepEqual(a.seen, [id]);
    });

    test("a consumer's select decides which events it handles; events nobody selects are marked dispatched", async () => {
      const placed = recordingConsumer('placed');
      const everything = recordingConsumer('everything');
      const selectedBatches: string[][] = [];
      const dispatcher = createOutboxDispatcher({
        database,
        logger,
        consumers: [
          {
            ...placed.consumer,
            select: (db, events) => {
              selectedBatches.push(events.map((e) => e.id));
              return eventsOfTypes(['order.placed'])(db, events);
            },
          },
          everything.consumer,
        ],
      });
      const cart = await emit('cart.updated', { cartId: 'cart_1' });
      const order = await emit('order.placed', { orderId: 'ord_1' });
      assert.deepEqual(await dispatcher.dispatchOnce(), { dispatched: 2, failed: 0 });
      assert.deepEqual(selectedBatches, [[cart, order]], 'select sees the whole batch once');
      assert.deepEqual(placed.seen, [order]);
      assert.deepEqual(everything.seen, [cart, order]);
      assert.deepEqual(await reactions('placed'), [order]);

      const onlyPlaced = createOutboxDispatcher({
        database,
        logger,
        consumers: [{ ...recordingConsumer('late').consumer, select: eventsOfTypes(['order.placed']) }],
      });
      const unwanted = await emit('cart.updated', { cartId: 'cart_2' });
      assert.deepEqual(await onlyPlaced.dispatchOnce(), { dispatched: 1, failed: 0 });
      const row = await eventRow(unwanted);
      assert.ok(row.dispatchedAt, 'an event no consumer wants is dispatched all the same');
      assert.equal(row.attempts, 1);
      assert.equal(row.lastError, null);
      assert.deepEqual(await reactions('late'), []);
    });

    test("a consumer's failed statement mid-batch undoes only its event: the batch is handled again event by event", async () => {
      const writer = recordingConsumer('writer');
      const broken: OutboxConsumer = {
        name: 'broken',
        async handle(db, event) {
          // A statement the database refuses aborts the transaction it runs in.
          if (event.type === 'order.cancelled') await db.execute(sql`select 1 / 0`);
        },
      };
      const dispatcher = createOutboxDispatcher({ database, logger, consumers: [writer.consumer, broken] });
      const before = await emit('order.placed', { orderId: 'ord_1' });
      const failing = await emit('order.cancelled', { orderId: 'ord_2' });
      const after = await emit('order.refunded', { orderId: 'ord_3' });
      assert.deepEqual(await dispatcher.dispatchOnce(), { dispatched: 2, failed: 1 });
      assert.deepEqual((await reactions('writer')).sort(), [before, after].sort());
      assert.ok((await eventRow(before)).dispatchedAt);
      assert.ok((await eventRow(after)).dispatchedAt);
      const row = await eventRow(failing);
      assert.equal(row.dispatchedAt, null);
      assert.match(row.lastError ?? '', /^broken: .*select 1 \/ 0/);
    });

    test('a failing select fails the batch: nothing is marked, and the next poll hands every event over', async () => {
      const a = recordingConsumer('a');
      let failSelect = true;
      const dispatcher = createOutboxDispatcher({
        database,
        logger,
        consumers: [
          {
            ...a.consumer,
            select: (_db, events) => {
              if (failSelect) throw new Error('endpoints unreadable');
              return events;
            },
          },
        ],
      });
      const id = await emit('order.placed', { orderId: 'ord_1' });
      await assert.rejects(dispatcher.dispatchOnce(), /endpoints unreadable/);
      assert.equal((await eventRow(id)).dispatchedAt, null);
      assert.deepEqual(a.seen, []);
      failSelect = false;
      assert.deepEqual(await dispatcher.dispatchOnce(), { dispatched: 1, failed: 0 });
      assert.deepEqual(a.seen, [id]);
    });

    test('refuses two consumers with the same name', () => {
      const a = recordingConsumer('a');
      assert.throws(
        () => createOutboxDispatcher({ database, logger, consumers: [a.consumer, a.consumer] }),
        /twice/,
      );
    });
  });
}
