// The review pages over HTTP on both databases: a request e-mail's link opens the form; bad input
// (rating 7, no text, a photo over the limit, a file that is no picture, a forged post) is refused
// with a 4xx and nothing written, the link still working; a good review with a photo is recorded
// once and the link is spent. A product page shows published reviews only, in its JSON-LD too, and
// its cached copy is dropped when a review is published.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { count, eq, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { makeApiKey, withApiKey } from '../../../test/support/app-harness.ts';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { createStore, type Store, systemActor } from '../../modules/access/index.ts';
import { getProduct } from '../../modules/catalog/index.ts';
import { makeCustomerAccount } from '../../modules/customers/testing/customer-fixtures.ts';
import { recordReview, sendDueReviewRequests } from '../../modules/reviews/index.ts';
import { reviewPhotos, reviews } from '../../modules/reviews/schema.ts';
import { deliveredTestOrder } from '../../modules/reviews/testing/review-fixtures.ts';
import { LocalDiskBlobStorage } from '../../platform/blob-storage/local-disk-blob-storage.ts';
import type { Database } from '../../platform/db/database.ts';
import { resultRows } from '../../platform/db/result-rows.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { csrfOf, TestShopper } from '../checkout/testing/test-shopper.ts';

const DAY = 24 * 60 * 60 * 1000;
const actor = systemActor('review pages test');

