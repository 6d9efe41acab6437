// Reorder suggestions over HTTP: the supplier each variant is bought from, the quantity in whole
// packs with the numbers behind it, variants that need nothing or have no supplier, every
// running-out variant grouped by supplier, and refused input.
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
import { inventoryTestActor as actor, makeLocation, makeVariants } from '../testing/inventory-fixtures.ts';
import type { ReorderSuggestion, ReorderSuggestions } from './reorder-suggestions.ts';

const day = 24 * 3600 * 1000;
const daysAgo = (n: number) => new Date(Date.now() - n * day);

for (const target of testDatabaseTargets()) {
  describe(`reorder suggestions on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let api: ReturnType<typeof withApiKey>;
    let reader: ReturnType<typeof withApiKey>;
    const base = '/api/admin/stores/reorder';
    // mug: 2 a day, 12 left, Nordic in packs of 6 (10 days). bowl: 1 a day, 5 left, two suppliers,
    // none preferred. plate: 1 a day, 10 left and 30 on a sent order. vase: 1 a day, 10 left, no
    // supplier. idle: never sold. jar: 1 a day, 20 left, minimum 40 at Nordic, preferred at Stone.
    let mug: string;
    let bowl: string;
    let plate: string;
    let vase: string;
    let idle: string;
    let jar: string;
    let storeId: string;
    let warehouseId: string;
    const suppliers: Record<string, string> = {};

    const suggestions = async (query: string) => {
      const res = await reader({ method: 'GET', url: `${base}/inventory/reorder-suggestions?${query}` });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as ReorderSuggestions;
    };
    const one = async (variantId: string): Promise<ReorderSuggestion> =>
      (await suggestions(`variantIds=${variantId}`)).items[0]!;

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      const store = await makeStore(database, 'reorder');
      api = withApiKey(
        sp.app,
        await makeApiKey(database, store.id, ['purchasing:read', 'purchasing:write', 'inventory:read']),
      );
      reader = withApiKey(sp.app, await makeApiKey(database, store.id, ['purchasing:read']));
      const warehouse = await makeLocation(database, store.id, 'Warehouse');
      storeId = store.id;
      warehouseId = warehouse.id;
      [mug, bowl, plate, vase, idle, jar] = (await makeVariants(database, store, 6)) as [
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      const stockLeft: [string, number, number][] = [
        [mug, 12, 2],
        [bowl, 5, 1],
        [plate, 10, 1],
        [vase, 10, 1],
        [idle, 10, 0],
        [jar, 20, 1],
      ];
      // Stock received 40 days ago, then four weeks of daily sales: the rate is sold ÷ 28.
      await database.db.transaction((tx) =>
        recordMovements(
          tx,
          store.id,
          actor,
          stockLeft.map(([variantId, left, perDay]) => ({
            variantId,
            locationId: warehouse.id,
            kind: 'receive' as const,
            quantity: left + perDay * 28,
          })),
          { recordedAt: daysAgo(40) },
        ),
      );
      for (let d = 27; d >= 0; d--) {
        await database.db.transaction((tx) =>
          recordMovements(
            tx,
            store.id,
            actor,
            stockLeft
              .filter(([, , perDay]) => perDay > 0)
              .map(([variantId, , perDay]) => ({
                variantId,
                locationId: warehouse.id,
                kind: 'sale' as const,
                quantity: -perDay,
              })),
            { recordedAt: daysAgo(d + 0.5) },
          ),
        );
      }
      for (const [name, leadTimeDays, minimumOrderQuantity] of [
        ['Nordic Ceramics', 10, 200],
        ['Clay Works', 5, null],
        ['Stone Mill', 3, null],
      ] as const) {
        const res = await api({
          method: 'POST',
          url: `${base}/inventory/suppliers`,
          payload: {
            name,
            currency: 'EUR',
            leadTimeDays,
            minimumOrderQuantity,
            email: 'orders@example.test',
          },
        });
        assert.equal(res.statusCode, 201, res.body);
        suppliers[name] = res.json().supplier.id;
      }
      const catalog = async (supplier: string, items: Record<string, unknown>[]) => {
        const res = await api({
          method: 'PUT',
          url: `${base}/inventory/suppliers/${suppliers[supplier]}/variants`,
          payload: { items },
        });
        assert.equal(res.statusCode, 200, res.body);
      };
      await catalog('Nordic Ceramics', [
        { variantId: mug, cost: { amount: 420 }, packSize: 6 },
        { variantId: plate, cost: { amount: 300 } },
        { variantId: jar, cost: { amount: 100 }, minimumOrderQuantity: 40 },
      ]);
      await catalog('Clay Works', [
        { variantId: bowl, cost: { amount: 300 } },
        { variantId: jar, cost: { amount: 900 } },
      ]);
      await catalog('Stone Mill', [
        { variantId: bowl, cost: { amount: 350 } },
        { variantId: jar, cost: { amount: 800 }, packSize: 10, preferred: true },
      ]);
      // 30 plates on their way (from a supplier that does not list them): a sent order is incoming.
      const order = await api({
        method: 'POST',
        url: `${base}/inventory/purchase-orders`,
        payload: {
          supplierId: suppliers['Stone Mill'],
          locationId: warehouse.id,
          lines: [{ variantId: plate, quantity: 30, unitCost: { amount: 300 } }],
        },
      });
      assert.equal(order.statusCode, 201, order.body);
      const sent = await api({
        method: 'POST',
        url: `${base}/inventory/purchase-orders/${order.json().purchaseOrder.id}/send`,
      });
      assert.equal(sent.statusCode, 200, sent.body);
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    test('a variant selling 2 a day with 12 left: whole packs from its only supplier, with the numbers', async () => {
      const s = await one(mug);
      assert.equal(s.reason, 'order');
      assert.equal(s.quantity, 66);
      assert.deepEqual(
        [s.supplier?.name, s.supplier?.leadTimeDays, s.supplierChoice, s.unitCost],
        ['Nordic Ceramics', 10, 'only', { amount: 420, currency: 'EUR' }],
      );
      // 2 a day × (10 + 28) days = 76; 76 − 12 = 64 short → 11 packs of 6.
      assert.deepEqual(s.calculation, {
        soldPerDay: 2,
        available: 12,
        incoming: 0,
        leadTimeDays: 10,
        bufferDays: 28,
        coverDays: 38,
        targetUnits: 76,
        shortfall: 64,
        packSize: 6,
        packs: 11,
        minimumOrderQuantity: 1,
        roundedUpBy: 'packs',
      });
      assert.deepEqual(s.drafts, []);
    });

    test('the preferred supplier, else the cheapest; a minimum raises the quantity', async () => {
      const { items } = await suggestions(`variantIds=${bowl},${jar}`);
      const [b, j] = items;
      // bowl: Clay Works at 3.00 over Stone Mill at 3.50; 1 a day × 33 = 33 − 5 = 28.
      assert.deepEqual([b?.supplier?.name, b?.supplierChoice, b?.quantity], ['Clay Works', 'cheapest', 28]);
      // jar: Stone Mill is preferred although dearer; 1 × 31 = 31 − 20 = 11 → 2 packs of 10.
      assert.deepEqual(
        [j?.supplier?.name, j?.supplierChoice, j?.quantity, j?.calculation.packs],
        ['Stone Mill', 'preferred', 20, 2],
      );
    });

    test('incoming that covers it, no supplier and no sales are each said, with nothing to order', async () => {
      const { items, groups } = await suggestions(`variantIds=${plate},${vase},${idle}`);
      assert.deepEqual(
        items.map((i) => [i.variantId, i.reason, i.quantity]),
        [
          [plate, 'covered', 0],
          [vase, 'no_supplier', 0],
          [idle, 'no_sales', 0],
        ],
      );
      // plate: 1 × 38 = 38 ≤ 10 available + 30 incoming.
      assert.deepEqual(
        [items[0]!.calculation.incoming, items[0]!.calculation.targetUnits, items[0]!.calculation.shortfall],
        [30, 38, 0],
      );
      assert.equal(items[1]!.supplier, null);
      assert.deepEqual(groups, []);
    });

    test('every running-out variant, soonest first, grouped by supplier for one draft each', async () => {
      const all = await suggestions('state=running-out');
      // bowl lasts 5 days, mug 6, plate and vase 10 (by id), jar 20 > 14 days and its 3-day lead time.
      assert.deepEqual(
        all.items.map((i) => i.variantId),
        [bowl, mug, ...[plate, vase].sort()],
      );
      assert.deepEqual(
        all.groups.map((g) => [g.supplier.name, g.variantIds, g.units, g.total, g.belowSupplierMinimum]),
        [
          ['Clay Works', [bowl], 28, { amount: 28 * 300, currency: 'EUR' }, false],
          // Nordic takes orders of 200 units at least: 66 mugs are not enough to send.
          ['Nordic Ceramics', [mug], 66, { amount: 66 * 420, currency: 'EUR' }, true],
        ],
      );
    });

    test('a draft that already holds the variant is named; the suggestion still orders the same', async () => {
      const created = await api({
        method: 'POST',
        url: `${base}/inventory/purchase-orders`,
        payload: {
          supplierId: suppliers['Nordic Ceramics'],
          locationId: (await api({ method: 'GET', url: `${base}/inventory/locations` })).json().items[0].id,
          lines: [{ variantId: mug, quantity: 66 }],
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      const draft = created.json().purchaseOrder;
      const s = await one(mug);
      assert.deepEqual(s.drafts, [
        { id: draft.id, label: draft.label, supplierId: suppliers['Nordic Ceramics'], quantity: 66 },
      ]);
      assert.equal(s.quantity, 66, 'a draft is not incoming until it is sent');
    });

    test('needs-stock adds what is already out while it was selling, first: an empty shelf before an emptying one', async () => {
      // The bowl sells its last 5; the idle variant has none left either but never sold.
      await database.db.transaction((tx) =>
        recordMovements(tx, storeId, actor, [
          { variantId: bowl, locationId: warehouseId, kind: 'sale', quantity: -5 },
          { variantId: idle, locationId: warehouseId, kind: 'adjustment', quantity: -10, reason: 'damaged' },
        ]),
      );
      const runningOut = await suggestions('state=running-out');
      assert.ok(!runningOut.items.some((i) => i.variantId === bowl), 'out is not running out');
      const needs = await suggestions('state=needs-stock');
      assert.equal(needs.items[0]!.variantId, bowl);
      assert.equal(needs.items[0]!.calculation.available, 0);
      assert.ok(!needs.items.some((i) => i.variantId === idle), 'never sold: nothing to restock');
      assert.deepEqual(
        needs.items.slice(1).map((i) => i.variantId),
        runningOut.items.map((i) => i.variantId),
      );
    });

    test('bad input is refused with a code', async () => {
      for (const [query, status, code] of [
        ['', 400, 'validation_failed'],
        ['state=low', 400, 'validation_failed'],
        [`state=running-out&variantIds=${mug}`, 400, 'validation_failed'],
        ['variantIds=,', 400, 'validation_failed'],
        [`variantIds=${Array.from({ length: 501 }, (_, i) => `v${i}`).join(',')}`, 400, 'validation_failed'],
        ['variantIds=var_unknown', 422, 'unknown_variant'],
        [`variantIds=${mug}&extra=1`, 400, 'validation_failed'],
      ] as const) {
        const res = await reader({ method: 'GET', url: `${base}/inventory/reorder-suggestions?${query}` });
        assert.equal(res.statusCode, status, `${query}: ${res.body}`);
        assert.equal(res.json().error.code, code, query);
      }
    });
  });
}
