// Forecasts and reorders in real Chromium. Two months of daily sales are in the ledger: Oat Mug 2 a
// day with 12 left (Nordic Ceramics, packs of 6, 10 days), Clay Bowl 1 a day with 5 left (Clay
// Works, 5 days), Linen Cloth 1 a day with 80 left (no supplier), Glaze Jar in a weekly rhythm with
// a ten-day stock-out and 15 left (Nordic, packs of 4). An operations person opens the
// screen, reads each supplier's card (the mug: out in 6 days, 66 to order in 11 packs of 6), opens
// the link a daily briefing uses (a supplier's forecast reorders as a new purchase order), and
// creates both drafts with one click. Screenshots go to scratch/screens/forecasts-*.png.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { systemActor } from '../../src/modules/access/index.ts';
import { recordMovements } from '../../src/modules/inventory/index.ts';
import { makeLocation } from '../../src/modules/inventory/testing/inventory-fixtures.ts';
import { testDatabaseTargets } from '../../src/platform/db/test-database.ts';
import { eventually, screenshotScreen } from '../support/admin-page.ts';
import { Browser, makeMember, makeStore } from '../support/app-harness.ts';
import { type AdminInChromium, browserSkipReason, startAdminInChromium } from '../support/browser.ts';

const skip = browserSkipReason();
const api = '/api/admin/stores/kiln-forecasts';
const storeAdmin = '/admin/stores/kiln-forecasts';
const day = 24 * 3600 * 1000;

