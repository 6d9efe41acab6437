// An operations person in real Chromium opens Sales channels: the store's "Online store" channel is
// there already. They add a marketplace that sells from the warehouse only and holds back 3 per
// variant (a taken name and a blank one refused on the name field first), read its stock (the
// warehouse's available less 3, never below 0, findable by SKU), download its CSV, raise the buffer
// and see the numbers follow, and remove it; removing the last channel is refused in the server's
// words. A viewer sees the channels but no way to change them. Screenshots go to scratch/screens/.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { Locator, Page } from 'playwright-core';
import { makeLocation } from '../../src/modules/inventory/testing/inventory-fixtures.ts';
import { testDatabaseTargets } from '../../src/platform/db/test-database.ts';
import { eventually, screenshotScreen, storeNavLink, tableRows } from '../support/admin-page.ts';
import { Browser, makeMember, makeStore } from '../support/app-harness.ts';
import { type AdminInChromium, browserSkipReason, startAdminInChromium } from '../support/browser.ts';

const skip = browserSkipReason();
const handle = 'fell-channels';
const api = `/api/admin/stores/${handle}`;

/** SKU → sellable of a stock table (variant, SKU, sellable, last changed), in SKU order. */
async function sellableBySku(table: Locator): Promise<[string, string][]> {
  const rows = await tableRows(table);
  return rows.map((cells): [string, string] => [cells[1]!, cells[2]!]).sort(([a], [b]) => a.localeCompare(b));
}

