// A manager narrows the product list to one vendor in real Chromium, saves that as a view shared
// with the team, reloads (the address holds the filter), goes back to all products and opens the
// view again; a support colleague finds the shared view as a tab and opens it too. A product sent for
// review shows on the briefing; its link opens the list narrowed to the products waiting for review.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser as ChromiumBrowser, Page } from 'playwright-core';
import type { Database } from '../../src/platform/db/database.ts';
import { testDatabaseTargets } from '../../src/platform/db/test-database.ts';
import { Browser, makeMember, makeStore, startTestApp, type TestApp } from '../support/app-harness.ts';
import { browserSkipReason, launchChromium, signInToAdmin } from '../support/browser.ts';

const skip = browserSkipReason();
const shots = new URL('../../test-results/', import.meta.url).pathname;

const products = [
  { title: 'Oat Mug', vendor: 'Lenz', price: 1800, tags: ['kitchen'] },
  { title: 'Tall Vase', vendor: 'Lenz', price: 4500, tags: ['decor'] },
  { title: 'Garden Trowel', vendor: 'Fieldwork', price: 3200, tags: [] },
  { title: 'Linen Towel', vendor: 'Meadow Lane', price: 1200, tags: ['kitchen'] },
];

/** The product titles the table shows, in order. */
async function rows(page: Page): Promise<string[]> {
  const table = page.getByRole('table', { name: 'Products' });
  await table.waitFor();
  return table.locator('tbody tr td a').allTextContents();
}

/** Waits until the table shows exactly these products (in any order). */
async function expectRows(page: Page, titles: string[]) {
  const want = [...titles].sort();
  let got: string[] = [];
  for (let i = 0; i < 50; i++) {
    got = (await rows(page)).sort();
    if (JSON.stringify(got) === JSON.stringify(want)) return;
    await page.waitForTimeout(100);
  }
  assert.deepEqual(got, want);
}

