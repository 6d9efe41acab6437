// The reviews moderation queue in real Chromium. Two reviews wait: one clean, one held back by the
// link it contains. A support person opens Reviews, sees the flag, publishes the clean review, answers
// it in public from the Published tab and rejects the other. The API agrees and the product's figures
// count the one published review. Screenshots go to scratch/screens/reviews-*.png.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { systemActor } from '../../src/modules/access/index.ts';
import { productRatingSummary, recordReview } from '../../src/modules/reviews/index.ts';
import { testDatabaseTargets } from '../../src/platform/db/test-database.ts';
import { eventually, screenshotScreen } from '../support/admin-page.ts';
import { Browser, makeMember, makeStore } from '../support/app-harness.ts';
import { type AdminInChromium, browserSkipReason, startAdminInChromium } from '../support/browser.ts';

const skip = browserSkipReason();
const api = '/api/admin/stores/fern-goods';
const storeAdmin = '/admin/stores/fern-goods';

for (const target of testDatabaseTargets()) {
  describe(`review moderation in Chromium on ${target.label}`, { skip }, () => {
    let admin: AdminInChromium;
    let page: Page;
    let owner: Browser;
    let storeId: string;
    let productId: string;
    let clean: string;
    let linked: string;

    before(async () => {
      admin = await startAdminInChromium(target);
      const { database } = admin;
      const store = await makeStore(database, 'fern-goods', 'EUR');
      storeId = store.id;
      owner = await Browser.signIn(admin.sp.app, (await makeMember(database, store.id, 'owner')).email);
      const product = await owner.request({
        method: 'POST',
        url: `${api}/products`,
        payload: { title: 'Fern Candle', price: { amount: 2400 }, sku: 'CANDLE-FERN', status: 'active' },
      });
      assert.equal(product.statusCode, 201, product.body);
      productId = product.json().product.id;
      const write = (name: string, rating: number, body: string) =>
        database.db.transaction((tx) =>
          recordReview(
            tx,
            store.id,
            { productId, email: `${name.toLowerCase()}@example.com`, verified: true, locale: 'en' },
            { rating, title: `${name}'s view`, body, authorName: name },
            [],
            systemActor('e2e'),
          ),
        );
      clean = (await write('Maren', 5, 'Smells of a walk in the woods and burns evenly for hours.')).id;
      linked = (await write('Spammy', 1, 'Cheaper candles at www.candle-deals.example.com, go there!')).id;
      page = await admin.signIn(await makeMember(database, store.id, 'support'));
    });
    after(() => admin?.close());

    test('a support person publishes a review, answers it in public and rejects a flagged one', async () => {
      await page.goto(`${admin.base}${storeAdmin}/reviews`);
      await page.getByRole('heading', { name: 'Reviews' }).waitFor();
      const cards = page.getByTestId('review-card');
      await eventually(
        () => cards.count(),
        (n) => n === 2,
        'two reviews wait',
      );
      const spam = cards.filter({ hasText: 'Spammy' });
      assert.match((await spam.textContent()) ?? '', /Link/, 'the flag is shown');
      await screenshotScreen(page, `reviews-queue-${target.kind}`);

      const good = cards.filter({ hasText: 'Maren' });
      await good.getByRole('button', { name: 'Publish' }).click();
      await eventually(
        () => cards.count(),
        (n) => n === 1,
        'the published review leaves the queue',
      );
      await page.getByRole('tab', { name: /Published/ }).click();
      const published = page.getByTestId('review-card').filter({ hasText: 'Maren' });
      await published.waitFor();
      await published.getByRole('button', { name: 'Reply' }).click();
      await page.getByLabel('Public reply').fill('Thank you, Maren! Enjoy the woods.');
      await page.getByRole('button', { name: 'Save reply' }).click();
      await published.getByText('Thank you, Maren! Enjoy the woods.').waitFor();
      await screenshotScreen(page, `reviews-published-${target.kind}`);

      await page.getByRole('tab', { name: /Pending/ }).click();
      const waiting = page.getByTestId('review-card').filter({ hasText: 'Spammy' });
      await waiting.getByRole('button', { name: 'Reject' }).click();
      await eventually(
        () => page.getByTestId('review-card').count(),
        (n) => n === 0,
        'the queue is empty',
      );

      const read = async (id: string) =>
        (await owner.request({ method: 'GET', url: `${api}/reviews/${id}` })).json();
      const first = await read(clean);
      assert.equal(first.status, 'published');
      assert.equal(first.reply, 'Thank you, Maren! Enjoy the woods.');
      assert.equal((await read(linked)).status, 'rejected');
      const summary = await productRatingSummary(admin.database.db, storeId, productId);
      assert.equal(summary.count, 1);
      assert.equal(summary.average, 5);
    });
  });
}