for (const target of testDatabaseTargets()) {
  describe(`forecasts and reorders in Chromium on ${target.label}`, { skip }, () => {
    let admin: AdminInChromium;
    let page: Page;
    let owner: Browser;
    const ids: Record<string, string> = {};
    const suppliers: Record<string, string> = {};
    const shot = (name: string) =>
      screenshotScreen(page, `forecasts-${name}-${target.kind}`, { height: 1100 });

    before(async () => {
      admin = await startAdminInChromium(target);
      const { database } = admin;
      const store = await makeStore(database, 'kiln-forecasts', 'EUR');
      const operations = await makeMember(database, store.id, 'operations');
      owner = await Browser.signIn(admin.sp.app, (await makeMember(database, store.id, 'owner')).email);
      const warehouse = await makeLocation(database, store.id, 'Kiln warehouse');
      for (const [title, sku] of [
        ['Oat Mug', 'MUG-OAT'],
        ['Clay Bowl', 'BOWL'],
        ['Linen Cloth', 'CLOTH'],
        ['Glaze Jar', 'JAR'],
      ] as const) {
        const res = await owner.request({
          method: 'POST',
          url: `${api}/products`,
          payload: { title, price: { amount: 1800 }, sku },
        });
        assert.equal(res.statusCode, 201, res.body);
        ids[sku] = res.json().product.variants[0].id;
      }
      const selling: [string, number, number][] = [
        [ids['MUG-OAT']!, 12, 2],
        [ids.BOWL!, 5, 1],
        [ids.CLOTH!, 80, 1],
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
            quantity: left + 60 * perDay,
          })),
          { recordedAt: new Date(Date.now() - 70 * day) },
        ),
      );
      // The jar sells in a weekly rhythm, ran out 30 days ago and was restocked 20 days ago.
      const jarSold = (d: number) => (d > 30 || d <= 20 ? [1, 2, 2, 3, 4, 7, 5][d % 7]! : 0);
      const jarBefore = Array.from({ length: 30 }, (_, i) => jarSold(60 - i)).reduce((a, b) => a + b, 0);
      const jarAfter = Array.from({ length: 20 }, (_, i) => jarSold(20 - i)).reduce((a, b) => a + b, 0);
      for (let d = 60; d >= 1; d--) {
        const jar = ids.JAR!;
        await database.db.transaction((tx) =>
          recordMovements(
            tx,
            store.id,
            actor,
            [
              ...(d === 60
                ? [
                    {
                      variantId: jar,
                      locationId: warehouse.id,
                      kind: 'receive' as const,
                      quantity: jarBefore,
                    },
                  ]
                : []),
              ...(d === 20
                ? [
                    {
                      variantId: jar,
                      locationId: warehouse.id,
                      kind: 'receive' as const,
                      quantity: jarAfter + 15,
                    },
                  ]
                : []),
              ...(jarSold(d) > 0
                ? [{ variantId: jar, locationId: warehouse.id, kind: 'sale' as const, quantity: -jarSold(d) }]
                : []),
              ...selling.map(([variantId, , perDay]) => ({
                variantId,
                locationId: warehouse.id,
                kind: 'sale' as const,
                quantity: -perDay,
              })),
            ],
            { recordedAt: new Date(Date.now() - d * day) },
          ),
        );
      }
      for (const [name, leadTimeDays, items] of [
        [
          'Nordic Ceramics',
          10,
          [
            { variantId: ids['MUG-OAT'], cost: { amount: 420 }, packSize: 6 },
            { variantId: ids.JAR, cost: { amount: 750 }, packSize: 4 },
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

    test('each supplier has a card with what to order, when it runs out and how the forecast did', async () => {
      await page.goto(`${admin.base}${storeAdmin}/forecasts`);
      await page.getByRole('heading', { name: 'Forecasts and reorders' }).waitFor();
      const nordic = page.getByRole('region', { name: 'Order from Nordic Ceramics' });
      const clay = page.getByRole('region', { name: 'Order from Clay Works' });
      await nordic.waitFor();
      const mugRow = nordic.getByRole('row').filter({ hasText: 'Oat Mug' });
      const mugText = ((await mugRow.textContent()) ?? '').replace(/\s+/g, ' ');
      // 2 a day × (10 + 28) days = 76; 76 − 12 = 64 short → 11 packs of 6; 12 left last 6 days.
      assert.match(mugText, /66 \(11 packs of 6\)/);
      assert.match(mugText, /Exponential smoothing/);
      assert.match(mugText, /WAPE 0%/);
      assert.match(mugText, /6 days of cover/);
      await mugRow
        .getByRole('img', { name: /Demand of Oat Mug.*: 112 sold in the last 56 days, 56 expected/ })
        .waitFor();
      // 1 a day × (5 + 28) = 33 − 5 = 28.
      assert.match(((await clay.textContent()) ?? '').replace(/\s+/g, ' '), /Clay Bowl.*safety stock ?28$/);
      // The jar's ten empty days are not read as ten days without demand.
      const jarRow = nordic.getByRole('row').filter({ hasText: 'Glaze Jar' });
      assert.match((await jarRow.textContent()) ?? '', /10 out-of-stock days left out/);
      assert.equal(await page.getByRole('region', { name: 'Nothing to order' }).count(), 0);
      await page.getByLabel(/Show the 1 other variants forecast/).check();
      await page.getByRole('region', { name: 'Nothing to order' }).getByText('Linen Cloth').waitFor();
      await shot('screen');
    });

    test("the briefing's link opens a supplier's forecast reorders as a new purchase order", async () => {
      await page.goto(
        `${admin.base}${storeAdmin}/purchasing/new?supplierId=${suppliers['Nordic Ceramics']}&from=forecast`,
      );
      await page.getByRole('heading', { name: 'New purchase order' }).waitFor();
      await eventually(
        () => page.getByLabel('Quantity of Oat Mug (MUG-OAT)').inputValue(),
        (v) => v === '66',
        'the forecast quantity',
      );
      assert.equal(
        await page.getByRole('combobox', { name: 'Supplier' }).inputValue(),
        'Nordic Ceramics (EUR)',
      );
      await shot('prefilled');
    });

    test('one click makes one draft per supplier', async () => {
      await page.goto(`${admin.base}${storeAdmin}/forecasts`);
      await page.getByRole('button', { name: 'Create 2 draft purchase orders' }).click();
      const done = page.getByRole('alert').filter({ hasText: '2 drafts created' });
      await done.waitFor();
      const res = await owner.request({ method: 'GET', url: `${api}/inventory/purchase-orders?limit=10` });
      const orders = res.json().items as { id: string; label: string; state: string }[];
      assert.equal(orders.length, 2);
      for (const order of orders) {
        assert.equal(order.state, 'draft');
        await done.getByRole('link', { name: order.label }).waitFor();
      }
      await shot('created');
    });
  });
}
