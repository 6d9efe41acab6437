// "Get told before a best-seller runs out": the hourly watch tells each start and end of running
// out once, as events (webhooks) that the admin's notifications turn into a bell entry.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, asc, eq, like } from 'drizzle-orm';
import { makeStore } from '../../../test/support/app-harness.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { outboxEvents } from '../../platform/events/schema.ts';
import { inventoryAlertsConsumer } from '../notifications/inventory-alerts.ts';
import { notifications } from '../notifications/schema.ts';
import { updateInventoryItem } from './items.ts';
import { recordMovements } from './ledger/record-movements.ts';
import type { RunningOutPayload } from './running-out-watch.ts';
import { watchRunningOut } from './running-out-watch.ts';
import { inventoryTestActor as actor, makeLocation, makeVariants } from './testing/inventory-fixtures.ts';

const day = 24 * 3600 * 1000;
const daysAgo = (n: number) => new Date(Date.now() - n * day);

for (const target of testDatabaseTargets()) {
  describe(`the running-out watch on ${target.label}`, () => {
    let database: Database;
    let store: Awaited<ReturnType<typeof makeStore>>;
    let warehouse: { id: string };
    let best: string;
    let low: string;
    let calm: string;

    const move = (variantId: string, kind: 'receive' | 'sale', quantity: number, at?: Date) =>
      database.db.transaction((tx) =>
        recordMovements(tx, store.id, actor, [{ variantId, locationId: warehouse.id, kind, quantity }], {
          ...(at ? { recordedAt: at } : {}),
        }),
      );
    const runningOutEvents = async () =>
      database.db
        .select()
        .from(outboxEvents)
        .where(and(eq(outboxEvents.storeId, store.id), like(outboxEvents.type, 'inventory.running_out%')))
        .orderBy(asc(outboxEvents.createdAt), asc(outboxEvents.id));
    /** Hands the store's stock events to the notifications in order, as the dispatcher does (again: idempotent). */
    const notify = async () => {
      const events = await database.db
        .select()
        .from(outboxEvents)
        .where(and(eq(outboxEvents.storeId, store.id), like(outboxEvents.type, 'inventory.%')))
        .orderBy(asc(outboxEvents.createdAt), asc(outboxEvents.id));
      for (const event of events) {
        await database.db.transaction((tx) =>
          inventoryAlertsConsumer.handle(tx, { ...event, payload: event.payload as Record<string, unknown> }),
        );
      }
    };
    const openNotifications = async () =>
      (await database.db.select().from(notifications).where(eq(notifications.storeId, store.id))).filter(
        (n) => n.resolvedAt === null,
      );

    before(async () => {
      database = await target.create();
      store = await makeStore(database, 'running-out');
      warehouse = await makeLocation(database, store.id, 'Warehouse');
      [best, low, calm] = (await makeVariants(database, store, 3, { title: 'Watch Lamp' })) as [
        string,
        string,
        string,
      ];
      // best: 80 received six weeks ago, 2 a day for four weeks: 24 left, 12 days → running out.
      // low: the same pace, 4 left and a threshold of 5: running out, but already "low".
      // calm: 100 left at 2 a day: 50 days, fine.
      await move(best, 'receive', 80, daysAgo(42));
      await move(low, 'receive', 60, daysAgo(42));
      await move(calm, 'receive', 156, daysAgo(42));
      for (let d = 27; d >= 0; d--) {
        for (const variantId of [best, low, calm]) await move(variantId, 'sale', -2, daysAgo(d + 0.5));
      }
      await database.db.transaction((tx) => updateInventoryItem(tx, store.id, low, { lowStockThreshold: 5 }));
    });
    after(async () => {
      await database.close();
    });

    test('a variant that starts running out is told once, with its numbers', async () => {
      assert.equal(await watchRunningOut(database.db, store.id), 2);
      assert.equal(await watchRunningOut(database.db, store.id), 0, 'a second run tells nothing new');
      const events = await runningOutEvents();
      const byVariant = new Map(
        events.map((e) => [(e.payload as unknown as RunningOutPayload).variantId, e]),
      );
      assert.deepEqual([...byVariant.keys()].sort(), [best, low].sort());
      assert.equal(byVariant.get(best)!.type, 'inventory.running_out');
      assert.deepEqual(byVariant.get(best)!.payload, {
        variantId: best,
        available: 24,
        soldPerDay: 2,
        daysOfCover: 12,
        leadTimeDays: null,
        stockState: 'ok',
      });
      assert.equal((byVariant.get(low)!.payload as unknown as RunningOutPayload).stockState, 'low');
    });

    test('the bell gets one entry for a variant above its threshold; a low one keeps its own alert', async () => {
      await notify();
      const open = await openNotifications();
      const runningOut = open.filter((n) => n.topic === 'inventory.running_out');
      assert.equal(runningOut.length, 1);
      assert.match(runningOut[0]!.title, /^Runs out in 12 days: Watch Lamp – S1$/);
      assert.match(runningOut[0]!.body, /24 available, selling 2 a day/);
      assert.equal(runningOut[0]!.severity, 'warning');
      // The low variant's notification is its "Running low" one, not replaced by a milder one.
      const lowOne = open.find((n) => n.key === `inventory:${low}`);
      assert.equal(lowOne?.topic, 'inventory.low');
    });

    test('a delivery that covers the next weeks ends it: told once, and the bell entry resolves', async () => {
      await move(best, 'receive', 100);
      assert.equal(await watchRunningOut(database.db, store.id), 1);
      assert.equal(await watchRunningOut(database.db, store.id), 0);
      const cleared = (await runningOutEvents()).filter((e) => e.type === 'inventory.running_out_cleared');
      assert.deepEqual(
        cleared.map((e) => (e.payload as unknown as RunningOutPayload).variantId),
        [best],
      );
      await notify();
      const open = await openNotifications();
      assert.equal(open.filter((n) => n.topic === 'inventory.running_out').length, 0);
      assert.equal(open.filter((n) => n.topic === 'inventory.low').length, 1, 'the low alert stays');
    });

    test('an all-clear does not resolve a stronger alert that replaced the entry', async () => {
      // calm: 100 left; selling 90 leaves 10 (5 days): running out. Then it sells out, which ends
      // "running out" (nothing left to run out of) while "out of stock" is the open alert.
      await database.db.transaction((tx) =>
        updateInventoryItem(tx, store.id, calm, { lowStockThreshold: 5 }),
      );
      await move(calm, 'sale', -90);
      assert.equal(await watchRunningOut(database.db, store.id), 1);
      await move(calm, 'sale', -10);
      assert.equal(await watchRunningOut(database.db, store.id), 1);
      const calmEvents = (await runningOutEvents()).filter(
        (e) => (e.payload as unknown as RunningOutPayload).variantId === calm,
      );
      assert.deepEqual(
        calmEvents.map((e) => e.type),
        ['inventory.running_out', 'inventory.running_out_cleared'],
      );
      await notify();
      const calmNow = (await openNotifications()).find((n) => n.key === `inventory:${calm}`);
      assert.equal(calmNow?.topic, 'inventory.out');
    });
  });
}
