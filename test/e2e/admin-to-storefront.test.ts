// A manager signs in, switches store, creates a product, edits and publishes it, and finds it on
// the storefront with its JSON-LD — in real Chromium, against the whole app on each database.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser as ChromiumBrowser } from 'playwright-core';
import { addMember, systemActor } from '../../src/modules/access/index.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { testDatabaseTargets } from '../../src/platform/db/test-database.ts';
import { adminDistDir } from '../../src/platform/http/admin-static.ts';
import { makeMember, makeStore, startTestApp, type TestApp } from '../support/app-harness.ts';
import { browserSkipReason, launchChromium, signInToAdmin } from '../support/browser.ts';

const skip = browserSkipReason();
const shots = new URL('../../test-results/', import.meta.url).pathname;

for (const target of testDatabaseTargets()) {
  describe(`admin to storefront in Chromium on ${target.label}`, { skip }, () => {
    let database: Database;
    let sp: TestApp;
    let chromium: ChromiumBrowser;
    let base: string;
    let login: { email: string; password: string };

    before(async () => {
      mkdirSync(shots, { recursive: true });
      database = await target.create();
      sp = await startTestApp(database);
      base = await sp.app.listen({ port: 0, host: '127.0.0.1' });
      const first = await makeStore(database, 'first-shop', 'USD');
      const second = await makeStore(database, 'nordic-linen', 'EUR');
      login = await makeMember(database, first.id, 'owner');
      await addMember(database.db, systemActor('test'), second.id, { email: login.email, role: 'manager' });
      chromium = await launchChromium();
    });
    after(async () => {
      await chromium?.close();
      await sp?.close();
      await database?.close();
    });

    test('the admin console is built and served', () => {
      assert.ok(existsSync(`${adminDistDir}/index.html`), 'admin/dist exists (npm install builds it)');
    });

    test('sign in, switch store, create, edit, publish, see it on the storefront', async () => {
      const page = await signInToAdmin(chromium, base, login);

      // Switch to the second store.
      await page.getByTestId('store-switcher').click();
      await page.getByRole('menuitem', { name: /Store nordic-linen/ }).click();
      await page.waitForURL(/\/admin\/stores\/nordic-linen(\/|$)/);

      await page.goto(`${base}/admin/stores/nordic-linen/products`);
      await page.getByRole('link', { name: 'New product' }).first().click();
      await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Washed Linen Duvet Cover');
      await page
        .getByRole('textbox', { name: 'Description', exact: true })
        .fill('Stonewashed European flax, soft from the first night. Coconut buttons.');
      await page.getByRole('textbox', { name: 'Price', exact: true }).fill('149.90');
      await page.getByRole('textbox', { name: 'SKU', exact: true }).fill('NL-DUV-001');
      await page.getByRole('button', { name: 'Save product' }).click();
      await page.waitForURL(/\/products\/prod_/);
      await page.screenshot({ path: `${shots}product-created-${target.kind}.png`, fullPage: true });

      // Edit the title and save.
      const title = page.getByRole('textbox', { name: 'Title', exact: true });
      await title.fill('Washed Linen Duvet Cover, Oat');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByRole('button', { name: 'Save', exact: true }).and(page.locator('[disabled]')).waitFor();

      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      await page
        .getByTestId('product-status')
        .filter({ hasText: /active/i })
        .waitFor();
      await page.screenshot({ path: `${shots}product-published-${target.kind}.png`, fullPage: true });

      const storefront = await chromium.newPage();
      const response = await storefront.goto(`${base}/s/nordic-linen/products/washed-linen-duvet-cover`);
      assert.equal(response?.status(), 200);
      assert.equal(await storefront.locator('h1').first().textContent(), 'Washed Linen Duvet Cover, Oat');
      const jsonLd = await storefront.locator('script[type="application/ld+json"]').first().textContent();
      const product = JSON.parse(jsonLd!);
      assert.equal(product['@type'], 'Product');
      assert.equal(product.name, 'Washed Linen Duvet Cover, Oat');
      assert.equal(product.sku, 'NL-DUV-001');
      const offer = Array.isArray(product.offers) ? product.offers[0] : product.offers;
      assert.equal(offer.price, '149.90');
      assert.equal(offer.priceCurrency, 'EUR');
      assert.match(await storefront.title(), /Washed Linen Duvet Cover, Oat/);
      const canonical = await storefront.locator('link[rel="canonical"]').getAttribute('href');
      assert.equal(canonical, `${base}/s/nordic-linen/products/washed-linen-duvet-cover`);
      await storefront.screenshot({ path: `${shots}storefront-product-${target.kind}.png`, fullPage: true });
      await storefront.close();

      // And the storefront home of that store lists it.
      const home = await chromium.newPage();
      await home.goto(`${base}/s/nordic-linen/`);
      assert.ok((await home.content()).includes('Washed Linen Duvet Cover, Oat'));
      await home.close();
    });
  });
}
