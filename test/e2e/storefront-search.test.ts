// A shopper searches and narrows a listing in real Chromium with JavaScript switched off: the search
// box, facet links, the price form, sorting and pages all work as plain links and forms.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser as ChromiumBrowser, Page } from 'playwright-core';
import { systemActor } from '../../src/modules/access/index.ts';
import { ensureCategoryPath } from '../../src/modules/catalog/categories.ts';
import { createProduct } from '../../src/modules/catalog/index.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { testDatabaseTargets } from '../../src/platform/db/test-database.ts';
import { makeStore, startTestApp, type TestApp } from '../support/app-harness.ts';
import { browserSkipReason, launchChromium } from '../support/browser.ts';

const skip = browserSkipReason();

for (const target of testDatabaseTargets()) {
  describe(`storefront search without JavaScript in Chromium on ${target.label}`, { skip }, () => {
    let database: Database;
    let sp: TestApp;
    let chromium: ChromiumBrowser;
    let page: Page;
    let base: string;

    const cards = () => page.locator('.card-title').allTextContents();

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      base = await sp.app.listen({ port: 0, host: '127.0.0.1' });
      const store = await makeStore(database, 'lamps', 'EUR');
      const category = await ensureCategoryPath(database.db, store.id, 'Lighting > Desk Lamps');
      const writer = { actor: systemActor('test'), canPublish: true };
      for (let i = 1; i <= 26; i++) {
        await createProduct(database.db, writer, store, {
          title: `Brass Desk Lamp ${i}`,
          vendor: i % 2 ? 'Lumen' : 'Atelier Oak',
          categoryId: category,
          status: 'active',
          price: { amount: 2000 + i * 500 },
        });
      }
      chromium = await launchChromium();
      page = await chromium.newPage({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    });
    after(async () => {
      await chromium?.close();
      await sp.close();
      await database.close();
    });

    test('search, narrow by brand and price, sort, and page through — all without script', async () => {
      await page.goto(`${base}/s/lamps/search`);
      await page.getByRole('searchbox').fill('brass lamp');
      await page.getByRole('button', { name: 'Search' }).click();
      assert.match(page.url(), /\/s\/lamps\/search\?q=brass\+lamp$/);
      assert.equal(await page.locator('.listing-count').textContent(), '26 products');
      assert.equal((await cards()).length, 24);

      await page.locator('.facet-choice', { hasText: 'Lumen' }).click();
      assert.equal(await page.locator('.listing-count').textContent(), '13 products');
      assert.ok((await cards()).every((t) => Number(t.split(' ').at(-1)) % 2 === 1));

      await page.getByLabel('Max').fill('60');
      await page.getByRole('button', { name: 'Apply' }).click();
      assert.match(page.url(), /vendor=Lumen/, 'the form keeps the other filters');
      // Lumen lamps are the odd ones, priced 20 + 5·i: i = 1, 3, 5, 7 cost up to 55.
      assert.deepEqual((await cards()).sort(), [
        'Brass Desk Lamp 1',
        'Brass Desk Lamp 3',
        'Brass Desk Lamp 5',
        'Brass Desk Lamp 7',
      ]);

      await page.getByRole('link', { name: 'Price, high to low' }).click();
      assert.equal((await cards())[0], 'Brass Desk Lamp 7');
      await page.getByRole('link', { name: 'Clear all' }).click();
      assert.equal(await page.locator('.listing-count').textContent(), '26 products');

      await page.getByRole('link', { name: 'Next ›' }).click();
      assert.equal((await cards()).length, 2);
      await page.locator('.facet-link', { hasText: 'Lighting' }).click();
      assert.match(page.url(), /category=lighting(&|$)/);
      assert.equal(await page.locator('.facet-link').textContent(), 'Desk Lamps26', 'then its subcategories');
    });

    test('a category page narrows to its subcategories and shows the way back up', async () => {
      await page.goto(`${base}/s/lamps/categories/lighting`);
      assert.equal(await page.locator('h1').textContent(), 'Lighting');
      await page.locator('.facet-link', { hasText: 'Desk Lamps' }).click();
      assert.match(page.url(), /\/s\/lamps\/categories\/lighting-desk-lamps$/);
      await page
        .getByRole('navigation', { name: 'Breadcrumb' })
        .getByRole('link', { name: 'Lighting' })
        .click();
      assert.match(page.url(), /\/s\/lamps\/categories\/lighting$/);
    });
  });
}
