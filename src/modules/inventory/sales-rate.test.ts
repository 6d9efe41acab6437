// How fast stock sells and when it runs out: the rate of sale from the ledger, days of cover, the
// "running out" filter and the soonest-to-run-out order, in the variant view and the inventory table.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeStore } from '../../../test/support/app-harness.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { recordMovements } from './ledger/record-movements.ts';
import { variantStock } from './levels.ts';
import { daysOfCover } from './sales-rate.ts';
import { listStock } from './stock-list/stock-list.ts';
import { upsertSupplierVariants } from './suppliers/supplier-variants.ts';
import { createSupplier } from './suppliers/suppliers.ts';
import { inventoryTestActor as actor, makeLocation, makeVariants } from './testing/inventory-fixtures.ts';
import { verifyInventory } from './verify/verify-ledger.ts';

const day = 24 * 3600 * 1000;
const daysAgo = (n: number) => new Date(Date.now() - n * day);

test('days of cover: whole days, none left is 0, nothing selling is null', () => {
  assert.equal(daysOfCover(10, 3), 3);
  assert.equal(daysOfCover(0, 3), 0);
  assert.equal(daysOfCover(-2, 3), 0);
  assert.equal(daysOfCover(10, 0), null);
});

for (const target of testDatabaseTargets()) {
  describe(`rate of sale and days of cover on ${target.label}`, () => {
    let database: Database;
    let store: Awaited<ReturnType<typeof makeStore>>;
    let warehouse: { id: string };
    let shop: { id: string };
    // steady: old stock, sold 56 over four weeks (2 a day); fresh: stocked 2 days ago, sold 14;
    // lapsed: sold only before the window; idle: never sold; slow: 1 a week, with a slow supplier.
    let steady: string;
    let fresh: string;
    let lapsed: string;
    let idle: string;
    let slow: string;

    const move = (
      variantId: string,
      locationId: string,
      kind: 'receive' | 'sale' | 'return',
      quantity: number,
      at: Date,
    ) =>
      database.db.transaction((tx) =>
        recordMovements(tx, store.id, actor, [{ variantId, locationId, kind, quantity }], { recordedAt: at }),
      );

    before(async () => {
      database = await target.create();
      store = await makeStore(database, 'sales-rate');
      warehouse = await makeLocation(database, store.id, 'Warehouse', { priority: 1 });
      shop = await makeLocation(database, store.id, 'Shop', { kind: 'retail', priority: 2 });
      [steady, fresh, lapsed, idle, slow] = (await makeVariants(database, store, 5)) as [
        string,
        string,
        string,
        string,
        string,
      ];
      // steady: 100 received 60 days ago; 8 sold 40 days ago (outside the window); then 2 a day
      // for four weeks, 42 from the warehouse and 14 from the shop; a return does not count.
      await move(steady, warehouse.id, 'receive', 80, daysAgo(60));
      await move(steady, shop.id, 'receive', 20, daysAgo(60));
      await move(steady, warehouse.id, 'sale', -8, daysAgo(40));
      for (let d = 27; d >= 0; d--) {
        await move(
          steady,
          d % 2 === 0 ? warehouse.id : shop.id,
          'sale',
          d % 2 === 0 ? -3 : -1,
          daysAgo(d + 0.5),
        );
      }
      await move(steady, warehouse.id, 'return', 1, daysAgo(1));
      // fresh: received 2 days ago, 14 sold since: measured over the minimum week, so 2 a day.
      await move(fresh, warehouse.id, 'receive', 30, daysAgo(2));
      await move(fresh, warehouse.id, 'sale', -14, daysAgo(1));
      // lapsed: sold, but five weeks ago.
      await move(lapsed, warehouse.id, 'receive', 10, daysAgo(50));
      await move(lapsed, warehouse.id, 'sale', -5, daysAgo(35));
      await move(idle, warehouse.id, 'receive', 10, daysAgo(50));
      // slow: 4 sold in four weeks (1 a week), 3 left → 21 days: inside its supplier's 30-day lead time.
      await move(slow, warehouse.id, 'receive', 7, daysAgo(45));
      for (const d of [25, 18, 11, 4]) await move(slow, warehouse.id, 'sale', -1, daysAgo(d));
      const supplier = await database.db.transaction((tx) =>
        createSupplier(tx, store.id, actor, { name: 'Slow Mill', currency: 'EUR', leadTimeDays: 30 }),
      );
      await database.db.transaction((tx) =>
        upsertSupplierVariants(tx, store.id, actor, supplier.id, {
          items: [{ variantId: slow, cost: { amount: 500 } }],
        }),
      );
    });
    after(async () => {
      await database.close();
    });

    test('a variant sells at its units sold over four weeks; each location at its own share', async () => {
      const stock = (await variantStock(database.db, store.id, [steady])).get(steady)!;
      // 100 − 8 − 56 + 1 = 37 on hand; 56 sold in 28 days = 2 a day → 18 days.
      assert.equal(stock.available, 37);
      assert.equal(stock.soldPerDay, 2);
      assert.equal(stock.daysOfCover, 18);
      const byName = new Map(stock.locations.map((l) => [l.locationId, l]));
      // Warehouse: 80 − 8 − 42 + 1 = 31 at 1.5 a day; shop: 20 − 14 = 6 at 0.5 a day.
      assert.deepEqual(
        [byName.get(warehouse.id)!.soldPerDay, byName.get(warehouse.id)!.daysOfCover],
        [1.5, 20],
      );
      assert.deepEqual([byName.get(shop.id)!.soldPerDay, byName.get(shop.id)!.daysOfCover], [0.5, 12]);
    });

    test('young stock is measured over at least a week; old sales and no sales give no rate', async () => {
      const stock = await variantStock(database.db, store.id, [fresh, lapsed, idle]);
      assert.deepEqual([stock.get(fresh)!.soldPerDay, stock.get(fresh)!.daysOfCover], [2, 8]);
      assert.deepEqual([stock.get(lapsed)!.soldPerDay, stock.get(lapsed)!.daysOfCover], [0, null]);
      assert.deepEqual([stock.get(idle)!.soldPerDay, stock.get(idle)!.daysOfCover], [0, null]);
    });

    test('the table shows the rate and cover, filters what runs out and sorts soonest first', async () => {
      const all = await listStock(database.db, store, { sort: 'runs-out' });
      assert.deepEqual(
        all.items.map((r) => [r.variantId, r.soldPerDay, r.daysOfCover, r.runningOut]),
        [
          [fresh, 2, 8, true],
          [steady, 2, 18, false],
          [slow, 0.14, 21, true],
          // Not selling: last, by title.
          [lapsed, 0, null, false],
          [idle, 0, null, false],
        ],
      );
      const runningOut = await listStock(database.db, store, { state: 'running-out', sort: 'runs-out' });
      assert.deepEqual(
        runningOut.items.map((r) => r.variantId),
        [fresh, slow],
      );
      assert.equal(runningOut.total, 2);
      // At the shop alone, steady has 6 left at 0.5 a day: 12 days, so it runs out there.
      const atShop = await listStock(database.db, store, { locationId: shop.id, state: 'running-out' });
      assert.deepEqual(
        atShop.items.map((r) => [r.variantId, r.soldPerDay, r.daysOfCover]),
        [[steady, 0.5, 12]],
      );
    });

    test('history recorded with a past date keeps the ledger and the levels equal', async () => {
      const report = await verifyInventory(database.db, { storeIds: [store.id] });
      assert.deepEqual([report.drift, report.balanceBreaks], [[], []]);
      assert.ok(report.movements > 40);
    });
  });
}
