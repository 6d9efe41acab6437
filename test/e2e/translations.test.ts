// A manager translates a product into French in the editor's translation tab, sees the French page
// on the storefront with its hreflang links, and adds German on the Languages screen — in real
// Chromium, against the whole app on each database.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser as ChromiumBrowser, Page } from 'playwright-core';
import { createStore, systemActor } from '../../src/modules/access/index.ts';
import { createProduct } from '../../src/modules/catalog/index.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { testDatabaseTargets } from '../../src/platform/db/test-database.ts';
import { makeMember, startTestApp, type TestApp } from '../support/app-harness.ts';
import { browserSkipReason, launchChromium, signInToAdmin } from '../support/browser.ts';

const skip = browserSkipReason();
const shots = new URL('../../test-results/', import.meta.url).pathname;

for (const target of testDatabaseTargets()) {
  describe(`translations in Chromium on ${target.label}`, { skip }, () => {
    let database: Database;
    let sp: TestApp;
    let chromium: ChromiumBrowser;
    let page: Page;
    let base: string;
    let productId: string;

    before(async () => {
      mkdirSync(shots, { recursive: true });
      database = await target.create();
      sp = await startTestApp(database);
      base = await sp.app.listen({ port: 0, host: '127.0.0.1' });
      const actor = systemActor('test');
      const store = await createStore(database.db, actor, {
        handle: 'maison',
        name: 'Maison',
        baseCurrency: 'EUR',
        locales: ['en', 'fr'],
      });
      const product = await createProduct(database.db, { actor, canPublish: true }, store, {
        title: 'Stoneware Mug',
        description: 'A speckled stoneware mug.',
        status: 'active',
        options: [{ name: 'Size', values: ['Small', 'Large'] }],
        variants: [
          { optionValues: ['Small'], price: { amount: 2400 } },
          { optionValues: ['Large'], price: { amount: 2800 } },
        ],
      });
      productId = product.product.id;
      const login = await makeMember(database, store.id, 'owner');
      chromium = await launchChromium();
      page = await signInToAdmin(chromium, base, login);
    });
    after(async () => {
      await chromium?.close();
      await sp?.close();
      await database?.close();
    });

    test('translate a product in its French tab and find the French page on the storefront', async () => {
      await page.goto(`${base}/admin/stores/maison/products/${productId}`);
      const panel = page.getByRole('region', { name: 'Translations' });
      await panel.scrollIntoViewIfNeeded();
      const tab = panel.getByRole('tab', { name: /French/ });
      await tab.waitFor();
      assert.match(
        (await tab.textContent()) ?? '',
        /5 missing/,
        'title, description, option name and 2 values',
      );

      await panel.getByRole('textbox', { name: 'Title in French', exact: true }).fill('Tasse en grès');
      await panel.getByRole('textbox', { name: 'Handle in French', exact: true }).fill('tasse-en-gres');
      await panel
        .getByRole('textbox', { name: 'Description in French', exact: true })
        .fill('Une tasse mouchetée.');
      await panel.getByRole('textbox', { name: 'Option “Size” in French', exact: true }).fill('Taille');
      await panel.getByRole('textbox', { name: 'Value “Small” in French', exact: true }).fill('Petite');
      assert.match((await panel.textContent()) ?? '', /1 untranslated/, 'the count follows the typing');
      await panel.getByRole('textbox', { name: 'Value “Large” in French', exact: true }).fill('Grande');
      await panel.getByRole('button', { name: 'Save French' }).click();
      await panel.getByRole('tab', { name: /French.*Complete/ }).waitFor();
      await page.getByText('French translation saved').waitFor();
      await panel.screenshot({ path: `${shots}translations-tab-${target.kind}.png` });

      const shop = await chromium.newPage();
      const response = await shop.goto(`${base}/s/maison/fr/products/tasse-en-gres`);
      assert.equal(response?.status(), 200);
      assert.equal(await shop.locator('html').getAttribute('lang'), 'fr');
      assert.equal(await shop.locator('h1').textContent(), 'Tasse en grès');
      assert.ok(await shop.getByRole('link', { name: /Petite/ }).isVisible());
      const hreflangs = await shop
        .locator('link[rel="alternate"][hreflang]')
        .evaluateAll((links) => links.map((l) => `${l.getAttribute('hreflang')} ${l.getAttribute('href')}`));
      assert.deepEqual(hreflangs, [
        `en ${base}/s/maison/products/stoneware-mug`,
        `fr ${base}/s/maison/fr/products/tasse-en-gres`,
        `x-default ${base}/s/maison/products/stoneware-mug`,
      ]);
      // The French page speaks French: its language menu is "Langue".
      await shop.getByRole('navigation', { name: 'Langue' }).getByRole('link', { name: 'English' }).click();
      await shop.waitForURL(`${base}/s/maison/products/stoneware-mug`);
      assert.equal(await shop.locator('h1').textContent(), 'Stoneware Mug');
      await shop.close();
    });

    test('add German on the Languages screen; the editor gets a German tab', async () => {
      await page.goto(`${base}/admin/stores/maison/languages`);
      await page.getByRole('combobox', { name: 'Add a language' }).fill('Germ');
      await page.getByRole('option', { name: 'German (de)', exact: true }).click();
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await page.getByText('German added').waitFor();
      const row = page.getByRole('row', { name: /^German de/ });
      await row.waitFor();
      // The row may show before its translation counts are read back: wait for them, then check.
      await row.getByText(/incomplete/).waitFor();
      assert.match((await row.textContent()) ?? '', /1 incomplete/);
      await page.getByRole('combobox', { name: 'Add a language' }).fill('not a tag');
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await page.getByText(/Use a BCP 47 language tag/).waitFor();
      await page.screenshot({ path: `${shots}languages-${target.kind}.png`, fullPage: true });

      await page.getByRole('link', { name: 'Stoneware Mug' }).click();
      await page.waitForURL(/\/products\/prod_/);
      const panel = page.getByRole('region', { name: 'Translations' });
      await panel.getByRole('tab', { name: /German/ }).waitFor();
      const store = await database.execute<{ enabled_locales: string[] }>(
        "select enabled_locales from stores where handle = 'maison'",
      );
      assert.deepEqual(store[0]?.enabled_locales, ['fr', 'de']);
    });
  });
}
