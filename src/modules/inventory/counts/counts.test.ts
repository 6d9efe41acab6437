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
import { reserveStock } from '../reservations/reserve-stock.ts';
import { inventoryTestActor as actor, makeLocation, makeVariants } from '../testing/inventory-fixtures.ts';
import { verifyInventory } from '../verify/verify-ledger.ts';

const written = [
  'inventory_counts',
  'inventory_count_lines',
  'inventory_movements',
  'inventory_levels',
  'audit_log',
  'outbox_events',
];

interface ReportLine {
  variantId: string;
  expectedQuantity: number;
  countedQuantity: number | null;
  onHand: number;
  variance: number | null;
  varianceValueAmount: number | null;
  appliedDelta: number | null;
}

for (const target of testDatabaseTargets()) {
  describe(`stock counts on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let store: { id: string; baseCurrency: string };
    let api: ReturnType<typeof withApiKey>;
    let base: string;

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      store = await makeStore(database, 'counts', 'EUR');
      api = withApiKey(sp.app, await makeApiKey(database, store.id, ['inventory:read', 'inventory:write']));
      base = `/api/admin/stores/${store.id}/inventory`;
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    const move = (variantId: string, locationId: string, quantity: number, kind: 'receive' | 'adjustment') =>
      database.db.transaction((tx) =>
        recordMovements(tx, store.id, actor, [
          {
            variantId,
            locationId,
            kind,
            quantity,
            ...(kind === 'adjustment' ? { reason: 'damaged' as const } : {}),
          },
        ]),
      );
    const onHandAt = async (variantId: string, locationId: string) => {
      const [row] = await database.execute<{ on_hand: number }>(
        'select on_hand from inventory_levels where variant_id = $1 and location_id = $2',
        [variantId, locationId],
      );
      return Number(row?.on_hand ?? 0);
    };
    const rowCounts = async () => {
      const counts: Record<string, number> = {};
      for (const table of written) {
        const [row] = await database.execute<{ n: string | number }>(`select count(*) as n from ${table}`);
        counts[table] = Number(row!.n);
      }
      return counts;
    };
    const lineOf = (body: { lines: ReportLine[] }, variantId: string) =>
      body.lines.find((l) => l.variantId === variantId)!;

    test('a sheet expects on hand, reports the variance and its value, and applies it in one go', async () => {
      const room = await makeLocation(database, store.id, 'Stock room');
      const elsewhere = await makeLocation(database, store.id, 'Elsewhere');
      const [a, b, c] = await makeVariants(database, store, 3);
      const [untracked] = await makeVariants(database, store, 1);
      await move(a!, room.id, 10, 'receive');
      await move(b!, room.id, 5, 'receive');
      await move(c!, elsewhere.id, 4, 'receive');
      await move(untracked!, room.id, 2, 'receive');
      await database.execute('update inventory_items set tracked = false where variant_id = $1', [untracked]);
      await database.execute('update inventory_items set average_cost_amount = 250 where variant_id = $1', [
        a,
      ]);

      const created = await api({ method: 'POST', url: `${base}/counts`, payload: { locationId: room.id } });
      assert.equal(created.statusCode, 201, created.body);
      const sheet = created.json();
      const id = sheet.count.id as string;
      assert.match(sheet.count.name, /^CNT-\d{4,}$/);
      assert.equal(sheet.count.locationName, 'Stock room');
      assert.deepEqual(
        sheet.lines.map((l: ReportLine) => [l.variantId, l.expectedQuantity, l.countedQuantity]).sort(),
        [
          [a, 10, null],
          [b, 5, null],
        ].sort(),
        'every tracked variant stocked here, expecting its on hand; not other locations, not untracked ones',
      );

      const counted = await api({
        method: 'PATCH',
        url: `${base}/counts/${id}/lines`,
        payload: { lines: [{ variantId: a!, countedQuantity: 8 }] },
      });
      assert.equal(counted.statusCode, 200, counted.body);
      const more = await api({
        method: 'PATCH',
        url: `${base}/counts/${id}/lines`,
        payload: { lines: [{ variantId: b!, countedQuantity: 7 }] },
      });
      assert.equal(lineOf(more.json(), a!).countedQuantity, 8, 'an earlier partial entry is kept');

      // A unit of a leaves after counting: the variance is against on hand now.
      await move(a!, room.id, -1, 'adjustment');
      const report = (await api({ url: `${base}/counts/${id}` })).json();
      assert.deepEqual(
        [lineOf(report, a!).onHand, lineOf(report, a!).variance, lineOf(report, a!).varianceValueAmount],
        [9, -1, -250],
      );
      assert.deepEqual(
        [lineOf(report, b!).variance, lineOf(report, b!).varianceValueAmount],
        [2, null],
        'no average cost: no value',
      );
      assert.deepEqual(report.totals, {
        lines: 2,
        countedLines: 2,
        linesWithVariance: 2,
        unitsOver: 2,
        unitsShort: 1,
        netUnits: 1,
        valueOverAmount: 0,
        valueShortAmount: 250,
        netValueAmount: -250,
        linesWithoutCost: 1,
        currency: 'EUR',
      });

      const applied = await api({ method: 'POST', url: `${base}/counts/${id}/apply` });
      assert.equal(applied.statusCode, 200, applied.body);
      const result = applied.json();
      assert.equal(result.count.state, 'applied');
      assert.deepEqual(
        result.movements
          .map((m: { variantId: string; kind: string; quantity: number; referenceId: string }) => [
            m.variantId,
            m.kind,
            m.quantity,
            m.referenceId,
          ])
          .sort(),
        [
          [a, 'count', -1, id],
          [b, 'count', 2, id],
        ].sort(),
      );
      assert.deepEqual([lineOf(result, a!).appliedDelta, lineOf(result, b!).appliedDelta], [-1, 2]);
      assert.deepEqual([await onHandAt(a!, room.id), await onHandAt(b!, room.id)], [8, 7]);
      const events = await database.execute<{ type: string }>(
        `select type from outbox_events where payload->>'countId' = $1`,
        [id],
      );
      assert.deepEqual(
        events.map((e) => e.type),
        ['count.applied'],
      );
      const audit = await database.execute<{ action: string }>(
        'select action from audit_log where entity_id = $1 order by at, id',
        [id],
      );
      assert.deepEqual(
        audit.map((r) => r.action),
        [
          'inventory_count.created',
          'inventory_count.counted',
          'inventory_count.counted',
          'inventory_count.applied',
        ],
      );
      const verified = await verifyInventory(database.db, { storeIds: [store.id] });
      assert.deepEqual([verified.drift, verified.balanceBreaks], [[], []]);

      const again = await api({ method: 'POST', url: `${base}/counts/${id}/apply` });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'invalid_count_state');
      const late = await api({
        method: 'PATCH',
        url: `${base}/counts/${id}/lines`,
        payload: { lines: [{ variantId: a!, countedQuantity: 1 }] },
      });
      assert.equal(late.json().error.code, 'invalid_count_state');
      const list = (await api({ url: `${base}/counts?state=applied` })).json();
      assert.deepEqual(
        list.items
          .filter((c: { id: string }) => c.id === id)
          .map((c: { lineCount: number; countedLines: number }) => [c.lineCount, c.countedLines]),
        [[2, 2]],
      );
    });

    test('a count of listed variants: matching lines change nothing, uncounted lines are left alone', async () => {
      const bin = await makeLocation(database, store.id, 'Bin');
      const [same, uncounted, fresh] = await makeVariants(database, store, 3);
      await move(same!, bin.id, 3, 'receive');
      await move(uncounted!, bin.id, 6, 'receive');
      await api({ method: 'PATCH', url: `${base}/variants/${fresh}`, payload: { tracked: true } });
      const created = await api({
        method: 'POST',
        url: `${base}/counts`,
        payload: { locationId: bin.id, variantIds: [same, uncounted, fresh] },
      });
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().count.id;
      assert.equal(lineOf(created.json(), fresh!).expectedQuantity, 0, 'tracked, nothing here yet');
      await api({
        method: 'PATCH',
        url: `${base}/counts/${id}/lines`,
        payload: {
          lines: [
            { variantId: same!, countedQuantity: 3 },
            { variantId: fresh!, countedQuantity: 4 },
          ],
        },
      });
      const applied = (await api({ method: 'POST', url: `${base}/counts/${id}/apply` })).json();
      assert.deepEqual(
        applied.movements.map((m: { variantId: string; quantity: number }) => [m.variantId, m.quantity]),
        [[fresh, 4]],
      );
      assert.deepEqual(
        [same, uncounted, fresh].map((v) => lineOf(applied, v!).appliedDelta),
        [0, null, 4],
      );
      assert.deepEqual(
        [await onHandAt(same!, bin.id), await onHandAt(uncounted!, bin.id), await onHandAt(fresh!, bin.id)],
        [3, 6, 4],
      );
    });

    test('applying refuses counts below what is reserved there, lists them, and changes nothing', async () => {
      const shelf = await makeLocation(database, store.id, 'Shelf');
      const [held, fine] = await makeVariants(database, store, 2);
      await move(held!, shelf.id, 5, 'receive');
      await move(fine!, shelf.id, 5, 'receive');
      await database.db.transaction((tx) =>
        reserveStock(tx, store.id, { items: [{ variantId: held!, quantity: 3 }] }),
      );
      const id = (
        await api({
          method: 'POST',
          url: `${base}/counts`,
          payload: { locationId: shelf.id, variantIds: [held, fine] },
        })
      ).json().count.id;
      await api({
        method: 'PATCH',
        url: `${base}/counts/${id}/lines`,
        payload: {
          lines: [
            { variantId: held!, countedQuantity: 2 },
            { variantId: fine!, countedQuantity: 1 },
          ],
        },
      });
      const before = await rowCounts();
      const refused = await api({ method: 'POST', url: `${base}/counts/${id}/apply` });
      assert.equal(refused.statusCode, 409, refused.body);
      assert.equal(refused.json().error.code, 'count_below_reserved');
      assert.deepEqual(refused.json().error.details.lines, [
        { variantId: held, countedQuantity: 2, reserved: 3 },
      ]);
      assert.deepEqual(await rowCounts(), before);
      assert.deepEqual([await onHandAt(held!, shelf.id), await onHandAt(fine!, shelf.id)], [5, 5]);
      assert.equal((await api({ url: `${base}/counts/${id}` })).json().count.state, 'open');
    });

    test('bad input gets a 4xx with a code and writes nothing', async () => {
      const room = await makeLocation(database, store.id, 'Back room');
      const empty = await makeLocation(database, store.id, 'Empty');
      const [v] = await makeVariants(database, store, 1);
      const [neverTracked, untracked] = await makeVariants(database, store, 2);
      await move(v!, room.id, 2, 'receive');
      await api({ method: 'PATCH', url: `${base}/variants/${untracked}`, payload: { tracked: false } });
      const open = (
        await api({ method: 'POST', url: `${base}/counts`, payload: { locationId: room.id } })
      ).json();
      const id = open.count.id as string;

      const before = await rowCounts();
      const creations: [string, object, number, string, string?][] = [
        ['unknown location', { locationId: 'loc_nope' }, 422, 'unknown_location', 'locationId'],
        ['nothing stocked', { locationId: empty.id }, 422, 'nothing_to_count', 'locationId'],
        [
          'unknown variant',
          { locationId: room.id, variantIds: [v, 'var_nope'] },
          422,
          'unknown_variant',
          'variantIds.1',
        ],
        [
          'untracked variant',
          { locationId: room.id, variantIds: [untracked] },
          422,
          'variant_not_tracked',
          'variantIds.0',
        ],
        [
          'never tracked',
          { locationId: room.id, variantIds: [neverTracked] },
          422,
          'variant_not_tracked',
          'variantIds.0',
        ],
        ['empty list', { locationId: room.id, variantIds: [] }, 400, 'validation_failed'],
      ];
      for (const [label, payload, status, code, path] of creations) {
        const res = await api({ method: 'POST', url: `${base}/counts`, payload });
        assert.equal(res.statusCode, status, `${label}: ${res.body}`);
        assert.equal(res.json().error.code, code, label);
        if (path) assert.equal(res.json().error.details.path, path, label);
      }
      const entries: [string, unknown, number, string][] = [
        ['negative', -1, 400, 'validation_failed'],
        ['fraction', 1.5, 400, 'validation_failed'],
        ['text', '3', 400, 'validation_failed'],
        ['huge', 1e12, 400, 'validation_failed'],
      ];
      for (const [label, countedQuantity, status, code] of entries) {
        const res = await api({
          method: 'PATCH',
          url: `${base}/counts/${id}/lines`,
          payload: { lines: [{ variantId: v, countedQuantity }] },
        });
        assert.equal(res.statusCode, status, `${label}: ${res.body}`);
        assert.equal(res.json().error.code, code, label);
      }
      const offSheet = await api({
        method: 'PATCH',
        url: `${base}/counts/${id}/lines`,
        payload: { lines: [{ variantId: untracked, countedQuantity: 1 }] },
      });
      assert.equal(offSheet.statusCode, 422);
      assert.equal(offSheet.json().error.code, 'unknown_line');
      const nothing = await api({ method: 'POST', url: `${base}/counts/${id}/apply` });
      assert.equal(nothing.statusCode, 422);
      assert.equal(nothing.json().error.code, 'nothing_counted');
      const missing = await api({
        method: 'POST',
        url: `${base}/counts/cnt_01jzzzzzzzzzzzzzzzzzzzzzzz/apply`,
      });
      assert.equal(missing.statusCode, 404);
      assert.deepEqual(await rowCounts(), before);

      const cancelled = await api({ method: 'POST', url: `${base}/counts/${id}/cancel` });
      assert.equal(cancelled.statusCode, 200, cancelled.body);
      assert.equal(cancelled.json().count.state, 'cancelled');
      const applyCancelled = await api({ method: 'POST', url: `${base}/counts/${id}/apply` });
      assert.equal(applyCancelled.json().error.code, 'invalid_count_state');
    });
  });
}
