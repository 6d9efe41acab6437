// An operations person opens Inventory in a new store, in real Chromium: no locations yet, so they add
// the first one (a bad country code and a taken name shown on their fields), find an untracked variant,
// give it stock with the drawer's Adjust form, see the table update, set a low-stock threshold and
// find the variant under "Low", read the ledger line, and have a removal of more than is there refused
// on the quantity field. Screenshots of the table, the drawer and the locations go to scratch/screens/.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { systemActor } from '../../src/modules/access/index.ts';
import { recordMovements } from '../../src/modules/inventory/index.ts';
import { testDatabaseTargets } from '../../src/platform/db/test-database.ts';
import { eventually, screenshotScreen, storeNavLink, tableRows } from '../support/admin-page.ts';
import { Browser, makeMember, makeStore } from '../support/app-harness.ts';
import { type AdminInChromium, browserSkipReason, startAdminInChromium } from '../support/browser.ts';

const skip = browserSkipReason();
const api = '/api/admin/stores/fell-depot';
const day = 24 * 3600 * 1000;

for (const target of testDatabaseTargets()) {
  describe(`inventory screens in Chromium on ${target.label}`, { skip }, () => {
    let admin: AdminInChromium;
    let page: Page;
    let owner: Browser;
    let storeId: string;
    const nav = (name: string) => storeNavLink(page, name);
    const shot = (name: string) => screenshotScreen(page, `${name}-${target.kind}`);
    /** The drawer scrolls inside the window: a tall window shows all of it at once. */
    const drawerShot = (name: string) =>
      screenshotScreen(page, `${name}-${target.kind}`, {
        height: 2000,
        scrollToTop: page.getByRole('dialog', { name: 'Variant stock' }),
      });

    before(async () => {
      admin = await startAdminInChromium(target);
      const { database } = admin;
      const store = await makeStore(database, 'fell-depot', 'EUR');
      storeId = store.id;
      const operations = await makeMember(database, store.id, 'operations');
      owner = await Browser.signIn(admin.sp.app, (await makeMember(database, store.id, 'owner')).email);
      const products = [
        { title: 'Oat Mug', price: { amount: 1800 }, sku: 'MUG-OAT' },
        { title: 'Birch Board', price: { amount: 4200 }, sku: 'BRD-BIRCH' },
        { title: 'Flint Lantern', price: { amount: 6400 }, sku: 'LNT-FLINT' },
        {
          title: 'Wool Socks',
          options: [{ name: 'Size', values: ['39-42', '43-46'] }],
          variants: [
            { optionValues: ['39-42'], price: { amount: 1800 }, sku: 'SOCK-S' },
            { optionValues: ['43-46'], price: { amount: 1800 }, sku: 'SOCK-L' },
          ],
        },
      ];
      for (const payload of products) {
        const res = await owner.request({ method: 'POST', url: `${api}/products`, payload });
        assert.equal(res.statusCode, 201, res.body);
      }
      page = await admin.signIn(operations);
    });
    after(() => admin?.close());

    /** The variant ids of the products created above, by SKU (tracked or not). */
    const variantIdsBySku = async (): Promise<Map<string, string>> => {
      const ids = new Map<string, string>();
      for (const tracking of ['tracked', 'untracked']) {
        const res = await owner.request({
          method: 'GET',
          url: `${api}/inventory/stock?tracking=${tracking}&limit=50`,
        });
        assert.equal(res.statusCode, 200, res.body);
        for (const item of res.json().items as { variantId: string; sku: string }[]) {
          ids.set(item.sku, item.variantId);
        }
      }
      return ids;
    };

    test('no locations yet: the inventory screen says to add the first one; the form shows what the server refuses', async () => {
      await nav('Inventory').click();
      await page.getByText('Stock is counted per location', { exact: false }).waitFor();
      await shot('inventory-no-locations');
      await page.getByRole('link', { name: 'Add your first location' }).click();

      const form = page.getByRole('dialog', { name: 'Add location' });
      await form.getByLabel('Name').fill('Fell warehouse');
      await form.getByLabel('Street and number').fill('Quarry Lane 4');
      await form.getByLabel('Postal code').fill('LA22 9');
      await form.getByLabel('City').fill('Coniston');
      await form.getByLabel('Country code').fill('G1');
      await form.getByRole('button', { name: 'Add location' }).click();
      await form.getByText('Use the two-letter country code (ISO 3166-1), e.g. DE.').waitFor();
      await shot('location-form-error');
      await form.getByLabel('Country code').fill('gb');
      await form.getByRole('button', { name: 'Add location' }).click();
      await form.waitFor({ state: 'hidden' });

      const table = page.getByRole('table', { name: 'Locations' });
      await eventually(
        () => tableRows(table),
        (rows) => rows.length === 1 && rows[0]![1]!.includes('Fell warehouse'),
        'the new location is listed',
      );
      assert.match((await tableRows(table))[0]![1]!, /Quarry Lane 4, LA22 9 Coniston, GB/);

      // A second location with the same name: the server's conflict lands on the name field.
      await page.getByRole('button', { name: 'Add location' }).click();
      const second = page.getByRole('dialog', { name: 'Add location' });
      await second.getByLabel('Name').fill('Fell warehouse');
      await second.getByLabel('Kind').click();
      await page.getByRole('option', { name: 'Retail store' }).click();
      await second.getByRole('button', { name: 'Add location' }).click();
      await second.getByText('Another location in this store has this name.').waitFor();
      await second.getByLabel('Name').fill('Ambleside shop');
      await second.getByRole('button', { name: 'Add location' }).click();
      await second.waitFor({ state: 'hidden' });
      await eventually(
        () => tableRows(table),
        (rows) => rows.length === 2 && rows[1]![1]!.includes('Ambleside shop') && rows[1]![0] === '1',
        'the shop comes second in fulfilment order',
      );
      await shot('locations');

      // Reservation settings on the same screen: saved, and still there after a reload.
      const settings = page.getByRole('form', { name: 'Reservation settings' });
      await settings.getByText('One location per line').click();
      await settings.getByLabel('Hold stock in a checkout for').fill('30');
      await settings.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText('Reservation settings saved.').waitFor();
      await page.reload();
      await page.getByRole('table', { name: 'Locations' }).waitFor();
      assert.equal(await settings.getByRole('radio', { name: 'One location per line' }).isChecked(), true);
      assert.equal(await settings.getByLabel('Hold stock in a checkout for').inputValue(), '30 min');
      const saved = await owner.request({ method: 'GET', url: `${api}/inventory/settings` });
      assert.deepEqual(saved.json().settings, {
        storeId: saved.json().settings.storeId,
        reservationStrategy: 'priority',
        reservationTtlSeconds: 1800,
      });
    });

    test('no tracked variants: find one, give it stock with Adjust, and the table shows it', async () => {
      // Some stock for other variants through the API, so the table has neighbours.
      const ids = await variantIdsBySku();
      const locations = (await owner.request({ method: 'GET', url: `${api}/inventory/locations` })).json()
        .items as { id: string; name: string }[];
      const [warehouse, shop] = locations;

      await nav('Inventory').click();
      await page.getByText('No stock tracked yet', { exact: true }).waitFor();
      await shot('inventory-empty');

      const seed = await owner.request({
        method: 'POST',
        url: `${api}/inventory/adjustments`,
        payload: {
          items: [
            { variantId: ids.get('BRD-BIRCH'), locationId: warehouse!.id, quantity: 40, reason: 'found' },
            { variantId: ids.get('BRD-BIRCH'), locationId: shop!.id, quantity: 6, reason: 'found' },
            { variantId: ids.get('SOCK-S'), locationId: warehouse!.id, quantity: 2, reason: 'found' },
            { variantId: ids.get('SOCK-L'), locationId: shop!.id, quantity: 1, reason: 'found' },
            { variantId: ids.get('SOCK-L'), locationId: shop!.id, quantity: -1, reason: 'damaged' },
          ],
        },
      });
      assert.equal(seed.statusCode, 201, seed.body);

      await page.getByRole('button', { name: 'Find a variant' }).click();
      const finder = page.getByRole('dialog', { name: 'Track a variant' });
      await finder.getByRole('searchbox', { name: 'Find a variant' }).fill('oat');
      await finder.getByRole('button', { name: /Oat Mug/ }).click();

      const drawer = page.getByRole('dialog', { name: 'Variant stock' });
      await drawer.getByText('Stock is not tracked').waitFor();
      assert.match(page.url(), /variant=/);
      const adjust = drawer.getByRole('form', { name: 'Adjust stock' });
      await adjust.getByLabel('Quantity').fill('12');
      await adjust.getByLabel('Reason').click();
      await page.getByRole('option', { name: 'Found' }).click();
      await adjust.getByLabel('Note').fill('Boxes found behind the kiln');
      await adjust.getByRole('button', { name: 'Adjust stock' }).click();

      // The drawer's figures and the ledger follow at once.
      await drawer.getByLabel('Available: 12').waitFor();
      const history = drawer.getByRole('table', { name: 'Stock history' });
      const ledger = await eventually(
        () => tableRows(history),
        (rows) => rows.length === 1,
        'one ledger line',
      );
      const [, what, location, change, balance, reference, who] = ledger[0]!;
      assert.match(what!, /^Adjusted/);
      assert.match(what!, /Found · Boxes found behind the kiln$/);
      assert.deepEqual([location, change, balance, reference], ['Fell warehouse', '+12', '12', '—']);
      assert.match(who!, /^operations-/);
      await drawerShot('inventory-drawer-adjusted');

      // The table behind the drawer has the variant now, with its numbers.
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'hidden' });
      const table = page.getByRole('table', { name: 'Inventory' });
      const rows = await eventually(
        () => tableRows(table),
        (r) => r.some((cells) => cells[1]!.includes('Oat Mug')),
        'Oat Mug is in the table',
      );
      const mug = rows.find((cells) => cells[1]!.includes('Oat Mug'))!;
      // Image, variant, SKU, on hand, reserved, available, incoming, runs out, state.
      assert.deepEqual(mug.slice(2, 8), ['MUG-OAT', '12', '0', '12', '0', '—']);
      assert.deepEqual(
        rows.map((cells) => cells[1]),
        ['Birch Board', 'Oat Mug', 'Wool Socks 39-42', 'Wool Socks 43-46'],
      );
      assert.match(rows[3]![8]!, /out of stock/i);
      await shot('inventory-table');
    });

    test('a low-stock threshold puts the variant under "Low"; a location shows its own numbers', async () => {
      const table = page.getByRole('table', { name: 'Inventory' });
      await page.getByRole('button', { name: 'Open stock of Oat Mug' }).click();
      const drawer = page.getByRole('dialog', { name: 'Variant stock' });
      const alerts = drawer.getByRole('form', { name: 'Tracking and alerts' });
      await alerts.getByLabel('Low stock at').fill('15');
      await alerts.getByRole('button', { name: 'Save thresholds' }).click();
      await drawer.getByText('Low', { exact: true }).first().waitFor();
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'hidden' });

      await page.getByRole('radiogroup', { name: 'Filter by stock state' }).getByText('Low').click();
      await eventually(
        () => tableRows(table),
        (rows) => rows.length === 1 && rows[0]![1] === 'Oat Mug' && /low/i.test(rows[0]![8]!),
        'only Oat Mug is low',
      );
      assert.match(page.url(), /state=low/);
      await shot('inventory-low');

      await page.getByRole('radiogroup', { name: 'Filter by stock state' }).getByText('All').click();
      await page.getByRole('combobox', { name: 'Location' }).click();
      await page.getByRole('option', { name: 'Ambleside shop' }).click();
      const atShop = await eventually(
        () => tableRows(table),
        (rows) => rows.length === 4 && rows[0]![3] === '6',
        'the shop’s own numbers',
      );
      assert.deepEqual(
        atShop.map((cells) => [cells[1], cells[3]]),
        [
          ['Birch Board', '6'],
          ['Oat Mug', '0'],
          ['Wool Socks 39-42', '0'],
          ['Wool Socks 43-46', '0'],
        ],
      );
      await page.getByRole('combobox', { name: 'Location' }).click();
      await page.getByRole('option', { name: 'All locations' }).click();
    });

    test('removing more than is available is refused on the quantity field, and nothing changes', async () => {
      await page.getByRole('button', { name: 'Open stock of Oat Mug' }).click();
      const drawer = page.getByRole('dialog', { name: 'Variant stock' });
      const adjust = drawer.getByRole('form', { name: 'Adjust stock' });
      await adjust.getByRole('radiogroup', { name: 'Add or remove' }).getByText('− Remove').click();
      await adjust.getByLabel('Quantity').fill('50');
      await adjust.getByLabel('Reason').click();
      await page.getByRole('option', { name: 'Damaged' }).click();
      await adjust.getByRole('button', { name: 'Adjust stock' }).click();
      const error = adjust.getByText('Not enough unreserved stock at this location');
      await error.waitFor();
      const quantity = adjust.getByLabel('Quantity');
      assert.equal(await quantity.getAttribute('aria-invalid'), 'true');
      assert.equal(await drawer.getByLabel('Available: 12').count(), 1);
      assert.equal((await tableRows(drawer.getByRole('table', { name: 'Stock history' }))).length, 1);
      await drawerShot('inventory-drawer-refused');

      // On a phone the table keeps the variant, on hand and available; the state moves under the title.
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'hidden' });
      const viewport = page.viewportSize()!;
      await page.setViewportSize({ width: 390, height: 844 });
      await shot('inventory-phone');
      await page.setViewportSize(viewport);
    });

    test('the history shows 20 changes at a time; Load more brings the older ones', async () => {
      const ids = await variantIdsBySku();
      const locations = (await owner.request({ method: 'GET', url: `${api}/inventory/locations` })).json()
        .items as { id: string }[];
      const res = await owner.request({
        method: 'POST',
        url: `${api}/inventory/adjustments`,
        payload: {
          items: Array.from({ length: 20 }, () => ({
            variantId: ids.get('BRD-BIRCH'),
            locationId: locations[0]!.id,
            quantity: 1,
            reason: 'found',
          })),
        },
      });
      assert.equal(res.statusCode, 201, res.body);
      await page.getByRole('button', { name: 'Open stock of Birch Board' }).click();
      const drawer = page.getByRole('dialog', { name: 'Variant stock' });
      const history = drawer.getByRole('table', { name: 'Stock history' });
      const first = await eventually(
        () => tableRows(history),
        (rows) => rows.length === 20,
        'the first 20 changes',
      );
      assert.equal(first[0]![4], '60', 'newest first: 40 + 20 at the warehouse');
      await drawer.getByRole('button', { name: 'Load more' }).click();
      await eventually(
        () => tableRows(history),
        (rows) => rows.length === 22,
        'all 22 changes',
      );
      assert.equal(await drawer.getByRole('button', { name: 'Load more' }).count(), 0);
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'hidden' });
    });

    test('a best-seller shows when it runs out, in the table, under "Running out" and in its drawer', async () => {
      // Four weeks of sales of the socks (43-46 were out): 2 a day from the warehouse.
      const ids = await variantIdsBySku();
      const socks = ids.get('SOCK-S')!;
      const [warehouse] = (await owner.request({ method: 'GET', url: `${api}/inventory/locations` })).json()
        .items as { id: string }[];
      await admin.database.db.transaction((tx) =>
        recordMovements(
          tx,
          storeId,
          systemActor('e2e history'),
          [{ variantId: socks, locationId: warehouse!.id, kind: 'receive', quantity: 70 }],
          { recordedAt: new Date(Date.now() - 30 * day) },
        ),
      );
      for (let d = 28; d >= 1; d--) {
        await admin.database.db.transaction((tx) =>
          recordMovements(
            tx,
            storeId,
            systemActor('e2e history'),
            [{ variantId: socks, locationId: warehouse!.id, kind: 'sale', quantity: -2 }],
            { recordedAt: new Date(Date.now() - d * day + 3600_000) },
          ),
        );
      }
      const table = page.getByRole('table', { name: 'Inventory' });
      await page.reload();
      await page.getByRole('radiogroup', { name: 'Filter by stock state' }).getByText('Running out').click();
      // 70 − 56 = 14 available (plus what the earlier tests left) at 2 a day.
      const rows = await eventually(
        () => tableRows(table),
        (r) => r.length === 1 && r[0]![1] === 'Wool Socks 39-42',
        'only the socks run out',
      );
      assert.match(rows[0]![7]!, /^in \d+ days$/);
      assert.match(page.url(), /state=running-out/);
      await shot('inventory-running-out');
      await page.getByRole('button', { name: 'Open stock of Wool Socks 39-42' }).click();
      const drawer = page.getByRole('dialog', { name: 'Variant stock' });
      await drawer
        .getByText(/Selling 2 a day over the last four weeks: the available stock runs out in \d+ days/)
        .waitFor();
      const byLocation = await tableRows(drawer.getByRole('table', { name: 'Stock by location' }));
      assert.match(byLocation[0]!.at(-1)!, /^in \d+ days$/);
      await drawerShot('inventory-drawer-running-out');
    });
  });
}