for (const target of testDatabaseTargets()) {
  describe(`saved product list views in Chromium on ${target.label}`, { skip }, () => {
    let database: Database;
    let sp: TestApp;
    let chromium: ChromiumBrowser;
    let page: Page;
    let base: string;
    let support: { email: string; password: string };
    let api: Browser;
    const ids: Record<string, string> = {};

    before(async () => {
      mkdirSync(shots, { recursive: true });
      database = await target.create();
      sp = await startTestApp(database);
      base = await sp.app.listen({ port: 0, host: '127.0.0.1' });
      const store = await makeStore(database, 'clay-shop', 'EUR');
      const login = await makeMember(database, store.id, 'owner');
      support = await makeMember(database, store.id, 'support');
      api = await Browser.signIn(sp.app, login.email);
      for (const p of products) {
        const res = await api.request({
          method: 'POST',
          url: '/api/admin/stores/clay-shop/products',
          payload: { title: p.title, vendor: p.vendor, price: { amount: p.price }, tags: p.tags },
        });
        assert.equal(res.statusCode, 201, res.body);
        ids[p.title] = res.json().product.id;
      }
      chromium = await launchChromium();
      page = await signInToAdmin(chromium, base, login);
    });
    after(async () => {
      await chromium?.close();
      await sp?.close();
      await database?.close();
    });

    test('filter by vendor: the list narrows, a chip says so, the address keeps it', async () => {
      await page.getByRole('link', { name: 'Products' }).click();
      await expectRows(
        page,
        products.map((p) => p.title),
      );
      await page.getByRole('button', { name: 'Filters' }).click();
      await page.getByRole('combobox', { name: 'Vendor' }).click();
      await page.getByRole('option', { name: /^Lenz/ }).click();
      await expectRows(page, ['Oat Mug', 'Tall Vase']);
      await page.screenshot({ path: `${shots}product-filters-open-${target.kind}.png`, fullPage: true });
      // The first Escape closes the vendor menu, the second the filter panel.
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await page.getByRole('dialog', { name: 'Filters' }).waitFor({ state: 'hidden' });
      await page.getByRole('group', { name: 'Active filters' }).getByText('Vendor: Lenz').waitFor();
      assert.match(decodeURIComponent(page.url()), /vendor=.*Lenz/);
      await page.screenshot({ path: `${shots}product-filters-${target.kind}.png`, fullPage: true });
    });

    test('save the filter as a shared view; after a reload it is still open; open it again from All products', async () => {
      await page.getByRole('button', { name: 'Save view' }).click();
      const dialog = page.getByRole('dialog', { name: 'Save view' });
      await dialog.getByRole('textbox', { name: 'Name' }).fill('Lenz pottery');
      await dialog.getByRole('checkbox', { name: 'Share with the team' }).check();
      await page.screenshot({ path: `${shots}product-view-save-${target.kind}.png`, fullPage: true });
      await dialog.getByRole('button', { name: 'Save view' }).click();
      const tab = page.getByRole('tab', { name: 'Lenz pottery' });
      await tab.waitFor();
      assert.equal(await tab.getAttribute('aria-selected'), 'true');
      assert.match(page.url(), /view=pview_/);

      await page.reload();
      await expectRows(page, ['Oat Mug', 'Tall Vase']);
      assert.equal(
        await page.getByRole('tab', { name: 'Lenz pottery' }).getAttribute('aria-selected'),
        'true',
      );

      await page.getByRole('tab', { name: 'All products' }).click();
      await expectRows(
        page,
        products.map((p) => p.title),
      );
      assert.equal(await page.getByRole('group', { name: 'Active filters' }).count(), 0);

      await page.getByRole('tab', { name: 'Lenz pottery' }).click();
      await expectRows(page, ['Oat Mug', 'Tall Vase']);
      await page.getByRole('group', { name: 'Active filters' }).getByText('Vendor: Lenz').waitFor();
      await page.screenshot({ path: `${shots}product-view-open-${target.kind}.png`, fullPage: true });
    });

    test('a teammate sees the shared view as a tab and opens it, without the author’s actions', async () => {
      const colleague = await signInToAdmin(chromium, base, support);
      await colleague.getByRole('link', { name: 'Products' }).click();
      await colleague.getByRole('tab', { name: 'Lenz pottery' }).click();
      await expectRows(colleague, ['Oat Mug', 'Tall Vase']);
      assert.equal(await colleague.getByRole('button', { name: 'Actions for view Lenz pottery' }).count(), 0);
      await colleague.screenshot({
        path: `${shots}product-view-teammate-${target.kind}.png`,
        fullPage: true,
      });
      await colleague.close();
    });

    test('the briefing’s action for a change waiting for review opens the list filtered on it', async () => {
      const sent = await api.request({
        method: 'POST',
        url: `/api/admin/stores/clay-shop/products/${ids['Tall Vase']}/submit-for-review`,
        payload: { note: 'New photos and a shorter title.' },
      });
      assert.equal(sent.statusCode, 200, sent.body);
      await page.goto(`${base}/admin/stores/clay-shop`);
      const action = page
        .getByRole('region', { name: 'What to do now' })
        .getByRole('link', { name: 'Review 1 product change waiting for approval' });
      await action.waitFor();
      await page.screenshot({ path: `${shots}briefing-approvals-${target.kind}.png`, fullPage: true });
      await action.click();
      await expectRows(page, ['Tall Vase']);
      assert.match(page.url(), /\/products\?review=waiting$/);
      await page
        .getByRole('group', { name: 'Active filters' })
        .getByText('Changes waiting for review')
        .waitFor();
      await page.screenshot({
        path: `${shots}product-list-waiting-for-review-${target.kind}.png`,
        fullPage: true,
      });
      // Clearing the filter shows every product again; the filter panel offers it too.
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await expectRows(
        page,
        products.map((p) => p.title),
      );
      await page.getByRole('button', { name: 'Filters', exact: true }).click();
      await page.getByRole('checkbox', { name: 'Changes waiting for review' }).check();
      await expectRows(page, ['Tall Vase']);
      assert.match(page.url(), /review=waiting/);
    });
  });
}
