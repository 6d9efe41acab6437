// A/B test in real Chromium: an announcement-banner experiment runs; one visitor sees the same
// variant on every page they open (home, two products, home again), and fresh visitors (new
// browser contexts, no cookies) land in either variant until both have been seen. Screenshot of
// a product page with the banner.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Browser as ChromiumBrowser } from 'playwright-core';
import type { Store } from '../../src/modules/access/index.ts';
import { makeProduct, type TestProduct } from '../../src/modules/checkout/testing/selling-setup.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { testDatabaseTargets } from '../../src/platform/db/test-database.ts';
import { makeApiKey, makeStore, startTestApp, type TestApp, withApiKey } from '../support/app-harness.ts';
import { browserSkipReason, launchChromium } from '../support/browser.ts';

const skip = browserSkipReason();
const shots = new URL('../../test-results/', import.meta.url).pathname;
const BANNER = 'Free delivery on orders over €50';
const shopperAgent = (version: string) =>
  `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${version} Safari/537.36`;

for (const target of testDatabaseTargets()) {
  describe(`a storefront experiment in Chromium on ${target.label}`, { skip }, () => {
    let database: Database;
    let sp: TestApp;
    let chromium: ChromiumBrowser;
    let base: string;
    let store: Store;
    let lamp: TestProduct;
    let shade: TestProduct;

    before(async () => {
      mkdirSync(shots, { recursive: true });
      database = await target.create();
      sp = await startTestApp(database);
      base = await sp.app.listen({ port: 0, host: '127.0.0.1' });
      store = await makeStore(database, 'studio', 'EUR');
      lamp = await makeProduct(database, store, { title: 'Brass desk lamp', price: 8_900, compareAt: 9_900 });
      shade = await makeProduct(database, store, { title: 'Linen lamp shade', price: 2_900 });
      const api = withApiKey(sp.app, await makeApiKey(database, store.id, ['experiments:write']));
      const created = await api({
        method: 'POST',
        url: `/api/admin/stores/${store.id}/experiments`,
        payload: {
          key: 'delivery-banner',
          name: 'Free delivery banner',
          point: 'announcement_banner',
          variants: [
            { key: 'control', name: 'No banner', weight: 50, change: { show: false } },
            {
              key: 'banner',
              name: 'Banner',
              weight: 50,
              change: { show: true, text: BANNER, link: '/s/studio/' },
            },
          ],
          primaryMetric: 'conversion_rate',
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      const started = await api({
        method: 'POST',
        url: `/api/admin/stores/${store.id}/experiments/${created.json().experiment.id}/start`,
      });
      assert.equal(started.statusCode, 200, started.body);
      chromium = await launchChromium();
    });
    after(async () => {
      await chromium?.close();
      await sp.close();
      await database.close();
    });

    /**
     * A new visitor: their own context, so no cookie of anyone before. Headless Chromium names itself
     * in its User-Agent and is left out as a bot (control, not counted); a shopper's browser does not.
     */
    const freshVisitor = () =>
      chromium.newContext({
        viewport: { width: 1280, height: 900 },
        locale: 'en-GB',
        userAgent: shopperAgent(chromium.version()),
      });

    test('a visitor keeps their banner variant across pages; fresh visitors see either', async () => {
      const seen = new Set<boolean>();
      for (let i = 0; i < 30 && seen.size < 2; i++) {
        const context = await freshVisitor();
        try {
          const page = await context.newPage();
          const shows: boolean[] = [];
          // The banner a visitor gets: the same whether the page was rendered for them or came from the cache.
          for (const path of [
            '/s/studio/',
            `/s/studio/products/${lamp.handle}`,
            `/s/studio/products/${shade.handle}`,
            '/s/studio/',
          ]) {
            await page.goto(`${base}${path}`);
            shows.push((await page.locator('.announcement-banner').count()) > 0);
          }
          assert.ok(
            shows.every((s) => s === shows[0]),
            `one visitor, one variant: ${shows}`,
          );
          if (shows[0]) {
            assert.equal(await page.locator('.announcement-banner').textContent(), BANNER);
            if (!seen.has(true)) {
              await page.goto(`${base}/s/studio/products/${lamp.handle}`);
              await page.screenshot({ path: `${shots}storefront-experiment-banner.png` });
            }
          }
          seen.add(shows[0]!);
          assert.ok(
            (await context.cookies()).some((c) => c.name === 'sp_vid'),
            'the visitor id cookie',
          );
        } finally {
          await context.close();
        }
      }
      assert.equal(seen.size, 2, 'both variants seen among fresh visitors');
    });
  });
}
