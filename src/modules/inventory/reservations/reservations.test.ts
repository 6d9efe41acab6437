import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { makeStore } from '../../../../test/support/app-harness.ts';
import type { Database, Db } from '../../../platform/db/database.ts';
import { withDeferredAppends } from '../../../platform/db/deferred-appends.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { AppError } from '../../../platform/errors.ts';
import { recordMovements } from '../ledger/record-movements.ts';
import { variantStock } from '../levels.ts';
import { updateInventorySettings } from '../settings.ts';
import { inventoryTestActor as actor, makeLocation, makeVariants } from '../testing/inventory-fixtures.ts';
import { verifyInventory } from '../verify/verify-ledger.ts';
import { reserveStock } from './reserve-stock.ts';
import {
  commitReservation,
  releaseExpiredReservations,
  releaseReservation,
  sellReservedStock,
} from './settle-reservation.ts';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  return 'no error';
}

for (const target of testDatabaseTargets()) {
  describe(`stock reservations on ${target.label}`, () => {
    let database: Database;
    let store: { id: string; baseCurrency: string };
    let warehouse: { id: string };
    let shop: { id: string };

    before(async () => {
      database = await target.create();
      store = await makeStore(database, 'reservations');
      warehouse = await makeLocation(database, store.id, 'Warehouse', { priority: 1 });
      shop = await makeLocation(database, store.id, 'Shop', { kind: 'retail', priority: 2 });
    });
    after(async () => {
      await database.close();
    });

    const receive = (variantId: string, locationId: string, quantity: number) =>
      database.db.transaction((tx) =>
        recordMovements(tx, store.id, actor, [{ variantId, locationId, kind: 'receive', quantity }]),
      );
    const stockOf = async (variantId: string) =>
      (await variantStock(database.db, store.id, [variantId])).get(variantId)!;

    test('a reservation holds stock at the first location by priority; commit sells it, release gives it back', async () => {
      const [a, b] = await makeVariants(database, store, 2);
      await receive(a!, warehouse.id, 5);
      await receive(a!, shop.id, 5);
      await receive(b!, shop.id, 3);
      const held = await database.db.transaction((tx) =>
        reserveStock(tx, store.id, {
          items: [
            { variantId: a!, quantity: 2 },
            { variantId: b!, quantity: 3 },
          ],
        }),
      );
      assert.deepEqual(
        held.lines.map((l) => [l.variantId, l.locationId, l.quantity]).sort(),
        [
          [a, warehouse.id, 2],
          [b, shop.id, 3],
        ].sort(),
      );
      assert.deepEqual([(await stockOf(a!)).available, (await stockOf(b!)).available], [8, 0]);

      const { movements } = await database.db.transaction((tx) =>
        commitReservation(tx, store.id, actor, held.id, { type: 'order', id: 'ord_1' }),
      );
      assert.deepEqual(
        movements.map((m) => [m.kind, m.quantity, m.referenceId]),
        [
          ['sale', -2, 'ord_1'],
          ['sale', -3, 'ord_1'],
        ],
      );
      const after = await stockOf(a!);
      assert.deepEqual([after.onHand, after.reserved, after.available], [8, 0, 8]);
      assert.equal(
        await codeOf(database.db.transaction((tx) => releaseReservation(tx, store.id, held.id))),
        'reservation_not_active',
      );

      const second = await database.db.transaction((tx) =>
        reserveStock(tx, store.id, { items: [{ variantId: a!, quantity: 4 }] }),
      );
      await database.db.transaction((tx) => releaseReservation(tx, store.id, second.id));
      assert.equal((await stockOf(a!)).available, 8);
    });

    test('all lines or none: one line short fails the reservation with out_of_stock and holds nothing', async () => {
      const [a, b] = await makeVariants(database, store, 2);
      await receive(a!, warehouse.id, 10);
      await receive(b!, warehouse.id, 1);
      const err = await database.db
        .transaction((tx) =>
          reserveStock(tx, store.id, {
            items: [
              { variantId: a!, quantity: 5 },
              { variantId: b!, quantity: 2 },
            ],
          }),
        )
        .catch((e: AppError) => e);
      assert.ok(err instanceof AppError);
      assert.equal(err.status, 409);
      assert.equal(err.code, 'out_of_stock');
      assert.deepEqual(err.details, { path: 'items.1.quantity', variantId: b, requested: 2, available: 1 });
      assert.equal((await stockOf(a!)).reserved, 0);
    });

    test("a line no location holds alone is split by priority, unless the store's strategy is 'priority'", async () => {
      const [a] = await makeVariants(database, store, 1);
      await receive(a!, warehouse.id, 3);
      await receive(a!, shop.id, 4);
      const held = await database.db.transaction((tx) =>
        reserveStock(tx, store.id, { items: [{ variantId: a!, quantity: 6 }] }),
      );
      assert.deepEqual(
        held.lines.map((l) => [l.locationId, l.quantity]),
        [
          [warehouse.id, 3],
          [shop.id, 3],
        ],
      );
      await database.db.transaction((tx) => releaseReservation(tx, store.id, held.id));
      const own = await makeStore(database, 'priority-only');
      await updateInventorySettings(database.db, own.id, { reservationStrategy: 'priority' });
      const ownWarehouse = await makeLocation(database, own.id, 'One', { priority: 1 });
      const ownShop = await makeLocation(database, own.id, 'Two', { priority: 2 });
      const [v] = await makeVariants(database, own, 1);
      for (const [location, units] of [
        [ownWarehouse.id, 3],
        [ownShop.id, 4],
      ] as const) {
        await database.db.transaction((tx) =>
          recordMovements(tx, own.id, actor, [
            { variantId: v!, locationId: location, kind: 'receive', quantity: units },
          ]),
        );
      }
      assert.equal(
        await codeOf(
          database.db.transaction((tx) =>
            reserveStock(tx, own.id, { items: [{ variantId: v!, quantity: 6 }] }),
          ),
        ),
        'out_of_stock',
      );
      const fits = await database.db.transaction((tx) =>
        reserveStock(tx, own.id, { items: [{ variantId: v!, quantity: 4 }] }),
      );
      assert.deepEqual(
        fits.lines.map((l) => l.locationId),
        [ownShop.id],
      );
    });

    test('untracked variants hold nothing; variants that keep selling may go below zero', async () => {
      const [untracked] = await makeVariants(database, store, 1);
      const free = await database.db.transaction((tx) =>
        reserveStock(tx, store.id, { items: [{ variantId: untracked!, quantity: 50 }] }),
      );
      assert.deepEqual(free.lines, []);
      const [backorder] = await makeVariants(database, store, 1, { policy: 'continue' });
      await receive(backorder!, shop.id, 1);
      const over = await database.db.transaction((tx) =>
        reserveStock(tx, store.id, { items: [{ variantId: backorder!, quantity: 3 }] }),
      );
      assert.deepEqual(
        over.lines.map((l) => [l.locationId, l.quantity]),
        [[shop.id, 3]],
      );
      assert.equal((await stockOf(backorder!)).available, -2);
    });

    test("selling reserved stock: each line's ledger row says what its level held after it; a deferring transaction writes them at its end", async () => {
      const [a, b] = await makeVariants(database, store, 2);
      await receive(a!, warehouse.id, 10);
      await receive(b!, warehouse.id, 4);
      const reference = { type: 'order', id: 'ord_two_lines_one_level' };
      const movementsOf = (db: Db) =>
        db.execute(sql`
          select variant_id, quantity, on_hand_after from inventory_movements
          where reference_id = ${reference.id} order by seq`);
      const during = await withDeferredAppends(database.db, async (tx) => {
        // Two lines of one variant at one level, as a cart with the same item twice makes them.
        const held = await reserveStock(tx, store.id, {
          items: [
            { variantId: a!, quantity: 2 },
            { variantId: b!, quantity: 1 },
            { variantId: a!, quantity: 3 },
          ],
        });
        const sold = await sellReservedStock(tx, store.id, actor, held.id, reference, held);
        assert.equal(sold.state, 'committed');
        assert.ok(sold.settledAt instanceof Date);
        return resultRows(await movementsOf(tx)).length;
      });
      assert.equal(during, 0, 'the ledger rows wait for the end of the transaction');
      const rows = resultRows<{ variant_id: string; quantity: number; on_hand_after: number }>(
        await movementsOf(database.db),
      );
      // The reservation's lines go in variant order, a variant's lines in the cart's order.
      const ofA = [
        [a, -2, 8],
        [a, -3, 5],
      ];
      const ofB = [[b, -1, 3]];
      const expected = a! < b! ? [...ofA, ...ofB] : [...ofB, ...ofA];
      assert.deepEqual(
        rows.map((r) => [r.variant_id, Number(r.quantity), Number(r.on_hand_after)]),
        expected,
      );
      assert.deepEqual([(await stockOf(a!)).onHand, (await stockOf(a!)).reserved], [5, 0]);
      assert.deepEqual([(await stockOf(b!)).onHand, (await stockOf(b!)).reserved], [3, 0]);
      const report = await verifyInventory(database.db, { storeIds: [store.id] });
      assert.deepEqual([report.drift, report.balanceBreaks], [[], []]);
    });

    test('two reservations over the same levels, committed at once in their own transactions, both sell', async () => {
      const [a, b] = await makeVariants(database, store, 2);
      await receive(a!, warehouse.id, 4);
      await receive(b!, warehouse.id, 4);
      const reserve = (items: { variantId: string; quantity: number }[]) =>
        database.db.transaction((tx) => reserveStock(tx, store.id, { items }));
      const first = await reserve([
        { variantId: a!, quantity: 1 },
        { variantId: b!, quantity: 1 },
      ]);
      const second = await reserve([
        { variantId: b!, quantity: 2 },
        { variantId: a!, quantity: 2 },
      ]);
      const results = await Promise.all(
        [first, second].map((held, n) =>
          database.db.transaction((tx) =>
            commitReservation(tx, store.id, actor, held.id, { type: 'order', id: `ord_both_${n}` }),
          ),
        ),
      );
      assert.deepEqual(
        results.map((r) => r.reservation.state),
        ['committed', 'committed'],
      );
      assert.ok(results.every((r) => r.movements.every((m) => m.seq > 0)));
      assert.deepEqual([(await stockOf(a!)).onHand, (await stockOf(b!)).onHand], [1, 1]);
      assert.deepEqual([(await stockOf(a!)).reserved, (await stockOf(b!)).reserved], [0, 0]);
    });

    test('expired reservations are released by the job and can no longer be committed', async () => {
      const [a] = await makeVariants(database, store, 1);
      await receive(a!, warehouse.id, 2);
      const held = await database.db.transaction((tx) =>
        reserveStock(tx, store.id, { items: [{ variantId: a!, quantity: 2 }], ttlSeconds: 10 }),
      );
      await database.execute(
        `update inventory_reservations set expires_at = now() - interval '1 second' where id = $1`,
        [held.id],
      );
      assert.equal(
        await codeOf(database.db.transaction((tx) => commitReservation(tx, store.id, actor, held.id))),
        'reservation_expired',
      );
      assert.ok((await releaseExpiredReservations(database.db)) >= 1);
      assert.equal((await stockOf(a!)).available, 2);
      assert.equal(
        await codeOf(database.db.transaction((tx) => commitReservation(tx, store.id, actor, held.id))),
        'reservation_expired',
      );
    });

    test('a decrease below what is reserved is refused; bad variants and locations are named', async () => {
      const [a] = await makeVariants(database, store, 1);
      await receive(a!, warehouse.id, 3);
      await database.db.transaction((tx) =>
        reserveStock(tx, store.id, { items: [{ variantId: a!, quantity: 2 }] }),
      );
      const damaged = (quantity: number) =>
        database.db.transaction((tx) =>
          recordMovements(tx, store.id, actor, [
            { variantId: a!, locationId: warehouse.id, kind: 'adjustment', reason: 'damaged', quantity },
          ]),
        );
      assert.equal(await codeOf(damaged(-2)), 'insufficient_stock');
      await damaged(-1);
      assert.deepEqual([(await stockOf(a!)).onHand, (await stockOf(a!)).available], [2, 0]);
      assert.equal(
        await codeOf(
          database.db.transaction((tx) =>
            recordMovements(tx, store.id, actor, [
              { variantId: 'var_nope', locationId: warehouse.id, kind: 'receive', quantity: 1 },
            ]),
          ),
        ),
        'unknown_variant',
      );
      assert.equal(await codeOf(receive(a!, 'loc_nope', 1)), 'unknown_location');
    });

    test('the ledger accounts for every level: verify finds no drift, and finds a tampered level', async () => {
      const clean = await verifyInventory(database.db, { storeIds: [store.id] });
      assert.deepEqual([clean.drift, clean.balanceBreaks], [[], []]);
      assert.ok(clean.movements > 0 && clean.levels > 0);
      const [level] = await database.execute<{ variant_id: string; location_id: string }>(
        'select variant_id, location_id from inventory_levels where store_id = $1 limit 1',
        [store.id],
      );
      await database.execute(
        'update inventory_levels set on_hand = on_hand + 7 where variant_id = $1 and location_id = $2',
        [level!.variant_id, level!.location_id],
      );
      const tampered = await verifyInventory(database.db, { storeIds: [store.id] });
      assert.equal(tampered.drift.length, 1);
      assert.equal(tampered.drift[0]!.onHand - tampered.drift[0]!.ledgerOnHand, 7);
      await database.execute(
        'update inventory_levels set on_hand = on_hand - 7 where variant_id = $1 and location_id = $2',
        [level!.variant_id, level!.location_id],
      );
      await assert.rejects(
        database.execute('delete from inventory_movements where store_id = $1', [store.id]),
        /append-only/,
      );
    });

    test('verify checks each kept low/out state against the stock, which the "in stock" filter reads', async () => {
      const clean = await verifyInventory(database.db, { storeIds: [store.id] });
      assert.deepEqual(clean.stateMismatches, []);
      const [item] = await database.execute<{ variant_id: string; stock_state: string }>(
        `select variant_id, stock_state from inventory_items
         where store_id = $1 and tracked and stock_state <> 'out' order by variant_id limit 1`,
        [store.id],
      );
      await database.execute(`update inventory_items set stock_state = 'out' where variant_id = $1`, [
        item!.variant_id,
      ]);
      const tampered = await verifyInventory(database.db, { storeIds: [store.id] });
      assert.deepEqual(
        tampered.stateMismatches.map((m) => [m.variantId, m.recorded, m.expected]),
        [[item!.variant_id, 'out', item!.stock_state]],
      );
      await database.execute('update inventory_items set stock_state = $2 where variant_id = $1', [
        item!.variant_id,
        item!.stock_state,
      ]);
    });
  });
}
