// GET /inventory/stock: the inventory table's rows, numbers, filters, orders and pages, over HTTP.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  Browser,
  makeMember,
  makeStore,
  startTestApp,
  type TestApp,
} from '../../../../test/support/app-harness.ts';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { newId } from '../../../platform/ids.ts';
import { findStockVariants } from '../../catalog/index.ts';
import { purchaseOrderLines, purchaseOrders, suppliers } from '../schema.ts';
import { makeLocation, makeVariants } from '../testing/inventory-fixtures.ts';
import type { StockList, StockListRow } from './stock-list.ts';

for (const target of testDatabaseTargets()) {
  describe(`the inventory table (GET /inventory/stock) on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let owner: Browser;
    let warehouse: { id: string };
    let shop: { id: string };
    let closed: { id: string };
    // Apple Crate S1, S2; Birch Box; Cedar Tray (untracked); Dune Lamp (tracked, never stocked).
    let apple1: string;
    let apple2: string;
    let birch: string;
    let cedar: string;
    let dune: string;
    let birchSku: string;

    const path = '/api/admin/stores/stock-table/inventory';
    const list = async (query: Record<string, string | number> = {}) => {
      const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
      const res = await owner.request({ method: 'GET', url: `${path}/stock${qs ? `?${qs}` : ''}` });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as StockList;
    };
    const idsOf = (page: StockList) => page.items.map((row) => row.variantId);
    const rowOf = (page: StockList, id: string) => page.items.find((row) => row.variantId === id)!;
    const adjust = async (variantId: string, locationId: string, quantity: number) => {
      const res = await owner.request({
        method: 'POST',
        url: `${path}/adjustments`,
        payload: { items: [{ variantId, locationId, quantity, reason: 'found' }] },
      });
      assert.equal(res.statusCode, 201, res.body);
    };
    const thresholds = async (variantId: string, body: Record<string, unknown>) => {
      const res = await owner.request({
        method: 'PATCH',
        url: `${path}/variants/${variantId}`,
        payload: body,
      });
      assert.equal(res.statusCode, 200, res.body);
    };

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      const store = await makeStore(database, 'stock-table');
      owner = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'owner')).email);
      warehouse = await makeLocation(database, store.id, 'Warehouse', { priority: 1 });
      shop = await makeLocation(database, store.id, 'Shop', { kind: 'retail', priority: 2 });
      closed = await makeLocation(database, store.id, 'Old depot', { priority: 3 });
      [apple1, apple2] = (await makeVariants(database, store, 2, { title: 'Apple Crate' })) as [
        string,
        string,
      ];
      [birch] = (await makeVariants(database, store, 1, { title: 'Birch Box' })) as [string];
      [cedar] = (await makeVariants(database, store, 1, { title: 'Cedar Tray' })) as [string];
      [dune] = (await makeVariants(database, store, 1, { title: 'Dune Lamp' })) as [string];
      birchSku = (await findStockVariants(database.db, store.id, [birch])).get(birch)!.sku!;

      await adjust(apple1, warehouse.id, 30);
      await adjust(apple1, shop.id, 5);
      await adjust(apple2, warehouse.id, 3);
      await adjust(birch, shop.id, 12);
      await adjust(birch, closed.id, 100);
      await thresholds(dune, { tracked: true });
      const deactivated = await owner.request({
        method: 'PATCH',
        url: `${path}/locations/${closed.id}`,
        payload: { active: false },
      });
      assert.equal(deactivated.statusCode, 200, deactivated.body);
      // 2 of Apple S1 held at the warehouse (first by priority).
      const held = await owner.request({
        method: 'POST',
        url: `${path}/reservations`,
        payload: { items: [{ variantId: apple1, quantity: 2 }] },
      });
      assert.equal(held.statusCode, 201, held.body);
      // 40 of Birch Box on a sent purchase order to the shop.
      const supplierId = newId('supplier');
      await database.db
        .insert(suppliers)
        .values({ id: supplierId, storeId: store.id, name: 'Birchworks', currency: 'EUR' });
      const orderId = newId('purchaseOrder');
      await database.db.insert(purchaseOrders).values({
        id: orderId,
        storeId: store.id,
        number: 1001,
        supplierId,
        locationId: shop.id,
        state: 'sent',
        currency: 'EUR',
      });
      await database.db.insert(purchaseOrderLines).values({
        id: newId('purchaseOrderLine'),
        purchaseOrderId: orderId,
        storeId: store.id,
        variantId: birch,
        quantityOrdered: 40,
        quantityReceived: 0,
        unitCostAmount: 500,
      });
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    test('one row per tracked variant, by title: product, variant, SKU and the numbers of active locations', async () => {
      const page = await list();
      assert.deepEqual(idsOf(page), [apple1, apple2, birch, dune]);
      assert.equal(page.total, 4);
      const apple = rowOf(page, apple1);
      assert.equal(apple.productTitle, 'Apple Crate');
      assert.equal(apple.title, 'S1');
      assert.match(apple.sku ?? '', /^INV-/);
      assert.deepEqual(numbers(apple), { onHand: 35, reserved: 2, available: 33, incoming: 0, state: 'ok' });
      // The deactivated depot's 100 are left out of the totals; the purchase order's 40 are incoming.
      assert.deepEqual(numbers(rowOf(page, birch)), {
        onHand: 12,
        reserved: 0,
        available: 12,
        incoming: 40,
        state: 'ok',
      });
      assert.deepEqual(numbers(rowOf(page, dune)), {
        onHand: 0,
        reserved: 0,
        available: 0,
        incoming: 0,
        state: 'out',
      });
      assert.equal(
        page.items.some((row) => row.variantId === cedar),
        false,
      );
    });

    test('a location: that location’s numbers only (an inactive one too), and states from them', async () => {
      const atShop = await list({ locationId: shop.id });
      assert.deepEqual(numbers(rowOf(atShop, apple1)), {
        onHand: 5,
        reserved: 0,
        available: 5,
        incoming: 0,
        state: 'ok',
      });
      assert.deepEqual(numbers(rowOf(atShop, apple2)), {
        onHand: 0,
        reserved: 0,
        available: 0,
        incoming: 0,
        state: 'out',
      });
      assert.equal(rowOf(atShop, birch).incoming, 40);
      const atWarehouse = await list({ locationId: warehouse.id });
      assert.equal(rowOf(atWarehouse, birch).incoming, 0);
      assert.equal(rowOf(atWarehouse, apple1).reserved, 2);
      const atDepot = await list({ locationId: closed.id });
      assert.equal(rowOf(atDepot, birch).onHand, 100);
      const outAtShop = await list({ locationId: shop.id, state: 'out' });
      assert.deepEqual(idsOf(outAtShop), [apple2, dune]);
    });

    test('states: low at or under the threshold, out at none available, overstock above its threshold', async () => {
      await thresholds(apple2, { lowStockThreshold: 5 });
      await thresholds(apple1, { overstockThreshold: 20 });
      await thresholds(birch, { lowStockThreshold: 12, overstockThreshold: 50 });
      assert.deepEqual(idsOf(await list({ state: 'low' })), [apple2, birch]);
      assert.equal((await list({ state: 'low' })).total, 2);
      assert.deepEqual(idsOf(await list({ state: 'out' })), [dune]);
      const over = await list({ state: 'overstock' });
      assert.deepEqual(idsOf(over), [apple1]);
      assert.equal(over.items[0]!.overstock, true);
      assert.equal(rowOf(await list(), apple2).state, 'low');
      // The depot alone holds 100 of Birch Box: over its threshold of 50 there.
      assert.deepEqual(idsOf(await list({ state: 'overstock', locationId: closed.id })), [birch]);
    });

    test('text: a title finds every variant of the product, a SKU only its variant', async () => {
      assert.deepEqual(idsOf(await list({ q: 'apple' })), [apple1, apple2]);
      assert.deepEqual(idsOf(await list({ q: 'crate' })), [apple1, apple2]);
      assert.deepEqual(idsOf(await list({ q: birchSku.toLowerCase() })), [birch]);
      const appleSku = rowOf(await list(), apple2).sku!;
      assert.deepEqual(idsOf(await list({ q: appleSku })), [apple2]);
      assert.deepEqual(idsOf(await list({ q: 'cedar' })), [], 'untracked variants are not in the table');
      assert.deepEqual(idsOf(await list({ q: 'nothing-like-this' })), []);
      assert.deepEqual(idsOf(await list({ q: 'apple', state: 'low' })), [apple2]);
    });

    test('orders: available (both ways, ties by title) and SKU', async () => {
      // Available: apple1 33, apple2 3, birch 12, dune 0.
      assert.deepEqual(idsOf(await list({ sort: 'available' })), [dune, apple2, birch, apple1]);
      assert.deepEqual(idsOf(await list({ sort: 'available-desc' })), [apple1, birch, apple2, dune]);
      const bySku = await list({ sort: 'sku' });
      const skus = bySku.items.map((row) => row.sku!);
      assert.deepEqual(skus, [...skus].sort());
      assert.equal(bySku.total, 4);
    });

    test('pages: limit and offset with the total; past the end, no rows and still the total', async () => {
      const first = await list({ limit: 3 });
      const second = await list({ limit: 3, offset: 3 });
      assert.deepEqual([...idsOf(first), ...idsOf(second)], [apple1, apple2, birch, dune]);
      assert.deepEqual([first.total, second.total], [4, 4]);
      const beyond = await list({ limit: 3, offset: 30 });
      assert.deepEqual(beyond, { items: [], total: 4 });
    });

    test('tracking=untracked lists the variants to start tracking; switching tracking off moves one there', async () => {
      assert.deepEqual(idsOf(await list({ tracking: 'untracked' })), [cedar]);
      assert.equal(rowOf(await list({ tracking: 'untracked' }), cedar).state, 'untracked');
      await thresholds(dune, { tracked: false });
      assert.deepEqual(idsOf(await list({ tracking: 'untracked', q: 'lamp' })), [dune]);
      assert.deepEqual(idsOf(await list()), [apple1, apple2, birch]);
      await thresholds(dune, { tracked: true });
    });

    test('bad queries: 400 validation_failed; a location of no store’s: 422 unknown_location', async () => {
      for (const qs of [
        'state=missing',
        'sort=price',
        'limit=0',
        'limit=500',
        'offset=-1',
        'tracking=maybe',
        'colour=red',
        `q=${'x'.repeat(201)}`,
      ]) {
        const res = await owner.request({ method: 'GET', url: `${path}/stock?${qs}` });
        assert.equal(res.statusCode, 400, `${qs}: ${res.body}`);
        assert.equal(res.json().error.code, 'validation_failed', qs);
      }
      const res = await owner.request({
        method: 'GET',
        url: `${path}/stock?locationId=loc_01jzzzzzzzzzzzzzzzzzzzzzzz`,
      });
      assert.equal(res.statusCode, 422, res.body);
      assert.equal(res.json().error.code, 'unknown_location');
    });
  });
}

function numbers(row: StockListRow) {
  const { onHand, reserved, available, incoming, state } = row;
  return { onHand, reserved, available, incoming, state };
}
