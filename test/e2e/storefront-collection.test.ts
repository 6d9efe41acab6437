// A German-speaking shopper opens a collection under /de/ in real Chromium with JavaScript off: the
// page speaks German, a brand facet narrows it, the order changes, and the words, prices and
// addresses stay in German throughout.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser as ChromiumBrowser, Page } from 'playwright-core';
import { createStore, systemActor } from '../../src/modules/access/index.ts';
import { ensureCategoryPath } from '../../src/modules/catalog/categories.ts';
import { createCollection } from '../../src/modules/catalog/collections/collections.ts';
import { createProduct, putProductTranslation } from '../../src/modules/catalog/index.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { testDatabaseTargets } from '../../src/platform/db/test-database.ts';
import { formatMoney } from '../../src/platform/money.ts';
import { startTestApp, type TestApp } from '../support/app-harness.ts';
import { browserSkipReason, launchChromium } from '../support/browser.ts';

const skip = browserSkipReason();
const shots = new URL('../../test-results/', import.meta.url).pathname;

for (const target of testDatabaseTargets()) {
  describe(`a German collection page without JavaScript in Chromium on ${target.label}`, { skip }, () => {
    let database: Database;
    let sp: TestApp;
    let chromium: ChromiumBrowser;
    let page: Page;
    let base: string;

    const cards = () => page.locator('.card-title').allTextContents();
    const count = () => page.locator('.listing-count').textContent();

    before(async () => {
      mkdirSync(shots, { recursive: true });
      database = await target.create();
      sp = await startTestApp(database);
      base = await sp.app.listen({ port: 0, host: '127.0.0.1' });
      const writer = { actor: systemActor('test'), canPublish: true };
      const store = await createStore(database.db, writer.actor, {
        handle: 'werkstatt',
        name: 'Werkstatt',
        baseCurrency: 'EUR',
        locale: 'en',
        locales: ['en', 'de'],
      });
      const category = await ensureCategoryPath(database.db, store.id, 'Kitchen > Mugs');
      for (let i = 1; i <= 14; i++) {
        const mug = await createProduct(database.db, writer, store, {
          title: `Stoneware Mug ${i}`,
          vendor: i % 2 ? 'Clay Studio' : 'Kiln Works',
          categoryId: category,
          tags: ['mug'],
          status: 'active',
          options: [{ name: 'Color', values: ['Sand', 'Slate'] }],
          variants: [
            { optionValues: ['Sand'], price: { amount: 1500 + i * 100 } },
            { optionValues: ['Slate'], price: { amount: 1500 + i * 100 } },
          ],
        });
        await putProductTranslation(database.db, writer, store, mug.product.id, 'de', {
          title: `Steingutbecher ${i}`,
        });
      }
      await createCollection(database.db, writer.actor, store.id, {
        title: 'Mugs',
        handle: 'mugs',
        kind: 'rules',
        rules: [{ field: 'tag', operator: 'equals', value: 'mug' }],
        sortOrder: 'newest',
        description: '<p>Thrown by hand, fired twice.</p>',
      });
      chromium = await launchChromium();
      page = await chromium.newPage({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    });
    after(async () => {
      await chromium?.close();
      await sp.close();
      await database.close();
    });

    test('open it in German, narrow by brand, sort by price, and switch to English', async () => {
      const response = await page.goto(`${base}/s/werkstatt/de/collections/mugs`);
      assert.equal(response?.status(), 200);
      assert.equal(await page.locator('html').getAttribute('lang'), 'de');
      assert.equal(await page.locator('h1').textContent(), 'Mugs');
      assert.equal(await count(), '14 Produkte');
      assert.ok((await cards()).every((title) => title.startsWith('Steingutbecher')));
      await page
        .getByRole('navigation', { name: 'Navigationspfad' })
        .getByRole('link', { name: 'Startseite' })
        .waitFor();
      await page.screenshot({ path: `${shots}collection-de-${target.kind}.png`, fullPage: true });

      await page.locator('.facet-choice', { hasText: 'Kiln Works' }).click();
      assert.match(page.url(), /\/s\/werkstatt\/de\/collections\/mugs\?vendor=Kiln\+Works$/);
      assert.equal(await count(), '7 Produkte');
      await page.getByRole('link', { name: 'Filter Kiln Works entfernen' }).waitFor();

      await page
        .getByRole('navigation', { name: 'Sortieren nach' })
        .getByRole('link', { name: 'Preis absteigend' })
        .click();
      assert.match(page.url(), /vendor=Kiln\+Works&sort=price-desc$/, 'the order keeps the filter');
      const sorted = await cards();
      assert.deepEqual(sorted.slice(0, 3), ['Steingutbecher 14', 'Steingutbecher 12', 'Steingutbecher 10']);
      const firstPrice = await page.locator('.card .price').first().textContent();
      assert.equal(firstPrice, formatMoney(2900, 'EUR', 'de'), 'prices written the German way');
      await page.screenshot({ path: `${shots}collection-de-filtered-${target.kind}.png`, fullPage: true });

      await page.getByLabel('Max.').fill('25');
      await page.getByRole('button', { name: 'Anwenden' }).click();
      assert.match(page.url(), /vendor=Kiln\+Works/, 'the price form keeps the other filters');
      assert.match(page.url(), /max_price=25/);
      assert.equal(await count(), '5 Produkte', 'Kiln Works mugs 2, 4, 6, 8 and 10 cost up to €25');

      await page.getByRole('navigation', { name: 'Sprache' }).getByRole('link', { name: 'English' }).click();
      assert.match(page.url(), /\/s\/werkstatt\/collections\/mugs$/);
      assert.equal(await count(), '14 products');
      assert.ok((await cards()).every((title) => title.startsWith('Stoneware Mug')));
    });
  });
}
