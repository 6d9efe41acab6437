import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { recordMovements, verifyInventory } from '../src/modules/inventory/index.ts';
import {
  inventoryTestActor,
  makeLocation,
  makeVariants,
} from '../src/modules/inventory/testing/inventory-fixtures.ts';
import { type Database, openDatabase } from '../src/platform/db/database.ts';
import { testDatabaseTargets } from '../src/platform/db/test-database.ts';
import { makeApiKey, makeStore, startTestApp, type TestApp } from './support/app-harness.ts';

/**
 * Two buyers can never take the last unit twice: 200 concurrent reservations of one unit each for a
 * variant with 10 in stock, over real HTTP. On PostgreSQL through two server instances, each with
 * its own connection pool, sharing the database; on PGlite through its one instance.
 */
for (const target of testDatabaseTargets()) {
  describe(`concurrent reservations on ${target.label}`, () => {
    let database: Database;
    const extraDatabases: Database[] = [];
    const apps: TestApp[] = [];
    const urls: string[] = [];

    before(async () => {
      database = await target.create();
      const instances =
        target.kind === 'postgres'
          ? [database, await openDatabase({ url: database.url!, poolSize: 10 })]
          : [database];
      if (instances[1]) extraDatabases.push(instances[1]);
      for (const db of instances) {
        const app = await startTestApp(db);
        apps.push(app);
        urls.push(await app.app.listen({ port: 0, host: '127.0.0.1' }));
      }
    });
    after(async () => {
      for (const app of apps) await app.close();
      for (const db of extraDatabases) await db.close();
      await database.close();
    });

    test('200 buyers, 10 units: exactly 10 reservations succeed, the rest get 409 out_of_stock', async () => {
      const store = await makeStore(database, 'concurrency');
      const key = await makeApiKey(database, store.id, ['inventory:read', 'inventory:write']);
      const location = await makeLocation(database, store.id, 'Warehouse');
      const [variantId] = await makeVariants(database, store, 1);
      await database.db.transaction((tx) =>
        recordMovements(tx, store.id, inventoryTestActor, [
          { variantId: variantId!, locationId: location.id, kind: 'receive', quantity: 10 },
        ]),
      );
      const started = performance.now();
      const answers = await Promise.all(
        Array.from({ length: 200 }, async (_, i) => {
          const res = await fetch(
            `${urls[i % urls.length]}/api/admin/stores/${store.id}/inventory/reservations`,
            {
              method: 'POST',
              headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
              body: JSON.stringify({ items: [{ variantId, quantity: 1 }], reference: `checkout-${i}` }),
            },
          );
          return { status: res.status, body: (await res.json()) as { error?: { code: string } } };
        }),
      );
      console.log(
        `  ${answers.length} concurrent reservations through ${urls.length} instance(s) in ${Math.round(performance.now() - started)} ms`,
      );
      const statuses = new Map<number, number>();
      for (const a of answers) statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
      assert.deepEqual(Object.fromEntries(statuses), { 201: 10, 409: 190 });
      assert.ok(answers.filter((a) => a.status === 409).every((a) => a.body.error?.code === 'out_of_stock'));
      const [level] = await database.execute<{ on_hand: number; reserved: number }>(
        'select on_hand, reserved from inventory_levels where variant_id = $1',
        [variantId],
      );
      assert.deepEqual(level, { on_hand: 10, reserved: 10 });
      const report = await verifyInventory(database.db, { storeIds: [store.id] });
      assert.deepEqual([report.drift, report.balanceBreaks], [[], []]);
    });
  });
}