/** A multipart form post as a browser sends the review form (files under `photos`). */
function multipart(
  fields: Record<string, string>,
  photos: { name: string; type: string; bytes: Buffer }[] = [],
) {
  const boundary = '----reviewformboundary7MA4YWxk';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  for (const photo of photos) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="photos"; filename="${photo.name}"\r\nContent-Type: ${photo.type}\r\n\r\n`,
      ),
      photo.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

const ldOf = (html: string) =>
  JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!);

for (const target of testDatabaseTargets()) {
  describe(`review pages on ${target.label}`, () => {
    let database: Database;
    let sp: Awaited<ReturnType<typeof buildApp>>;
    let dir: string;
    let store: Store;
    let productId: string;
    let productUrl: string;
    let token: string;
    let shopper: TestShopper;
    const formUrl = () => `/s/review-pages/reviews/new/${token}`;
    const reviewCount = async () =>
      Number(
        (await database.db.select({ n: count() }).from(reviews).where(eq(reviews.storeId, store.id)))[0]!.n,
      );

    const post = (
      fields: Record<string, string>,
      photos: Parameters<typeof multipart>[1] = [],
      fetchSite = 'same-origin',
      to = formUrl(),
      as = shopper,
    ) => {
      const body = multipart(fields, photos);
      return as.raw({
        method: 'POST',
        url: to,
        payload: body.payload,
        headers: { 'content-type': body.contentType, 'sec-fetch-site': fetchSite },
      });
    };

    before(async () => {
      database = await target.create();
      dir = await mkdtemp(path.join(tmpdir(), 'review-photos-'));
      const config = { ...loadConfig({ dataDir: dir, logLevel: 'silent' }, {}), jobs: false };
      sp = await buildApp({ config, database, reviewPhotos: new LocalDiskBlobStorage({ dataDir: dir }) });
      store = await createStore(database.db, actor, {
        handle: 'review-pages',
        name: 'Review Pages',
        baseCurrency: 'EUR',
      });
      const order = await deliveredTestOrder(database, store, {
        deliveredAt: new Date(Date.now() - 10 * DAY),
      });
      productId = order.productIds[0]!;
      productUrl = `/s/review-pages/products/${(await getProduct(database.db, store.id, productId)).product.handle}`;
      await sendDueReviewRequests(database.db);
      const [mail] = resultRows<{ html: string }>(
        await database.db.execute(
          sql`select html from mail_messages where topic = 'transactional.review_request'`,
        ),
      );
      token = /\/reviews\/new\/([A-Za-z0-9_-]+)/.exec(mail!.html)![1]!;
      shopper = new TestShopper(sp);
    });
    after(async () => {
      await sp.close();
      await database.close();
      await rm(dir, { recursive: true, force: true });
    });

    test('bad input is refused with a 4xx and nothing written; the link keeps working', async () => {
      const page = await shopper.get(formUrl());
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /enctype="multipart\/form-data"/);
      const csrf = csrfOf(page.body);
      assert.ok(csrf);
      const good = {
        _csrf: csrf,
        rating: '5',
        title: 'Lovely',
        body: 'A lovely bowl, heavier than it looks.',
        authorName: 'Ada',
      };
      let res = await post({ ...good, rating: '7' });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /A lovely bowl, heavier than it looks\./, 'what was typed is shown again');
      res = await post({ ...good, body: '' });
      assert.equal(res.statusCode, 400);
      const big = Buffer.alloc(8 * 1024 * 1024 + 1, 1);
      res = await post(good, [{ name: 'huge.jpg', type: 'image/jpeg', bytes: big }]);
      assert.equal(res.statusCode, 413);
      res = await post(good, [
        { name: 'notes.jpg', type: 'image/jpeg', bytes: Buffer.from('not a picture at all') },
      ]);
      assert.equal(res.statusCode, 422);
      res = await post({ ...good, _csrf: 'forged' });
      assert.equal(res.statusCode, 403);
      res = await post(good, [], 'cross-site');
      assert.equal(res.statusCode, 403);
      assert.equal(await reviewCount(), 0);
      assert.equal((await shopper.get(formUrl())).statusCode, 200, 'the link still works');
    });

    test('a good review with a photo is recorded once; the link is then spent', async () => {
      const csrf = csrfOf((await shopper.get(formUrl())).body);
      const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c08050' } })
        .png()
        .toBuffer();
      const res = await post(
        {
          _csrf: csrf,
          rating: '4',
          title: 'Good bowl',
          body: 'A lovely bowl, heavier than it looks.',
          authorName: 'Ada',
        },
        [{ name: 'bowl.png', type: 'image/png', bytes: png }],
      );
      assert.equal(res.statusCode, 303);
      assert.match(res.headers.location as string, /\/reviews\/thanks$/);
      const [review] = await database.db.select().from(reviews).where(eq(reviews.storeId, store.id));
      assert.equal(review!.status, 'pending');
      assert.equal(review!.verified, true);
      assert.equal(review!.rating, 4);
      const photos = await database.db
        .select()
        .from(reviewPhotos)
        .where(eq(reviewPhotos.reviewId, review!.id));
      assert.equal(photos.length, 1);
      assert.match(photos[0]!.storageKey, /\.webp$/);
      assert.equal(
        (await shopper.get(`/review-photos/${photos[0]!.storageKey}`)).statusCode,
        404,
        'not public while pending',
      );
      assert.equal((await shopper.get(formUrl())).statusCode, 410);
      const again = await post({
        _csrf: csrf,
        rating: '4',
        body: 'Trying the same link twice.',
        authorName: 'Ada',
      });
      assert.equal(again.statusCode, 410);
      assert.equal(await reviewCount(), 1);
    });

    test('the product page shows published reviews only, in its JSON-LD too, as soon as they are published', async () => {
      let page = await shopper.get(productUrl);
      assert.equal(page.statusCode, 200);
      let ld = ldOf(page.body);
      assert.equal(ld.aggregateRating, undefined, 'no rating without published reviews');
      assert.equal(ld.review, undefined);
      const [pending] = await database.db.select().from(reviews).where(eq(reviews.storeId, store.id));
      const api = withApiKey(sp.app, await makeApiKey(database, store.id, ['reviews:write', 'reviews:read']));
      const published = await api({
        method: 'POST',
        url: `/api/admin/stores/${store.id}/reviews/${pending!.id}/publish`,
      });
      assert.equal(published.statusCode, 200);
      await database.db.transaction((tx) =>
        recordReview(
          tx,
          store.id,
          { productId, email: 'other@example.com', verified: false, locale: 'en' },
          { rating: 1, body: 'Still waiting for moderation, so not on the page.', authorName: 'Bo' },
        ),
      );
      page = await shopper.get(productUrl);
      ld = ldOf(page.body);
      assert.deepEqual(ld.aggregateRating, {
        '@type': 'AggregateRating',
        ratingValue: 4,
        reviewCount: 1,
        bestRating: 5,
        worstRating: 1,
      });
      assert.equal(ld.review.length, 1);
      assert.equal(ld.review[0].reviewBody, 'A lovely bowl, heavier than it looks.');
      assert.equal(ld.review[0].author.name, 'Ada');
      assert.equal(ld.review[0].reviewRating.ratingValue, 4);
      assert.match(page.body, /Verified purchase/);
      assert.doesNotMatch(page.body, /Still waiting for moderation/);
      const photo = /src="(\/review-photos\/[0-9a-f]{64}\.webp)"/.exec(page.body)?.[1];
      assert.ok(photo, 'the photo is shown');
      const served = await shopper.get(photo!);
      assert.equal(served.statusCode, 200);
      assert.equal(served.headers['content-type'], 'image/webp');
    });

    test('a signed-in customer reviews a product they received from the product page link', async () => {
      const customer = await makeCustomerAccount(database, store.id, 'kim@example.com', 'linen and tea');
      const bought = await deliveredTestOrder(database, store, {
        deliveredAt: new Date(Date.now() - 2 * DAY),
        customerId: customer.id,
        email: 'kim@example.com',
      });
      const kim = new TestShopper(sp);
      const formPath = `/s/review-pages/reviews/product/${bought.productIds[0]}`;
      const gate = await kim.get(formPath);
      assert.equal(gate.statusCode, 303, 'signed out: to the sign-in page');
      const loginPath = gate.headers.location as string;
      assert.equal(loginPath, `/s/review-pages/account/login?return=${encodeURIComponent(formPath)}`);
      // A return address off the storefront is ignored: the page offers no way back there.
      for (const elsewhere of ['//evil.example/x', 'https://evil.example/', '/s/other-shop/x', '/\\evil']) {
        const page = await kim.get(`/s/review-pages/account/login?return=${encodeURIComponent(elsewhere)}`);
        assert.equal(page.statusCode, 200);
        assert.doesNotMatch(page.body, /name="return"/, elsewhere);
      }
      const login = await kim.get(loginPath);
      assert.match(login.body, /name="return"/);
      const signedIn = await kim.post('/s/review-pages/account/login', {
        _csrf: csrfOf(login.body),
        email: 'kim@example.com',
        password: 'linen and tea',
        return: formPath,
      });
      assert.equal(signedIn.statusCode, 303, signedIn.body);
      assert.equal(signedIn.headers.location, formPath, 'back to the review form');
      const form = await kim.get(formPath);
      assert.equal(form.statusCode, 200);
      const res = await post(
        {
          _csrf: csrfOf(form.body),
          rating: '3',
          body: 'Fine, though the colour is darker than the photos.',
          authorName: 'Kim',
        },
        [],
        'same-origin',
        formPath,
        kim,
      );
      assert.equal(res.statusCode, 303);
      const [review] = await database.db.select().from(reviews).where(eq(reviews.customerId, customer.id));
      assert.equal(review!.verified, true);
      assert.equal(review!.orderId, bought.orderId);
      const notBought = await kim.get(`/s/review-pages/reviews/product/${productId}`);
      assert.equal(notBought.statusCode, 403, 'a product they did not buy');
    });
  });
}