for (const target of testDatabaseTargets()) {
  describe(`sales channels screen in Chromium on ${target.label}`, { skip }, () => {
    let admin: AdminInChromium;
    let page: Page;
    let viewer: { email: string; password: string };
    let owner: Browser;
    const nav = (name: string) => storeNavLink(page, name);
    const shot = (name: string, on: Page = page) => screenshotScreen(on, `channels-${name}-${target.kind}`);
    const channelsTable = () => page.getByRole('table', { name: 'Sales channels' });

    before(async () => {
      admin = await startAdminInChromium(target);
      const { database } = admin;
      const store = await makeStore(database, handle, 'EUR');
      const operations = await makeMember(database, store.id, 'operations');
      viewer = await makeMember(database, store.id, 'viewer');
      owner = await Browser.signIn(admin.sp.app, (await makeMember(database, store.id, 'owner')).email);
      const warehouse = await makeLocation(database, store.id, 'Fell warehouse');
      const shop = await makeLocation(database, store.id, 'Ambleside shop', { kind: 'retail', priority: 1 });
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
      const ids = new Map<string, string>();
      for (const payload of products) {
        const res = await owner.request({ method: 'POST', url: `${api}/products`, payload });
        assert.equal(res.statusCode, 201, res.body);
        for (const v of res.json().product.variants as { id: string; sku: string }[]) ids.set(v.sku, v.id);
      }
      // Stock at both places; the lantern is left untracked, so no channel lists it.
      const seed = await owner.request({
        method: 'POST',
        url: `${api}/inventory/adjustments`,
        payload: {
          items: [
            { variantId: ids.get('MUG-OAT'), locationId: warehouse.id, quantity: 10, reason: 'found' },
            { variantId: ids.get('MUG-OAT'), locationId: shop.id, quantity: 4, reason: 'found' },
            { variantId: ids.get('BRD-BIRCH'), locationId: warehouse.id, quantity: 2, reason: 'found' },
            { variantId: ids.get('SOCK-S'), locationId: shop.id, quantity: 5, reason: 'found' },
            { variantId: ids.get('SOCK-L'), locationId: warehouse.id, quantity: 25, reason: 'found' },
          ],
        },
      });
      assert.equal(seed.statusCode, 201, seed.body);
      page = await admin.signIn(operations);
    });
    after(() => admin?.close());

    test('the store starts with its "Online store" channel, selling every active location', async () => {
      await nav('Sales channels').click();
      const rows = await eventually(
        () => tableRows(channelsTable()),
        (r) => r.length === 1,
        'one channel',
      );
      // The status badge is upper case on screen.
      assert.deepEqual(rows[0]!.slice(0, 5), [
        'Online store',
        'Storefront',
        'All active locations',
        '—',
        'ACTIVE',
      ]);
      assert.match(page.url(), new RegExp(`/admin/stores/${handle}/channels$`));
      await shot('list-start');
    });

    test('adding a marketplace: a blank and a taken name are refused on the name field', async () => {
      await page.getByRole('button', { name: 'Add channel' }).click();
      const form = page.getByRole('dialog', { name: 'Add sales channel' });
      const name = form.getByLabel('Name');

      await form.getByRole('button', { name: 'Add channel' }).click();
      await form.getByText('Give the channel a name.').waitFor();
      assert.equal(await name.getAttribute('aria-invalid'), 'true');

      // The server's refusal: the name is the storefront channel's.
      await name.fill('Online store');
      await form.getByRole('button', { name: 'Add channel' }).click();
      await form.getByText('Another sales channel in this store has this name.').waitFor();
      assert.equal(await name.getAttribute('aria-invalid'), 'true');
      await shot('form-error');

      await name.fill('Fellmarket');
      assert.equal(await form.getByLabel('Kind').inputValue(), 'Marketplace');
      await form.getByLabel('Sells stock from').click();
      await page.getByRole('option', { name: 'Fell warehouse' }).click();
      await page.keyboard.press('Escape');
      await form.getByLabel('Safety buffer').fill('3');
      await form.getByRole('button', { name: 'Add channel' }).click();
      await form.waitFor({ state: 'hidden' });

      const rows = await eventually(
        () => tableRows(channelsTable()),
        (r) => r.length === 2,
        'two channels',
      );
      assert.deepEqual(rows[0]!.slice(0, 5), ['Fellmarket', 'Marketplace', 'Fell warehouse', '3', 'ACTIVE']);
      await shot('list');
    });

    test('its stock is the warehouse’s available less the buffer, findable by SKU, and as CSV', async () => {
      await channelsTable().getByRole('link', { name: 'Fellmarket' }).click();
      await page.getByRole('heading', { name: 'Fellmarket' }).waitFor();
      await page
        .getByText('Marketplace · sells from Fell warehouse · holds back 3 per variant', { exact: true })
        .waitFor();
      const stock = page.getByRole('table', { name: 'Sellable stock' });
      // Warehouse only: mug 10 − 3, board 2 − 3 floored at 0, small socks none there, large 25 − 3.
      await eventually(
        () => sellableBySku(stock),
        (rows) =>
          JSON.stringify(rows) ===
          JSON.stringify([
            ['BRD-BIRCH', '0'],
            ['MUG-OAT', '7'],
            ['SOCK-L', '22'],
            ['SOCK-S', '0'],
          ]),
        'the marketplace’s numbers',
      );
      const viewport = page.viewportSize()!;
      await page.setViewportSize({ width: viewport.width, height: 1300 });
      await shot('detail');
      // On a phone the table keeps the variant (SKU under it) and the number; the address wraps.
      await page.setViewportSize({ width: 390, height: 1400 });
      await shot('detail-phone');
      await page.setViewportSize(viewport);

      await page.getByRole('searchbox', { name: 'Find by SKU' }).fill('MUG-OAT');
      await eventually(
        () => tableRows(stock),
        (rows) => rows.length === 1 && rows[0]![1] === 'MUG-OAT' && rows[0]![2] === '7',
        'only the mug',
      );
      assert.match(page.url(), /sku=MUG-OAT/);
      await page.getByRole('searchbox', { name: 'Find by SKU' }).fill('MUG');
      await page.getByText('No such SKU here').waitFor();
      await shot('detail-no-sku');
      await page.getByRole('searchbox', { name: 'Find by SKU' }).fill('');
      await eventually(
        () => tableRows(stock),
        (rows) => rows.length === 4,
        'all four again',
      );

      // The pull address shown is the JSON the API answers.
      const jsonUrl =
        (await page
          .locator('section', { hasText: 'Connecting other systems' })
          .locator('pre')
          .textContent()) ?? '';
      assert.match(jsonUrl, new RegExp(`^${admin.base}${api}/inventory/channels/chan_[0-9a-z]+/stock$`));
      const pulled = await page.evaluate(async (url) => {
        const res = await fetch(url, { headers: { accept: 'application/json' } });
        return { status: res.status, body: await res.json() };
      }, jsonUrl);
      assert.equal(pulled.status, 200);
      assert.equal(pulled.body.channel.name, 'Fellmarket');
      assert.equal(pulled.body.items.length, 4);
      await page.locator('code', { hasText: 'inventory.level_changed' }).waitFor();
      assert.equal(
        await page.getByRole('link', { name: 'Manage API keys' }).count(),
        0,
        'operations may not see API keys',
      );

      const csvLink = page.getByRole('link', { name: 'Download CSV' });
      const href = await csvLink.getAttribute('href');
      assert.match(href!, /\/inventory\/channels\/[^/]+\/stock\.csv$/);
      const download = await page.evaluate(async (url) => {
        const res = await fetch(url);
        return {
          status: res.status,
          type: res.headers.get('content-type'),
          disposition: res.headers.get('content-disposition'),
          body: await res.text(),
        };
      }, href!);
      assert.equal(download.status, 200, download.body);
      assert.match(download.type!, /^text\/csv/);
      assert.match(download.disposition!, /attachment; filename="fell-channels-channel-stock\.csv"/);
      const records = parse(download.body) as string[][];
      assert.deepEqual(records[0], ['SKU', 'Variant ID', 'Sellable']);
      assert.deepEqual(
        records
          .slice(1)
          .map(([sku, , sellable]) => [sku, sellable])
          .sort(([a], [b]) => a!.localeCompare(b!)),
        [
          ['BRD-BIRCH', '0'],
          ['MUG-OAT', '7'],
          ['SOCK-L', '22'],
          ['SOCK-S', '0'],
        ],
      );
    });

    test('a bigger buffer lowers what it may sell at once', async () => {
      await page.getByRole('button', { name: 'Edit channel' }).click();
      const form = page.getByRole('dialog', { name: 'Edit Fellmarket' });
      const buffer = form.getByLabel('Safety buffer');
      await buffer.fill('8');
      await form.getByRole('button', { name: 'Save channel' }).click();
      await form.waitFor({ state: 'hidden' });
      const stock = page.getByRole('table', { name: 'Sellable stock' });
      await eventually(
        () => sellableBySku(stock),
        (rows) =>
          JSON.stringify(rows) ===
          JSON.stringify([
            ['BRD-BIRCH', '0'],
            ['MUG-OAT', '2'],
            ['SOCK-L', '17'],
            ['SOCK-S', '0'],
          ]),
        'the numbers with a buffer of 8',
      );
      await page
        .getByText('Marketplace · sells from Fell warehouse · holds back 8 per variant', { exact: true })
        .waitFor();
    });

    test('a viewer sees the channels and their stock but no way to change them', async () => {
      const viewerPage = await admin.signIn(viewer);
      try {
        await viewerPage.goto(`${admin.base}/admin/stores/${handle}/channels`);
        const table = viewerPage.getByRole('table', { name: 'Sales channels' });
        await eventually(
          () => tableRows(table),
          (r) => r.length === 2,
          'the viewer sees both channels',
        );
        assert.equal(await viewerPage.getByRole('button', { name: 'Add channel' }).count(), 0);
        assert.equal(await viewerPage.getByRole('button', { name: /^(Edit|Remove) / }).count(), 0);
        await table.getByRole('link', { name: 'Fellmarket' }).click();
        await viewerPage.getByRole('table', { name: 'Sellable stock' }).waitFor();
        assert.equal(await viewerPage.getByRole('button', { name: 'Edit channel' }).count(), 0);
        assert.equal(await viewerPage.getByRole('button', { name: 'Remove' }).count(), 0);
      } finally {
        await viewerPage.close();
      }
    });

    test('removing it asks first; the last channel cannot go and the dialog says why', async () => {
      await page.getByRole('button', { name: 'Remove' }).click();
      const confirm = page.getByRole('dialog', { name: 'Remove sales channel?' });
      await confirm.getByText('Fellmarket and its stock list go.', { exact: false }).waitFor();
      await confirm.getByRole('button', { name: 'Remove channel' }).click();
      await confirm.waitFor({ state: 'hidden' });
      assert.match(page.url(), new RegExp(`/admin/stores/${handle}/channels$`));
      await eventually(
        () => tableRows(channelsTable()),
        (r) => r.length === 1 && r[0]![0] === 'Online store',
        'only the storefront channel is left',
      );
      const gone = await owner.request({ method: 'GET', url: `${api}/inventory/channels` });
      assert.deepEqual(
        gone.json().items.map((c: { name: string }) => c.name),
        ['Online store'],
      );

      await page.getByRole('button', { name: 'Remove Online store' }).click();
      await confirm.getByRole('button', { name: 'Remove channel' }).click();
      await confirm
        .getByRole('alert')
        .getByText('A store keeps at least one sales channel', { exact: false })
        .waitFor();
      await shot('delete-refused');
      await confirm.getByRole('button', { name: 'Cancel' }).click();
      await confirm.waitFor({ state: 'hidden' });
      assert.equal((await tableRows(channelsTable())).length, 1);
    });
  });
}
