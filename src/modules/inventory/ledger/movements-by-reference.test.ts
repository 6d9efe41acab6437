import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeStore } from '../../../../test/support/app-harness.ts';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { reserveStock } from '../reservations/reserve-stock.ts';
import { commitReservation } from '../reservations/settle-reservation.ts';
import { inventoryTestActor as actor, makeLocation, makeVariants } from '../testing/inventory-fixtures.ts';
import { movementsByReference } from './movements-by-reference.ts';
import { recordMovements } from './record-movements.ts';

for (const target of testDatabaseTargets()) {
  describe(`movements by reference on ${target.label}`, () => {
    let database: Database;
    before(async () => {
      database = await target.create();
    });
    after(async () => {
      await database.close();
    });

    test("lists one cause's movements, in the order applied, and nothing of other causes or stores", async () => {
      const store = await makeStore(database, 'ref-shop');
      const other = await makeStore(database, 'ref-other');
      const north = await makeLocation(database, store.id, 'North', { priority: 0 });
      const south = await makeLocation(database, store.id, 'South', { priority: 1 });
      const [shirt] = await makeVariants(database, store, 1);
      await database.db.transaction((tx) =>
        recordMovements(tx, store.id, actor, [
          { variantId: shirt!, locationId: north.id, kind: 'receive', quantity: 2 },
          { variantId: shirt!, locationId: south.id, kind: 'receive', quantity: 1 },
        ]),
      );
      // Neither location holds 3, so the sale is split: North's 2 first (its priority), then 1 from South.
      const order = { type: 'order', id: 'ord_under_test' };
      await database.db.transaction(async (tx) => {
        const reservation = await reserveStock(tx, store.id, { items: [{ variantId: shirt!, quantity: 3 }] });
        await commitReservation(tx, store.id, actor, reservation.id, order);
      });
      await database.db.transaction((tx) =>
        recordMovements(tx, store.id, actor, [
          {
            variantId: shirt!,
            locationId: south.id,
            kind: 'return',
            quantity: 1,
            referenceType: 'order',
            referenceId: order.id,
          },
          {
            variantId: shirt!,
            locationId: south.id,
            kind: 'return',
            quantity: 1,
            referenceType: 'refund',
            referenceId: 'rfd_x',
          },
        ]),
      );

      const movements = await movementsByReference(database.db, store.id, order);
      assert.deepEqual(
        movements.map((m) => [m.kind, m.locationId, m.quantity]),
        [
          ['sale', north.id, -2],
          ['sale', south.id, -1],
          ['return', south.id, 1],
        ],
      );
      assert.deepEqual(await movementsByReference(database.db, other.id, order), []);
      assert.deepEqual(
        (await movementsByReference(database.db, store.id, { type: 'refund', id: 'rfd_x' })).map(
          (m) => m.quantity,
        ),
        [1],
      );
    });
  });
}
