// From "this runs out soon" to draft purchase orders, in real Chromium. Four weeks of sales are in
// the ledger: Oat Mug sells 2 a day with 12 left (Nordic Ceramics, packs of 6, 10 days), Glaze Jar
// 1 a day with 10 left (Nordic, packs of 4), Clay Bowl 1 a day with 5 left (Clay Works, 5 days),
// Linen Cloth 1 a day with 8 left (no supplier). An operations person opens the mug's drawer, reads
// "Suggested: 66 (11 packs of 6)…", drafts the order from it in two clicks and saves it; a link with
// malformed lines opens with only the good ones; from the inventory table's "Running out" they
// reorder everything at once, see a quantity that is not whole packs refused before anything is
// sent, and make one draft per supplier. An analyst reads the suggestion without the button.
// Screenshots go to scratch/screens/reorder-*.png.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { systemActor } from '../../src/modules/access/index.ts';
import { recordMovements } from '../../src/modules/inventory/index.ts';
import { makeLocation } from '../../src/modules/inventory/testing/inventory-fixtures.ts';
import { testDatabaseTargets } from '../../src/platform/db/test-database.ts';
import { badge, eventually, screenshotScreen } from '../support/admin-page.ts';
import { Browser, makeMember, makeStore } from '../support/app-harness.ts';
import { type AdminInChromium, browserSkipReason, startAdminInChromium } from '../support/browser.ts';

const skip = browserSkipReason();
const api = '/api/admin/stores/kiln-supply';
const storeAdmin = '/admin/stores/kiln-supply';
const day = 24 * 3600 * 1000;

interface OrderLine {
  variantId: string;
  sku: string;
  quantityOrdered: number;
  unitCost: { amount: number };
}
interface Order {
  id: string;
  label: string;
  state: string;
  supplier: { id: string; name: string };
  location: { id: string };
  lines: OrderLine[];
}

