import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  makeApiKey,
  makeStore,
  startTestApp,
  type TestApp,
  withApiKey,
} from '../../../../test/support/app-harness.ts';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { recordMovements } from '../ledger/record-movements.ts';
import { variantStock } from '../levels.ts';
import { reserveStock } from '../reservations/reserve-stock.ts';
import { inventoryTestActor as actor, makeLocation, makeVariants } from '../testing/inventory-fixtures.ts';
import { verifyInventory } from '../verify/verify-ledger.ts';

const written = [
  'inventory_transfers',
  'inventory_transfer_lines',
  'inventory_movements',
  'inventory_levels',
  'audit_log',
  'outbox_events',
];

for (const target of testDatabaseTargets()) {
  describe(`stock transfers on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let store: { id: string; baseCurrency: string };
    let api: ReturnType<typeof withApiKey>;
    let readOnly: ReturnType<typeof withApiKey>;
    let warehouse: { id: string };
    let shop: { id: string };
    let base: string;

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      store = await makeStore(database, 'transfers');
      api = withApiKey(sp.app, await makeApiKey(database, store.id, ['inventory:read', 'inventory:write']));
      readOnly = withApiKey(sp.app, await makeApiKey(database, store.id, ['inventory:read']));
      warehouse = await makeLocation(database, store.id, 'Warehouse', { priority: 1 });
      shop = await makeLocation(database, store.id, 'Shop', { kind: 'retail', priority: 2 });
      base = `/api/admin/stores/${store.id}/inventory`;
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    const receive = (variantId: string, locationId: string, quantity: number) =>
      database.db.transaction((tx) =>
        recordMovements(tx, store.id, actor, [{ variantId, locationId, kind: 'receive', quantity }]),
      );
    /** [on hand, reserved, incoming] of a variant at a location. */
    const at = async (variantId: string, locationId: string) => {
      const stock = (await variantStock(database.db, store.id, [variantId])).get(variantId)!;
      const level = stock.locations.find((l) => l.locationId === locationId);
      return [level?.onHand ?? 0, level?.reserved ?? 0, level?.incoming ?? 0];
    };
    const rowCounts = async () => {
      const counts: Record<string, number> = {};
      for (const table of written) {
        const [row] = await database.execute<{ n: string | number }>(`select count(*) as n from ${table}`);
        counts[table] = Number(row!.n);
      }
      return counts;
    };
    const draft = async (
      lines: { variantId: string; quantity: number }[],
      from = warehouse.id,
      to = shop.id,
    ) => {
      const res = await api({
        method: 'POST',
        url: `${base}/transfers`,
        payload: { fromLocationId: from, toLocationId: to, lines },
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().transfer as { id: string; name: string; state: string; number: number };
    };
    const step = (id: string, name: 'ship' | 'receive' | 'cancel', payload?: object) =>
      api({ method: 'POST', url: `${base}/transfers/${id}/${name}`, ...(payload ? { payload } : {}) });

    test('a transfer ships, arrives in parts and is received: levels, incoming and the ledger add up', async () => {
      const [a, b] = await makeVariants(database, store, 2);
      await receive(a!, warehouse.id, 10);
      await receive(b!, warehouse.id, 5);
      const transfer = await draft([
        { variantId: a!, quantity: 4 },
        { variantId: b!, quantity: 5 },
      ]);
      assert.match(transfer.name, /^TR-\d{4,}$/);
      assert.equal(transfer.state, 'draft');
      assert.deepEqual(await at(a!, warehouse.id), [10, 0, 0], 'a draft moves nothing');

      const edited = await api({
        method: 'PATCH',
        url: `${base}/transfers/${transfer.id}`,
        payload: {
          note: 'Restock the shop',
          lines: [
            { variantId: a!, quantity: 6 },
            { variantId: b!, quantity: 5 },
          ],
        },
      });
      assert.equal(edited.statusCode, 200, edited.body);
      assert.deepEqual(
        edited.json().transfer.lines.map((l: { quantity: number }) => l.quantity),
        [6, 5],
      );

      const shipped = await step(transfer.id, 'ship');
      assert.equal(shipped.statusCode, 200, shipped.body);
      assert.equal(shipped.json().transfer.state, 'in_transit');
      assert.deepEqual(
        shipped.json().movements.map((m: { kind: string; quantity: number }) => [m.kind, m.quantity]),
        [
          ['transfer_out', -6],
          ['transfer_out', -5],
        ],
      );
      assert.deepEqual(await at(a!, warehouse.id), [4, 0, 0]);
      assert.deepEqual(await at(a!, shop.id), [0, 0, 6], 'in transit counts as incoming at the destination');
      assert.deepEqual(await at(b!, shop.id), [0, 0, 5]);

      const partial = await step(transfer.id, 'receive', { lines: [{ variantId: a!, quantity: 2 }] });
      assert.equal(partial.statusCode, 200, partial.body);
      assert.equal(partial.json().transfer.state, 'in_transit', 'a partial receipt keeps it in transit');
      assert.deepEqual(await at(a!, shop.id), [2, 0, 4]);

      const before = await rowCounts();
      const over = await step(transfer.id, 'receive', { lines: [{ variantId: a!, quantity: 5 }] });
      assert.equal(over.statusCode, 409, over.body);
      assert.equal(over.json().error.code, 'receipt_exceeds_shipped');
      assert.equal(over.json().error.details.path, 'lines.0.quantity');
      assert.equal(over.json().error.details.remaining, 4);
      assert.deepEqual(await rowCounts(), before, 'a refused receipt writes nothing');

      const rest = await step(transfer.id, 'receive');
      assert.equal(rest.statusCode, 200, rest.body);
      const received = rest.json().transfer;
      assert.equal(received.state, 'received');
      assert.ok(received.receivedAt);
      assert.deepEqual(
        received.lines.map((l: { quantityReceived: number; quantityOutstanding: number }) => [
          l.quantityReceived,
          l.quantityOutstanding,
        ]),
        [
          [6, 0],
          [5, 0],
        ],
      );
      assert.deepEqual(await at(a!, shop.id), [6, 0, 0]);
      assert.deepEqual(await at(b!, shop.id), [5, 0, 0]);
      assert.deepEqual(await at(b!, warehouse.id), [0, 0, 0]);

      const ledger = await database.execute<{ variant_id: string; kind: string; units: string | number }>(
        `select variant_id, kind, sum(quantity) as units from inventory_movements
         where reference_type = 'transfer' and reference_id = $1 group by variant_id, kind order by variant_id, kind`,
        [transfer.id],
      );
      for (const variantId of [a!, b!]) {
        const rows = ledger.filter((r) => r.variant_id === variantId);
        assert.equal(
          rows.reduce((n, r) => n + Number(r.units), 0),
          0,
          'what left the source arrived at the destination',
        );
      }
      const events = await database.execute<{ type: string }>(
        `select type from outbox_events where payload->>'transferId' = $1 order by created_at, id`,
        [transfer.id],
      );
      assert.deepEqual(
        events.map((e) => e.type),
        ['transfer.shipped', 'transfer.received', 'transfer.received'],
      );
      const audit = await database.execute<{ action: string }>(
        'select action from audit_log where entity_id = $1 order by at, id',
        [transfer.id],
      );
      assert.deepEqual(
        audit.map((r) => r.action),
        [
          'inventory_transfer.created',
          'inventory_transfer.updated',
          'inventory_transfer.shipped',
          'inventory_transfer.received',
          'inventory_transfer.received',
        ],
      );
      const report = await verifyInventory(database.db, { storeIds: [store.id] });
      assert.deepEqual([report.drift, report.balanceBreaks], [[], []]);

      const again = await step(transfer.id, 'receive');
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'invalid_transfer_state');
      const late = await api({
        method: 'PATCH',
        url: `${base}/transfers/${transfer.id}`,
        payload: { note: 'x' },
      });
      assert.equal(late.json().error.code, 'invalid_transfer_state');

      const list = await api({ url: `${base}/transfers?state=received` });
      assert.equal(list.statusCode, 200, list.body);
      const listed = list.json().items.find((t: { id: string }) => t.id === transfer.id);
      assert.deepEqual(
        [listed.name, listed.fromLocationName, listed.toLocationName, listed.units, listed.unitsReceived],
        [transfer.name, 'Warehouse', 'Shop', 11, 11],
      );
    });

    test('shipping never takes reserved units or goes below zero, and writes nothing when it cannot', async () => {
      const [held] = await makeVariants(database, store, 1);
      await receive(held!, warehouse.id, 3);
      await database.db.transaction((tx) =>
        reserveStock(tx, store.id, { items: [{ variantId: held!, quantity: 2 }] }),
      );
      const [backorder] = await makeVariants(database, store, 1, { policy: 'continue' });
      await receive(backorder!, warehouse.id, 1);
      const [free] = await makeVariants(database, store, 1);
      await receive(free!, warehouse.id, 9);

      const blocked = await draft([
        { variantId: free!, quantity: 9 },
        { variantId: held!, quantity: 2 },
      ]);
      const before = await rowCounts();
      const refused = await step(blocked.id, 'ship');
      assert.equal(refused.statusCode, 409, refused.body);
      assert.equal(refused.json().error.code, 'insufficient_stock');
      assert.equal(refused.json().error.details.path, 'lines.1.quantity');
      assert.deepEqual(await rowCounts(), before, 'no line moved');
      assert.deepEqual(await at(free!, warehouse.id), [9, 0, 0]);
      assert.equal((await api({ url: `${base}/transfers/${blocked.id}` })).json().transfer.state, 'draft');

      const oversold = await draft([{ variantId: backorder!, quantity: 2 }]);
      const refusedToo = await step(oversold.id, 'ship');
      assert.equal(refusedToo.statusCode, 409, 'a variant that keeps selling still ships only what is there');
      assert.equal(refusedToo.json().error.code, 'insufficient_stock');

      const fits = await api({
        method: 'PATCH',
        url: `${base}/transfers/${blocked.id}`,
        payload: { lines: [{ variantId: held!, quantity: 1 }] },
      });
      assert.equal(fits.statusCode, 200, fits.body);
      assert.equal((await step(blocked.id, 'ship')).statusCode, 200);
      assert.deepEqual(await at(held!, warehouse.id), [2, 2, 0], 'the reserved units stayed');
    });

    test('cancelling: a draft just closes; in transit, the units not received go back to the source', async () => {
      const [v] = await makeVariants(database, store, 1);
      await receive(v!, warehouse.id, 8);
      const closed = await draft([{ variantId: v!, quantity: 3 }]);
      const before = await database.execute('select id from inventory_movements');
      const cancelled = await step(closed.id, 'cancel');
      assert.equal(cancelled.statusCode, 200, cancelled.body);
      assert.equal(cancelled.json().transfer.state, 'cancelled');
      assert.equal((await database.execute('select id from inventory_movements')).length, before.length);

      const moving = await draft([{ variantId: v!, quantity: 5 }]);
      await step(moving.id, 'ship');
      await step(moving.id, 'receive', { lines: [{ variantId: v!, quantity: 2 }] });
      assert.deepEqual(await at(v!, warehouse.id), [3, 0, 0]);
      assert.deepEqual(await at(v!, shop.id), [2, 0, 3]);
      const stopped = await step(moving.id, 'cancel');
      assert.equal(stopped.statusCode, 200, stopped.body);
      assert.deepEqual(
        stopped
          .json()
          .movements.map((m: { kind: string; quantity: number; locationId: string }) => [
            m.kind,
            m.quantity,
            m.locationId,
          ]),
        [['transfer_in', 3, warehouse.id]],
      );
      assert.deepEqual(await at(v!, warehouse.id), [6, 0, 0], 'the 3 units not received are back');
      assert.deepEqual(await at(v!, shop.id), [2, 0, 0], 'received units stay; nothing is incoming any more');
      const again = await step(moving.id, 'cancel');
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'invalid_transfer_state');
      const shipCancelled = await step(closed.id, 'ship');
      assert.equal(shipCancelled.json().error.code, 'invalid_transfer_state');
      const report = await verifyInventory(database.db, { storeIds: [store.id] });
      assert.deepEqual([report.drift, report.balanceBreaks], [[], []]);
    });

    test('bad input gets a 4xx with a code and writes nothing', async () => {
      const [v, w] = await makeVariants(database, store, 2);
      await receive(v!, warehouse.id, 5);
      const [untracked] = await makeVariants(database, store, 1);
      await api({ method: 'PATCH', url: `${base}/variants/${untracked}`, payload: { tracked: false } });
      const closed = await makeLocation(database, store.id, 'Closed store', { kind: 'retail' });
      await database.execute('update inventory_locations set active = false where id = $1', [closed.id]);
      const other = await makeStore(database, 'transfers-other');
      const foreign = await makeLocation(database, other.id, 'Elsewhere');
      const line = { variantId: v!, quantity: 1 };
      const cases: [string, object, number, string, string?][] = [
        [
          'same ends',
          { fromLocationId: shop.id, toLocationId: shop.id, lines: [line] },
          422,
          'same_location',
          'toLocationId',
        ],
        [
          'unknown location',
          { fromLocationId: warehouse.id, toLocationId: 'loc_nope', lines: [line] },
          422,
          'unknown_location',
          'toLocationId',
        ],
        [
          "another store's location",
          { fromLocationId: foreign.id, toLocationId: shop.id, lines: [line] },
          422,
          'unknown_location',
          'fromLocationId',
        ],
        [
          'inactive location',
          { fromLocationId: warehouse.id, toLocationId: closed.id, lines: [line] },
          422,
          'location_inactive',
          'toLocationId',
        ],
        [
          'negative quantity',
          { fromLocationId: warehouse.id, toLocationId: shop.id, lines: [{ variantId: v!, quantity: -2 }] },
          400,
          'validation_failed',
        ],
        [
          'zero quantity',
          { fromLocationId: warehouse.id, toLocationId: shop.id, lines: [{ variantId: v!, quantity: 0 }] },
          400,
          'validation_failed',
        ],
        [
          'fractional quantity',
          { fromLocationId: warehouse.id, toLocationId: shop.id, lines: [{ variantId: v!, quantity: 1.5 }] },
          400,
          'validation_failed',
        ],
        [
          'no lines',
          { fromLocationId: warehouse.id, toLocationId: shop.id, lines: [] },
          400,
          'validation_failed',
        ],
        [
          'unknown variant',
          {
            fromLocationId: warehouse.id,
            toLocationId: shop.id,
            lines: [line, { variantId: 'var_nope', quantity: 1 }],
          },
          422,
          'unknown_variant',
          'lines.1.variantId',
        ],
        [
          'a variant twice',
          {
            fromLocationId: warehouse.id,
            toLocationId: shop.id,
            lines: [line, { variantId: v!, quantity: 2 }],
          },
          422,
          'duplicate_variant',
          'lines.1.variantId',
        ],
        [
          'untracked variant',
          {
            fromLocationId: warehouse.id,
            toLocationId: shop.id,
            lines: [{ variantId: untracked!, quantity: 1 }],
          },
          422,
          'variant_not_tracked',
          'lines.0.variantId',
        ],
      ];
      const before = await rowCounts();
      for (const [label, payload, status, code, path] of cases) {
        const res = await api({ method: 'POST', url: `${base}/transfers`, payload });
        assert.equal(res.statusCode, status, `${label}: ${res.body}`);
        assert.equal(res.json().error.code, code, label);
        if (path) assert.equal(res.json().error.details.path, path, label);
      }
      const missing = await step('trf_01jzzzzzzzzzzzzzzzzzzzzzzz', 'ship');
      assert.equal(missing.statusCode, 404);
      const denied = await readOnly({
        method: 'POST',
        url: `${base}/transfers`,
        payload: { fromLocationId: warehouse.id, toLocationId: shop.id, lines: [line] },
      });
      assert.equal(denied.statusCode, 403);
      assert.deepEqual(await rowCounts(), before);

      const transfer = await draft([{ variantId: w!, quantity: 1 }]);
      const afterDraft = await rowCounts();
      const badEdit = await api({
        method: 'PATCH',
        url: `${base}/transfers/${transfer.id}`,
        payload: { toLocationId: warehouse.id },
      });
      assert.equal(badEdit.json().error.code, 'same_location');
      const badReceipt = await step(transfer.id, 'receive');
      assert.equal(badReceipt.statusCode, 409, 'a draft cannot be received');
      assert.equal(badReceipt.json().error.code, 'invalid_transfer_state');
      assert.deepEqual(await rowCounts(), afterDraft);
    });
  });
}
