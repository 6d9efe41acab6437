// A guest shopping in the German market (EUR) in real Chromium: two products into the cart from
// their pages, a 10 % code, the address, a shipping method, the test card 4242…, and the order's
// status page. Screenshots of every step (desktop, and the checkout at a phone's 390 px) go to
// scratch/screens/checkout-*.png.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Browser as ChromiumBrowser, Page } from 'playwright-core';
import { createStore, systemActor } from '../../src/modules/access/index.ts';
import { type EuShop, makeEuShop } from '../../src/modules/checkout/testing/placement-setup.ts';
import { makeMarket } from '../../src/modules/checkout/testing/selling-setup.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { testDatabaseTargets } from '../../src/platform/db/test-database.ts';
import { startTestApp, type TestApp } from '../support/app-harness.ts';
import { browserSkipReason, launchChromium } from '../support/browser.ts';

const skip = browserSkipReason();
const screens = new URL('../../scratch/screens/', import.meta.url).pathname;
const year = String((new Date().getUTCFullYear() + 2) % 100).padStart(2, '0');

for (const target of testDatabaseTargets()) {
  describe(`a guest checks out in Chromium on ${target.label}`, { skip }, () => {
    let database: Database;
    let sp: TestApp;
    let chromium: ChromiumBrowser;
    let context: BrowserContext;
    let page: Page;
    let base: string;
    let eu: EuShop;
    const handle = 'linen';

    const shot = async (name: string, on: Page = page) => {
      // A full-page screenshot of a scrolled window draws the sticky header mid-page.
      await on.evaluate(() => window.scrollTo(0, 0));
      await on.screenshot({ path: `${screens}checkout-${name}.png`, fullPage: true });
    };

    before(async () => {
      mkdirSync(screens, { recursive: true });
      database = await target.create();
      sp = await startTestApp(database);
      base = await sp.app.listen({ port: 0, host: '127.0.0.1' });
      const store = await createStore(database.db, systemActor('test'), {
        handle,
        name: 'Linen & Co',
        baseCurrency: 'EUR',
      });
      eu = await makeEuShop(database, store);
      await makeMarket(database, store, {
        name: 'United States',
        currency: 'USD',
        countries: ['US'],
        rate: '1.08',
      });
      chromium = await launchChromium();
      context = await chromium.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
      // The shopper chose Germany in the country selector: the DE market, prices in euros.
      await context.addCookies([{ name: 'sp_market', value: 'DE', url: base }]);
      page = await context.newPage();
      page.setDefaultTimeout(10_000);
    });
    after(async () => {
      await chromium?.close();
      await sp?.close();
      await database?.close();
    });

    test('two products, a 10 % code, an address, a shipping method, the test card, and the order', async () => {
      await page.goto(`${base}/s/${handle}/products/${eu.shirt.handle}`);
      await page.getByRole('button', { name: 'Add to cart' }).click();
      await page.goto(`${base}/s/${handle}/products/${eu.book.handle}`);
      await page.getByRole('button', { name: 'Add to cart' }).click();
      await page.goto(`${base}/s/${handle}/cart`);
      await page.getByText('Field guide').first().waitFor();
      await shot('01-cart');

      await page.getByRole('link', { name: 'Check out' }).click();
      await page.waitForURL(/\/checkout$/);
      await page.getByRole('heading', { name: 'Checkout' }).waitFor();
      await page.getByLabel('E-mail').fill('ada@example.com');
      await shot('02-contact');
      await page.locator('#contact').getByRole('button', { name: 'Continue' }).click();

      const address = page.locator('#address');
      await address.getByLabel('Country').first().selectOption('DE');
      await address.getByLabel('First name').first().fill('Ada');
      await address.getByLabel('Last name').first().fill('Lovelace');
      await address.getByLabel('Street and number').first().fill('Hauptstraße 1');
      await address.getByLabel('Postal code').first().fill('10115');
      await address.getByLabel('City').first().fill('Berlin');
      assert.equal(
        await address.getByLabel('State / province').first().isVisible(),
        false,
        'Germany has no region menu',
      );
      await shot('03-address');
      await address.getByRole('button', { name: 'Continue' }).click();

      const shipping = page.locator('#shipping');
      await shipping.getByText('Express').click();
      await shot('04-shipping');
      await shipping.getByRole('button', { name: 'Continue' }).click();

      await page.getByLabel('Discount code').fill('WELCOME10');
      await page.getByRole('button', { name: 'Apply' }).click();
      await page.getByText('Discount (WELCOME10)').waitFor();
      const summary = (await page.locator('.checkout-summary').allInnerTexts())
        .join(' ')
        .replace(/\s+/g, ' ');
      // 119.00 + 10.70 = 129.70; 10 % = 12.97; express 9.90 → 126.63, VAT inside.
      assert.match(summary, /Subtotal €129\.70/);
      assert.match(summary, /−€12\.97/);
      assert.match(summary, /Total EUR ?€126\.63/);
      assert.match(summary, /Including MwSt\. 19 %/);
      await shot('05-discount');

      const payment = page.locator('#payment');
      await payment.getByText('Test mode').waitFor();
      await payment.getByLabel('Card number').fill('4242 4242 4242 4242');
      await payment.getByLabel('Expiry (MM/YY)').fill(`12/${year}`);
      await payment.getByLabel('Security code (CVC)').fill('123');
      await payment.getByLabel('Name on card').fill('Ada Lovelace');
      await shot('06-payment');

      // The same checkout at a phone's width: one column, the summary folded above the form.
      const phone = await context.newPage();
      await phone.setViewportSize({ width: 390, height: 844 });
      await phone.goto(`${base}/s/${handle}/checkout`);
      assert.equal(
        await phone.locator('.checkout-summary details').getAttribute('open'),
        null,
        'folded on a phone',
      );
      await shot('07-phone', phone);
      await phone.locator('.checkout-summary summary').click();
      await shot('08-phone-summary', phone);
      await phone.close();

      await payment.getByRole('button', { name: 'Pay €126.63' }).click();
      await page.waitForURL(/\/orders\/[A-Za-z0-9_-]{24}$/);
      const status = (await page.locator('main').allInnerTexts()).join(' ').replace(/\s+/g, ' ');
      assert.match(status, /Order #1001/);
      assert.match(status, /Confirmed and paid/);
      assert.match(status, /Express/);
      assert.match(status, /Total EUR ?€126\.63/);
      await shot('09-order');

      const phoneOrder = await context.newPage();
      await phoneOrder.setViewportSize({ width: 390, height: 844 });
      await phoneOrder.goto(page.url());
      await shot('10-order-phone', phoneOrder);
      await phoneOrder.close();
    });
  });
}