for (const target of testDatabaseTargets()) {
  describe(`reorder suggestions in Chromium on ${target.label}`, { skip }, () => {
    let admin: AdminInChromium;
    let page: Page;
    let owner: Browser;
    let analystLogin: { email: string; password: string };
    let warehouse: { id: string };
    const ids: Record<string, string> = {};
    const suppliers: Record<string, string> = {};
    const shot = (name: string, on: Page = page) => screenshotScreen(on, `reorder-${name}-${target.kind}`);
    /** The drawer scrolls inside the window: a tall window shows all of it at once. */
    const drawerShot = (name: string, on: Page = page) =>
      screenshotScreen(on, `reorder-${name}-${target.kind}`, {
        height: 1600,
        scrollToTop: on.getByRole('dialog', { name: 'Variant stock' }),
      });
    const orders = async (): Promise<Order[]> => {
      const res = await owner.request({ method: 'GET', url: `${api}/inventory/purchase-orders?limit=50` });
      assert.equal(res.statusCode, 200, res.body);
      const rows = res.json().items as { id: string }[];
      const details: Order[] = [];
      for (const row of rows) {
        const one = await owner.request({ method: 'GET', url: `${api}/inventory/purchase-orders/${row.id}` });
        details.push(one.json().purchaseOrder);
      }
      return details;
    };
    const linesOf = (order: Order | undefined) =>
      order?.lines.map((l) => [l.sku, l.quantityOrdered, l.unitCost.amount]).sort();

    before(async () => {
      admin = await startAdminInChromium(target);
      const { database } = admin;
      const store = await makeStore(database, 'kiln-supply', 'EUR');
      const operations = await makeMember(database, store.id, 'operations');
      analystLogin = await makeMember(database, store.id, 'analyst');
      owner = await Browser.signIn(admin.sp.app, (await makeMember(database, store.id, 'owner')).email);
      warehouse = await makeLocation(database, store.id, 'Kiln warehouse');
      for (const [title, sku] of [
        ['Oat Mug', 'MUG-OAT'],
        ['Glaze Jar', 'JAR-L'],
        ['Clay Bowl', 'BOWL'],
        ['Linen Cloth', 'CLOTH'],
      ] as const) {
        const res = await owner.request({
          method: 'POST',
          url: `${api}/products`,
          payload: { title, price: { amount: 1800 }, sku },
        });
        assert.equal(res.statusCode, 201, res.body);
        ids[sku] = res.json().product.variants[0].id;
      }
      // Received 40 days ago, then four weeks of daily sales: the rate is what sold ÷ 28.
      const selling: [string, number, number][] = [
        [ids['MUG-OAT']!, 12, 2],
        [ids['JAR-L']!, 10, 1],
        [ids.BOWL!, 5, 1],
        [ids.CLOTH!, 8, 1],
      ];
      const actor = systemActor('e2e history');
      await database.db.transaction((tx) =>
        recordMovements(
          tx,
          store.id,
          actor,
          selling.map(([variantId, left, perDay]) => ({
            variantId,
            locationId: warehouse.id,
            kind: 'receive' as const,
            quantity: left + 28 * perDay,
          })),
          { recordedAt: new Date(Date.now() - 40 * day) },
        ),
      );
      for (let d = 28; d >= 1; d--) {
        await database.db.transaction((tx) =>
          recordMovements(
            tx,
            store.id,
            actor,
            selling.map(([variantId, , perDay]) => ({
              variantId,
              locationId: warehouse.id,
              kind: 'sale' as const,
              quantity: -perDay,
            })),
            { recordedAt: new Date(Date.now() - d * day + 3600_000) },
          ),
        );
      }
      for (const [name, leadTimeDays, items] of [
        [
          'Nordic Ceramics',
          10,
          [
            { variantId: ids['MUG-OAT'], cost: { amount: 420 }, packSize: 6 },
            { variantId: ids['JAR-L'], cost: { amount: 750 }, packSize: 4 },
          ],
        ],
        ['Clay Works', 5, [{ variantId: ids.BOWL, cost: { amount: 300 } }]],
      ] as const) {
        const created = await owner.request({
          method: 'POST',
          url: `${api}/inventory/suppliers`,
          payload: { name, currency: 'EUR', leadTimeDays },
        });
        assert.equal(created.statusCode, 201, created.body);
        suppliers[name] = created.json().supplier.id;
        const catalog = await owner.request({
          method: 'PUT',
          url: `${api}/inventory/suppliers/${suppliers[name]}/variants`,
          payload: { items },
        });
        assert.equal(catalog.statusCode, 200, catalog.body);
      }
      page = await admin.signIn(operations);
    });
    after(() => admin?.close());

    test('the drawer suggests whole packs with the reason, and "Draft purchase order" opens the form filled in', async () => {
      await page.goto(`${admin.base}${storeAdmin}/inventory?variant=${ids['MUG-OAT']}`);
      const drawer = page.getByRole('dialog', { name: 'Variant stock' });
      const reorder = drawer.getByRole('region', { name: 'Reorder' });
      // 2 a day × (10 + 28) days = 76; 76 − 12 = 64 short → 11 packs of 6.
      await reorder
        .getByText(
          'Suggested: 66 (11 packs of 6) from Nordic Ceramics — covers lead time 10 days + 4 weeks',
          {
            exact: false,
          },
        )
        .waitFor();
      const reorderText = ((await reorder.textContent()) ?? '').replace(/\s+/g, ' ');
      assert.match(
        reorderText,
        /Selling 2 a day × 38 days = 76 units; 12 available and 0 incoming leave 64 short, rounded up to 11 packs of 6\./,
      );
      await drawerShot('drawer');

      await reorder.getByRole('link', { name: 'Draft purchase order' }).click();
      await page.getByRole('heading', { name: 'New purchase order' }).waitFor();
      const url = new URL(page.url());
      assert.equal(url.pathname, `${storeAdmin}/purchasing/new`);
      assert.equal(url.searchParams.get('supplierId'), suppliers['Nordic Ceramics']);
      assert.equal(url.searchParams.get('lines'), `${ids['MUG-OAT']}:66`);
      const quantity = page.getByLabel('Quantity of Oat Mug (MUG-OAT)');
      await eventually(
        () => quantity.inputValue(),
        (v) => v === '66',
        'the prefilled quantity',
      );
      assert.equal(
        await page.getByRole('combobox', { name: 'Supplier' }).inputValue(),
        'Nordic Ceramics (EUR)',
      );
      assert.equal(await page.getByLabel('Unit cost of Oat Mug (MUG-OAT)').inputValue(), '4.20');
      assert.equal(await page.getByRole('combobox', { name: 'Deliver to' }).inputValue(), 'Kiln warehouse');
      await shot('prefilled');

      await page.getByRole('button', { name: 'Create draft' }).click();
      await badge(page, 'Draft').waitFor();
      const orderId = /\/purchasing\/([^/?]+)$/.exec(page.url())?.[1];
      assert.ok(orderId, page.url());
      const [order] = await orders();
      assert.equal(order?.id, orderId);
      assert.deepEqual(
        [order?.state, order?.supplier.name, order?.location.id, linesOf(order)],
        ['draft', 'Nordic Ceramics', warehouse.id, [['MUG-OAT', 66, 420]]],
      );

      // Back in the drawer, the draft is named: it is not incoming until it is sent.
      await page.goto(`${admin.base}${storeAdmin}/inventory?variant=${ids['MUG-OAT']}`);
      await page
        .getByRole('dialog', { name: 'Variant stock' })
        .getByRole('region', { name: 'Reorder' })
        .getByRole('link', { name: `draft ${order!.label}` })
        .waitFor();
    });

    test('a link with malformed lines opens with the good ones; a variant the supplier does not sell is left out', async () => {
      const lines = [
        'junk',
        `${ids['JAR-L']}:8`,
        `${ids['JAR-L']}:12`,
        `${ids.CLOTH}:5`,
        `${ids.BOWL}:0`,
      ].join(',');
      await page.goto(
        `${admin.base}${storeAdmin}/purchasing/new?supplierId=${suppliers['Nordic Ceramics']}&lines=${encodeURIComponent(lines)}`,
      );
      const table = page.getByRole('table', { name: 'Order lines' });
      await eventually(
        () => page.getByLabel('Quantity of Glaze Jar (JAR-L)').inputValue(),
        (v) => v === '8',
        'the good line',
      );
      assert.equal(
        await table.locator('tbody tr').count(),
        1,
        'only the jar: the cloth is not in the catalog',
      );
      // A supplier that does not exist is not chosen.
      await page.goto(
        `${admin.base}${storeAdmin}/purchasing/new?supplierId=sup_missing&lines=${ids['JAR-L']}:8`,
      );
      await page.getByText('Choose a supplier, then add the variants to order.').waitFor();
      assert.equal(await page.getByRole('combobox', { name: 'Supplier' }).inputValue(), '');
    });

    test('"Reorder running-out stock" makes one draft per supplier, refusing what is not whole packs first', async () => {
      const before = (await orders()).length;
      await page.goto(`${admin.base}${storeAdmin}/inventory?state=running-out`);
      await page.getByRole('button', { name: 'Open stock of Clay Bowl' }).waitFor();
      await shot('running-out');
      await page.getByRole('button', { name: 'Reorder running-out stock' }).click();
      const dialog = page.getByRole('dialog', { name: 'Reorder running-out stock' });
      const nordic = dialog.getByRole('region', { name: 'Order from Nordic Ceramics' });
      const clay = dialog.getByRole('region', { name: 'Order from Clay Works' });
      await nordic.waitFor();
      // mug 66 as in the drawer; jar 1 × 38 − 10 = 28, 7 packs of 4; bowl 1 × 33 − 5 = 28.
      const mug = nordic.getByLabel('Quantity of Oat Mug (MUG-OAT)');
      const jar = nordic.getByLabel('Quantity of Glaze Jar (JAR-L)');
      const bowl = clay.getByLabel('Quantity of Clay Bowl (BOWL)');
      assert.deepEqual(
        [await mug.inputValue(), await jar.inputValue(), await bowl.inputValue()],
        ['66', '28', '28'],
      );
      const noSupplier = dialog.getByRole('region', { name: 'No supplier' });
      await noSupplier.getByText('Linen Cloth (CLOTH)').waitFor();
      await noSupplier.getByRole('link', { name: 'Add it to a supplier’s catalog' }).waitFor();
      assert.equal(await dialog.getByLabel('Deliver to').inputValue(), 'Kiln warehouse');
      await shot('bulk');

      // 30 is not whole packs of 4: refused on the line, and nothing is created.
      await jar.fill('30');
      await dialog.getByRole('button', { name: 'Create 2 draft purchase orders' }).click();
      await nordic.getByText('Packs of 4: 28 or 32.').waitFor();
      assert.equal((await orders()).length, before);
      await shot('bulk-refused');

      await jar.fill('32');
      await dialog.getByRole('button', { name: 'Create 2 draft purchase orders' }).click();
      const done = dialog.getByRole('alert').filter({ hasText: '2 drafts created' });
      await done.waitFor();
      const all = await eventually(orders, (o) => o.length === before + 2, 'two new drafts');
      const bySupplier = new Map(all.slice(0, 2).map((o) => [o.supplier.name, o]));
      assert.deepEqual(linesOf(bySupplier.get('Nordic Ceramics')), [
        ['JAR-L', 32, 750],
        ['MUG-OAT', 66, 420],
      ]);
      assert.deepEqual(linesOf(bySupplier.get('Clay Works')), [['BOWL', 28, 300]]);
      for (const order of bySupplier.values()) {
        assert.equal(order.state, 'draft');
        assert.equal(order.location.id, warehouse.id);
        await done.getByRole('link', { name: order.label }).waitFor();
      }
      assert.equal(await dialog.getByRole('button', { name: /^Create \d+ draft/ }).count(), 0);
      await shot('bulk-created');

      await done.getByRole('link', { name: bySupplier.get('Clay Works')!.label }).click();
      await page.getByRole('heading', { name: bySupplier.get('Clay Works')!.label }).waitFor();
    });

    test('an analyst reads the suggestions without the buttons; covered and supplier-less variants say so', async () => {
      // Clay Works' draft is sent: its 28 bowls are on their way, and cover the bowl.
      const clayDraft = (await orders()).find(
        (o) => o.supplier.name === 'Clay Works' && o.state === 'draft',
      )!;
      const withMail = await owner.request({
        method: 'PATCH',
        url: `${api}/inventory/suppliers/${suppliers['Clay Works']}`,
        payload: { email: 'orders@clay.example' },
      });
      assert.equal(withMail.statusCode, 200, withMail.body);
      const sent = await owner.request({
        method: 'POST',
        url: `${api}/inventory/purchase-orders/${clayDraft.id}/send`,
      });
      assert.equal(sent.statusCode, 200, sent.body);

      const analyst = await admin.signIn(analystLogin);
      try {
        const reorder = analyst
          .getByRole('dialog', { name: 'Variant stock' })
          .getByRole('region', { name: 'Reorder' });
        await analyst.goto(`${admin.base}${storeAdmin}/inventory?variant=${ids['MUG-OAT']}`);
        await reorder
          .getByText('Suggested: 66 (11 packs of 6) from Nordic Ceramics', { exact: false })
          .waitFor();
        assert.equal(await reorder.getByRole('link', { name: 'Draft purchase order' }).count(), 0);

        // 1 a day × 33 days = 33 = 5 available + 28 incoming.
        await analyst.goto(`${admin.base}${storeAdmin}/inventory?variant=${ids.BOWL}`);
        await reorder.getByText('No reorder needed from Clay Works:', { exact: false }).waitFor();
        assert.match(
          ((await reorder.textContent()) ?? '').replace(/\s+/g, ' '),
          /the stock available and on its way covers lead time 5 days \+ 4 weeks\..*5 available and 28 incoming cover that\./,
        );
        await drawerShot('drawer-covered', analyst);

        await analyst.goto(`${admin.base}${storeAdmin}/inventory?variant=${ids.CLOTH}`);
        await analyst
          .getByRole('dialog', { name: 'Variant stock' })
          .getByText('No active supplier sells this variant, so there is no reorder suggestion.', {
            exact: false,
          })
          .waitFor();
        await drawerShot('drawer-no-supplier', analyst);

        await analyst.goto(`${admin.base}${storeAdmin}/inventory?state=running-out`);
        await analyst.getByRole('button', { name: 'Open stock of Clay Bowl' }).waitFor();
        assert.equal(await analyst.getByRole('button', { name: 'Reorder running-out stock' }).count(), 0);
      } finally {
        await analyst.close();
      }
    });
  });
}
