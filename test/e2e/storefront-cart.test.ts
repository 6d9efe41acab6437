// A shopper fills a cart in real Chromium: two products from their pages, a discount code, the
// shipping estimate for one country and then another, and the footer's country selector switching
// the whole shop (cart included) into yen. Screenshots of the product page and the cart.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser as ChromiumBrowser, Page } from 'playwright-core';
import type { Store } from '../../src/modules/access/index.ts';
import {
  makeDiscount,
  makeMarket,
  makeProduct,
  makeZone,
  setUpTax,
  type TestProduct,
} from '../../src/modules/checkout/testing/selling-setup.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { testDatabaseTargets } from '../../src/platform/db/test-database.ts';
import { makeStore, startTestApp, type TestApp } from '../support/app-harness.ts';
import { browserSkipReason, launchChromium } from '../support/browser.ts';

const skip = browserSkipReason();
const shots = new URL('../../test-results/', import.meta.url).pathname;

for (const target of testDatabaseTargets()) {
  describe(`a shopper's cart in Chromium on ${target.label}`, { skip }, () => {
    let database: Database;
    let sp: TestApp;
    let chromium: ChromiumBrowser;
    let page: Page;
    let base: string;
    let store: Store;
    let shirt: TestProduct;
    let mug: TestProduct;

    // As the shopper reads it: rendered text, hidden buttons left out, one line per block.
    // biome-ignore lint/performance/useDomNodeTextContent: the layout's line breaks are what the test reads
    const summary = () => page.locator('.cart-summary').innerText();
    /** Does something that submits a form (a select that submits itself) and waits for the next page. */
    const submits = async (action: () => Promise<unknown>) => {
      await Promise.all([page.waitForNavigation(), action()]);
    };

    before(async () => {
      mkdirSync(shots, { recursive: true });
      database = await target.create();
      sp = await startTestApp(database);
      base = await sp.app.listen({ port: 0, host: '127.0.0.1' });
      store = await makeStore(database, 'atelier', 'EUR');
      shirt = await makeProduct(database, store, {
        title: 'Washed linen shirt',
        price: 5_900,
        sizes: ['S', 'M', 'L'],
        weightGrams: 300,
      });
      mug = await makeProduct(database, store, { title: 'Stoneware mug', price: 1_999, compareAt: 2_499 });
      await makeProduct(database, store, { title: 'Brass desk lamp', price: 8_900 });
      await makeMarket(database, store, {
        name: 'Japan',
        currency: 'JPY',
        countries: ['JP'],
        rate: '162.37',
      });
      await setUpTax(database, store.id, {
        settings: { pricesIncludeTax: true },
        rates: [
          { country: 'DE', ratePpm: 190_000, name: 'VAT 19 %' },
          { country: 'FR', ratePpm: 200_000, name: 'TVA 20 %' },
          { country: 'JP', ratePpm: 100_000, name: 'JCT 10 %' },
        ],
      });
      await makeZone(database, store.id, { name: 'Germany', countries: [{ country: 'DE' }] }, [
        {
          name: 'Standard',
          type: 'flat',
          estimate: { minDays: 1, maxDays: 2 },
          prices: [{ currency: 'EUR', amount: 490 }],
        },
        {
          name: 'Express',
          type: 'flat',
          estimate: { minDays: 0, maxDays: 1 },
          prices: [{ currency: 'EUR', amount: 990 }],
        },
      ]);
      await makeZone(database, store.id, { name: 'EU', countries: [{ country: 'FR' }, { country: 'AT' }] }, [
        {
          name: 'Standard',
          type: 'flat',
          estimate: { minDays: 2, maxDays: 5 },
          prices: [{ currency: 'EUR', amount: 990 }],
        },
      ]);
      await makeZone(database, store.id, { name: 'Japan', countries: [{ country: 'JP' }] }, [
        {
          name: 'International',
          type: 'flat',
          estimate: { minDays: 5, maxDays: 9 },
          prices: [{ currency: 'JPY', amount: 2_500 }],
        },
      ]);
      await makeDiscount(database, store.id, {
        title: 'Welcome',
        kind: 'code',
        codes: ['WELCOME10'],
        type: 'percentage',
        percentBp: 1000,
      });
      chromium = await launchChromium();
      page = await chromium.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
      page.setDefaultTimeout(10_000);
    });
    after(async () => {
      await chromium?.close();
      await sp?.close();
      await database?.close();
    });

    test('two products, a code, one country then another, and the shop in yen', async () => {
      await page.goto(`${base}/s/atelier/products/${shirt.handle}`);
      await page.locator('select[name="variantId"]').selectOption({ label: 'M · €59.00' });
      await page.getByLabel('Quantity').fill('2');
      await page.screenshot({ path: `${shots}storefront-product-add-to-cart.png` });
      await page.getByRole('button', { name: 'Add to cart' }).click();
      await page.waitForURL(/\/cart\?added=/);
      assert.equal(
        await page.locator('.cart-notice.ok').textContent(),
        'Washed linen shirt (M) is in your cart.',
      );

      await page.goto(`${base}/s/atelier/products/${mug.handle}`);
      assert.equal(
        await page.locator('.cart-count').textContent(),
        '2',
        'the header counts the cart on a cached page',
      );
      await page.getByRole('button', { name: 'Add to cart' }).click();
      await page.waitForURL(/\/cart\?added=/);
      assert.deepEqual(await page.locator('.cart-line h2').allTextContents(), [
        'Washed linen shirt',
        'Stoneware mug',
      ]);

      await page.getByLabel('Discount code').fill('welcome10');
      await page.getByRole('button', { name: 'Apply' }).click();
      await page.locator('.code-chip').waitFor();
      // 2 × 59.00 + 19.99 = 137.99; 10 % = 13.80.
      assert.match(await summary(), /Discount\s+−€13\.80/);

      await submits(() => page.getByLabel('Ship to').selectOption('DE'));
      let text = await summary();
      assert.match(text, /Standard · €4\.90/);
      assert.match(text, /2 options, €4\.90 to €9\.90/);
      // 124.19 + 4.90 = 129.09, VAT 19 % included.
      assert.match(text, /Total\s+EUR\s*€129\.09/);
      assert.match(text, /Including €20\.61 tax/);
      await page.screenshot({ path: `${shots}storefront-cart-germany.png`, fullPage: true });

      await submits(() => page.getByLabel('Ship to').selectOption('FR'));
      text = await summary();
      assert.match(text, /Standard · €9\.90/);
      assert.match(text, /Total\s+EUR\s*€134\.09/);
      assert.match(text, /Including €22\.35 tax/);
      await page.screenshot({ path: `${shots}storefront-cart-france.png`, fullPage: true });

      await submits(() => page.getByLabel('Country/region').selectOption('JP'));
      assert.match(page.url(), /\/s\/atelier\/cart$/, 'back to the page it was on');
      text = await summary();
      // Shirt 59.00 € → ¥9,580, mug 19.99 € → ¥3,246.
      assert.match(text, /Subtotal\s+¥22,406/);
      assert.match(text, /International · ¥2,500/);
      // 10 % of ¥22,406 = ¥2,240.6 → ¥2,241; 22,406 − 2,241 + 2,500.
      assert.match(text, /Total\s+JPY\s*¥22,665/);
      await page.screenshot({ path: `${shots}storefront-cart-japan.png`, fullPage: true });

      await page.goto(`${base}/s/atelier/`);
      assert.match((await page.locator('.card .price').first().textContent()) ?? '', /¥/);
    });
  });
}
