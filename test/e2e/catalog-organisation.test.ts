// A manager organises the catalog in real Chromium: builds a category tree, makes a rule
// collection while its live preview follows the conditions, and runs a bulk price change on
// selected rows — watching its progress — then undoes it.
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

for (const target of testDatabaseTargets()) {
  describe(`catalog organisation in Chromium on ${target.label}`, { skip }, () => {
    let database: Database;
    let sp: TestApp;
    let chromium: ChromiumBrowser;
    let page: Page;
    let base: string;
    let login: { email: string; password: string };
    let api: Browser;
    const teaIds: string[] = [];

    before(async () => {
      mkdirSync(shots, { recursive: true });
      database = await target.create();
      sp = await startTestApp(database);
      // Bulk operations run as jobs: let the runner work as it does in production.
      sp.jobs.start();
      base = await sp.app.listen({ port: 0, host: '127.0.0.1' });
      const store = await makeStore(database, 'tea-house', 'EUR');
      login = await makeMember(database, store.id, 'owner');
      api = await Browser.signIn(sp.app, login.email);
      for (const [title, amount, tags] of [
        ['Sencha Spring', 1200, ['tea', 'green']],
        ['Assam Breakfast', 900, ['tea', 'black']],
        ['Gyokuro Shade', 3400, ['tea', 'green']],
        ['Cast Iron Kettle', 5400, ['teaware']],
      ] as const) {
        const res = await api.request({
          method: 'POST',
          url: '/api/admin/stores/tea-house/products',
          payload: { title, price: { amount }, tags, status: 'active' },
        });
        assert.equal(res.statusCode, 201, res.body);
        if (tags.includes('tea' as never)) teaIds.push(res.json().product.id);
      }
      chromium = await launchChromium();
      page = await signInToAdmin(chromium, base, login);
    });
    after(async () => {
      await chromium?.close();
      await sp?.close();
      await database?.close();
    });

    test('categories: create a tree from the screen, add a subcategory from a row menu', async () => {
      await page.getByRole('link', { name: 'Categories' }).click();
      await page.getByRole('button', { name: 'New category' }).click();
      await page.getByRole('textbox', { name: 'Name' }).fill('Tea');
      await page.getByRole('button', { name: 'Create', exact: true }).click();
      await page.getByRole('treeitem', { name: 'Tea' }).waitFor();
      await page.getByRole('button', { name: 'Actions for Tea' }).click();
      await page.getByRole('menuitem', { name: 'Add subcategory' }).click();
      await page.getByRole('textbox', { name: 'Name' }).fill('Green tea');
      await page.getByRole('button', { name: 'Create', exact: true }).click();
      await page.getByRole('treeitem', { name: 'Green tea' }).waitFor();
      const tree = (
        await api.request({ method: 'GET', url: '/api/admin/stores/tea-house/categories' })
      ).json();
      assert.equal(tree.categories[0].children[0].path, 'Tea > Green tea');
      await page.screenshot({ path: `${shots}categories-${target.kind}.png`, fullPage: true });
    });

    test('a rule collection: the preview follows the conditions, and the storefront page shows it', async () => {
      await page.getByRole('link', { name: 'Collections' }).click();
      await page.getByRole('link', { name: 'New collection' }).first().click();
      await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Teas under 15');
      await page.getByRole('textbox', { name: 'Condition 1: value' }).fill('tea');
      await page.getByTestId('preview-total').filter({ hasText: '3 products' }).waitFor();
      await page.getByRole('button', { name: 'Add condition' }).click();
      await page.getByRole('combobox', { name: 'Condition 2: field' }).click();
      await page.getByRole('option', { name: 'Price' }).click();
      await page.getByRole('textbox', { name: 'Condition 2: value' }).fill('15');
      await page.getByTestId('preview-total').filter({ hasText: '2 products' }).waitFor();
      await page.screenshot({ path: `${shots}collection-rules-${target.kind}.png`, fullPage: true });
      await page.getByRole('button', { name: 'Create collection' }).click();
      await page.waitForURL(/\/collections\/coll_/);
      await page.getByRole('link', { name: 'Collections', exact: true }).first().click();
      await page.getByRole('table', { name: 'Collections' }).getByText('Teas under 15').waitFor();
      await page.screenshot({ path: `${shots}collections-${target.kind}.png`, fullPage: true });
      const storefront = await chromium.newPage();
      const response = await storefront.goto(`${base}/s/tea-house/collections/teas-under-15`);
      assert.equal(response?.status(), 200);
      const titles = await storefront.locator('.card-title').allTextContents();
      assert.deepEqual(titles.sort(), ['Assam Breakfast', 'Sencha Spring']);
      await storefront.screenshot({
        path: `${shots}storefront-collection-${target.kind}.png`,
        fullPage: true,
      });
      await storefront.close();
    });

    test('bulk: select rows, lower prices 10% to .99 endings, watch it finish, undo it', async () => {
      await page.getByRole('link', { name: 'Products' }).click();
      await page.getByRole('checkbox', { name: 'Select Sencha Spring' }).check();
      await page.getByRole('checkbox', { name: 'Select Gyokuro Shade' }).check();
      await page.getByTestId('bulk-selected').filter({ hasText: '2 selected' }).waitFor();
      await page.getByRole('button', { name: 'Bulk edit…' }).click();
      await page.getByRole('combobox', { name: 'Action' }).click();
      await page.getByRole('option', { name: 'Change price' }).click();
      await page.getByRole('textbox', { name: 'Percent' }).fill('10');
      await page.getByRole('combobox', { name: 'Round new prices' }).click();
      await page.getByRole('option', { name: /price ending/ }).click();
      await page.screenshot({ path: `${shots}bulk-form-${target.kind}.png`, fullPage: true });
      await page.getByRole('button', { name: 'Apply to 2 products' }).click();
      await page.getByTestId('bulk-status').filter({ hasText: 'Done' }).first().waitFor();
      assert.equal(await page.getByTestId('bulk-progress').first().textContent(), '2 of 2 processed');
      await page.screenshot({ path: `${shots}bulk-done-${target.kind}.png`, fullPage: true });
      const price = async (id: string) =>
        (await api.request({ method: 'GET', url: `/api/admin/stores/tea-house/products/${id}` })).json()
          .product.price.amount;
      // 12.00 − 10% = 10.80 → 10.99; 34.00 − 10% = 30.60 → 30.99.
      assert.deepEqual([await price(teaIds[0]!), await price(teaIds[2]!)], [1099, 3099]);
      await page.getByRole('button', { name: 'Undo this change' }).click();
      await page.getByTestId('bulk-status').nth(1).filter({ hasText: 'Done' }).waitFor();
      assert.deepEqual([await price(teaIds[0]!), await price(teaIds[2]!)], [1200, 3400]);
      await page.screenshot({ path: `${shots}bulk-undone-${target.kind}.png`, fullPage: true });
      await page.getByRole('button', { name: 'Close', exact: true }).click();
    });
  });
}
