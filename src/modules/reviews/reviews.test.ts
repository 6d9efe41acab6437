// Reviews on both databases: the automatic flags (each rule), moderation through the admin API with
// the product figures checked against the reviews themselves after every change, the request e-mail
// (due after the store's delay, sent once, one single-use link per product), and the CSV round trip.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { makeApiKey, startTestApp, type TestApp, withApiKey } from '../../../test/support/app-harness.ts';
import type { Database } from '../../platform/db/database.ts';
import { resultRows } from '../../platform/db/result-rows.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { listMail } from '../../platform/mail/index.ts';
import { createStore, listAudit, type Store, systemActor } from '../access/index.ts';
import {
  productRatingSummary,
  type Review,
  recordReview,
  sendDueReviewRequests,
  submitCustomerReview,
  submitReviewWithToken,
  updateReviewSettings,
} from './index.ts';
import { deliveredTestOrder } from './testing/review-fixtures.ts';

const actor = systemActor('reviews test');
const DAY = 24 * 60 * 60 * 1000;
const goodText = 'Sturdy, well made and exactly as pictured. Would buy again.';

for (const target of testDatabaseTargets()) {
  describe(`reviews on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let store: Store;
    let api: ReturnType<typeof withApiKey>;
    let productA: string;
    let productB: string;
    let n = 0;
    const url = (path = '') => `/api/admin/stores/${store.id}/reviews${path}`;

    /** A review as the storefront records it (unique text unless given). */
    const submit = (
      productId: string,
      content: Partial<{ rating: number; title: string; body: string }> = {},
      email?: string,
    ) =>
      database.db.transaction((tx) =>
        recordReview(
          tx,
          store.id,
          { productId, email: email ?? `buyer${++n}@example.com`, verified: true, locale: 'en' },
          {
            rating: content.rating ?? 5,
            title: content.title ?? '',
            body: content.body ?? `${goodText} (${++n})`,
            authorName: 'Ada',
          },
        ),
      );

    /** The product figures, recomputed from the reviews: what the kept row must equal. */
    async function recomputed(productId: string) {
      const rows = resultRows<{ rating: number; n: number }>(
        await database.db.execute(
          sql`select rating, count(*)::int as n from reviews where store_id = ${store.id}
              and product_id = ${productId} and status = 'published' group by rating`,
        ),
      );
      const stars = [1, 2, 3, 4, 5].map((s) => Number(rows.find((r) => Number(r.rating) === s)?.n ?? 0));
      const count = stars.reduce((a, b) => a + b, 0);
      const sum = stars.reduce((a, b, i) => a + b * (i + 1), 0);
      return { count, average: count ? Math.round((sum / count) * 100) / 100 : null, stars };
    }
    async function assertFiguresExact(productId: string) {
      const kept = await productRatingSummary(database.db, store.id, productId);
      assert.deepEqual(
        { count: kept.count, average: kept.average, stars: kept.stars },
        await recomputed(productId),
      );
    }

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      store = await createStore(database.db, actor, {
        handle: 'review-shop',
        name: 'Reviews',
        baseCurrency: 'EUR',
      });
      api = withApiKey(
        sp.app,
        await makeApiKey(database, store.id, ['reviews:read', 'reviews:write', 'audit:read']),
      );
      const order = await deliveredTestOrder(database, store, {
        deliveredAt: new Date(Date.now() - 30 * DAY),
        products: 2,
      });
      [productA, productB] = order.productIds as [string, string];
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    test('each flag rule holds a review back; an unflagged one follows the store setting', async () => {
      await updateReviewSettings(database.db, store.id, actor, { autoPublish: true, minLength: 20 });
      const clean = await submit(productA);
      assert.deepEqual(clean.flags, []);
      assert.equal(clean.status, 'published', 'auto-publish puts clean reviews live');
      const link = await submit(productA, { body: 'Great! More at www.cheap-deals.com today only.' });
      assert.deepEqual(link.flags, ['contains_link']);
      assert.equal(link.status, 'pending');
      const profane = await submit(productA, { body: 'This is a shitty mug and it leaked on day one.' });
      assert.deepEqual(profane.flags, ['profanity']);
      const harmless = await submit(productA, {
        body: 'Bought it in Scunthorpe, class act, I assess it well.',
      });
      assert.deepEqual(harmless.flags, [], 'words that only contain a bad one are fine');
      const short = await submit(productA, { body: 'Nice.' });
      assert.deepEqual(short.flags, ['too_short']);
      const sameAuthor = await submit(productB, {}, 'repeat@example.com');
      assert.deepEqual(sameAuthor.flags, []);
      const again = await submit(productB, {}, 'REPEAT@example.com');
      assert.deepEqual(again.flags, ['duplicate'], 'the same author reviewing the same product again');
      const copied = await submit(productB, { body: `${clean.body.toUpperCase()}!!` });
      assert.deepEqual(copied.flags, ['duplicate'], 'the same text (case and punctuation aside)');
      for (const flagged of [link, profane, short, again, copied]) assert.equal(flagged.status, 'pending');
      await updateReviewSettings(database.db, store.id, actor, { autoPublish: false });
      assert.equal((await submit(productB)).status, 'pending', 'by default every review waits');
      await assertFiguresExact(productA);
      await assertFiguresExact(productB);
    });

    test('bad content is refused before anything is written', async () => {
      const before = (await api({ method: 'GET', url: url('?limit=200') })).json().total;
      for (const content of [{ rating: 7 }, { rating: 0 }, { body: '   ' }]) {
        await assert.rejects(submit(productA, content as never));
      }
      assert.equal((await api({ method: 'GET', url: url('?limit=200') })).json().total, before);
    });

    test('moderation: publish, reject, bulk, reply, delete; figures exact after each, audited', async () => {
      const reviews: Review[] = [];
      for (const rating of [5, 4, 2, 1]) reviews.push(await submit(productB, { rating }));
      const [five, four, two, one] = reviews as [Review, Review, Review, Review];
      let res = await api({ method: 'POST', url: url(`/${five.id}/publish`) });
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().status, 'published');
      await assertFiguresExact(productB);
      res = await api({
        method: 'POST',
        url: url('/bulk-publish'),
        payload: { ids: [four.id, two.id, one.id] },
      });
      assert.equal(res.statusCode, 200);
      await assertFiguresExact(productB);
      const afterPublish = await productRatingSummary(database.db, store.id, productB);
      res = await api({ method: 'POST', url: url(`/${one.id}/reject`) });
      assert.equal(res.json().status, 'rejected', res.body);
      await assertFiguresExact(productB);
      assert.equal(
        (await productRatingSummary(database.db, store.id, productB)).count,
        afterPublish.count - 1,
      );
      // Publishing again what is published changes nothing.
      await api({ method: 'POST', url: url(`/${five.id}/publish`) });
      await assertFiguresExact(productB);
      // A bulk naming an unknown review changes none.
      res = await api({
        method: 'POST',
        url: url('/bulk-reject'),
        payload: { ids: [two.id, 'rvw_missing'] },
      });
      assert.equal(res.statusCode, 404);
      assert.equal((await api({ method: 'GET', url: url(`/${two.id}`) })).json().status, 'published');
      res = await api({
        method: 'PUT',
        url: url(`/${four.id}/reply`),
        payload: { reply: 'Thank you, Ada!' },
      });
      assert.equal(res.json().reply, 'Thank you, Ada!');
      assert.ok(res.json().repliedAt);
      res = await api({ method: 'DELETE', url: url(`/${four.id}/reply`) });
      assert.equal(res.json().reply, null);
      res = await api({ method: 'PUT', url: url(`/${four.id}/reply`), payload: { reply: '' } });
      assert.equal(res.statusCode, 400);
      res = await api({ method: 'DELETE', url: url(`/${two.id}`) });
      assert.equal(res.statusCode, 204);
      await assertFiguresExact(productB);
      res = await api({ method: 'GET', url: url(`/${two.id}`) });
      assert.equal(res.statusCode, 404);
      // Filters.
      const flagged = (await api({ method: 'GET', url: url('?flag=duplicate') })).json();
      assert.ok(flagged.items.length >= 2);
      assert.ok(flagged.items.every((r: Review) => r.flags.includes('duplicate')));
      const rejected = (
        await api({ method: 'GET', url: url(`?status=rejected&productId=${productB}`) })
      ).json();
      assert.deepEqual(
        rejected.items.map((r: Review) => r.id),
        [one.id],
      );
      const twoStars = (await api({ method: 'GET', url: url('?rating=2') })).json();
      assert.ok(twoStars.items.every((r: Review) => r.rating === 2));
      assert.equal((await api({ method: 'GET', url: url('?status=nope') })).statusCode, 400);
      const audit = await listAudit(database.db, store.id, { limit: 200, offset: 0 });
      const actions = new Set(audit.items.map((e: { action: string }) => e.action));
      for (const a of [
        'review.published',
        'review.rejected',
        'review.replied',
        'review.reply_removed',
        'review.deleted',
      ]) {
        assert.ok(actions.has(a), a);
      }
      const events = resultRows<{ type: string }>(
        await database.db.execute(
          sql`select distinct type from outbox_events where store_id = ${store.id} and type like 'review.%'`,
        ),
      ).map((e) => e.type);
      for (const type of [
        'review.submitted',
        'review.published',
        'review.rejected',
        'review.deleted',
        'review.replied',
      ]) {
        assert.ok(events.includes(type), type);
      }
    });

    test('who may moderate: reviews:read sees the queue and cannot change it', async () => {
      const reader = withApiKey(sp.app, await makeApiKey(database, store.id, ['reviews:read']));
      assert.equal((await reader({ method: 'GET', url: url() })).statusCode, 200);
      const review = await submit(productA);
      assert.equal((await reader({ method: 'POST', url: url(`/${review.id}/publish`) })).statusCode, 403);
      const outsider = withApiKey(sp.app, await makeApiKey(database, store.id, ['catalog:read']));
      assert.equal((await outsider({ method: 'GET', url: url() })).statusCode, 403);
    });

    test('the request e-mail goes once, after the delay, with a single-use link per product', async () => {
      await updateReviewSettings(database.db, store.id, actor, { requestDelayDays: 7 });
      const due = await deliveredTestOrder(database, store, {
        deliveredAt: new Date(Date.now() - 8 * DAY),
        products: 2,
        email: 'due@example.com',
      });
      await deliveredTestOrder(database, store, {
        deliveredAt: new Date(Date.now() - 3 * DAY),
        email: 'early@example.com',
      });
      assert.equal(await sendDueReviewRequests(database.db), 1, 'only the order delivered 8 days ago');
      assert.equal(await sendDueReviewRequests(database.db), 0, 'a second run sends nothing');
      const mails = (await listMail(database.db, store.id, {})).filter(
        (m) => m.topic === 'transactional.review_request',
      );
      assert.equal(mails.length, 1);
      assert.deepEqual(mails[0]!.to, ['due@example.com']);
      const [mail] = resultRows<{ html: string }>(
        await database.db.execute(sql`select html from mail_messages where id = ${mails[0]!.id}`),
      );
      const tokens = [...mail!.html.matchAll(/\/reviews\/new\/([A-Za-z0-9_-]+)/g)].map((m) => m[1]!);
      assert.equal(new Set(tokens).size, 2, 'one link per product');
      const review = await submitReviewWithToken(database.db, store.id, tokens[0]!, {
        rating: 4,
        body: 'Arrived quickly and the glaze is lovely in daylight.',
        authorName: 'Due',
      });
      assert.equal(review.verified, true);
      assert.equal(review.orderId, due.orderId);
      assert.ok(due.productIds.includes(review.productId));
      await assert.rejects(
        submitReviewWithToken(database.db, store.id, tokens[0]!, {
          rating: 4,
          body: 'Second go',
          authorName: 'Due',
        }),
        (err: { code?: string }) => err.code === 'link_expired',
      );
      // A refused submission leaves the other link working.
      await assert.rejects(
        submitReviewWithToken(database.db, store.id, tokens[1]!, { rating: 9, body: 'x', authorName: 'D' }),
      );
      const second = await submitReviewWithToken(database.db, store.id, tokens[1]!, {
        rating: 5,
        body: 'The second product is just as good as the first one.',
        authorName: 'Due',
      });
      assert.equal(second.verified, true);
    });

    test('a signed-in customer reviews what they received (verified), not what they did not buy', async () => {
      const customer = { id: 'cus_01jreviewtestcustomer0000', email: 'kim@example.com' };
      const bought = await deliveredTestOrder(database, store, {
        deliveredAt: new Date(Date.now() - 2 * DAY),
        customerId: customer.id,
        email: customer.email,
      });
      const review = await submitCustomerReview(
        database.db,
        store.id,
        customer,
        bought.productIds[0]!,
        'en',
        {
          rating: 3,
          body: 'Decent, though the colour is darker than the photos.',
          authorName: 'Kim',
        },
      );
      assert.equal(review.verified, true);
      assert.equal(review.orderId, bought.orderId);
      await assert.rejects(
        submitCustomerReview(database.db, store.id, customer, productA, 'en', {
          rating: 5,
          body: 'I never bought this but I love it anyway.',
          authorName: 'Kim',
        }),
        (err: { code?: string; status?: number }) => err.code === 'not_purchased' && err.status === 403,
      );
    });

    test('settings: read, changed (audited), bad values refused', async () => {
      assert.deepEqual((await api({ method: 'GET', url: url('/settings') })).json(), {
        requestsEnabled: true,
        requestDelayDays: 7,
        autoPublish: false,
        minLength: 20,
      });
      let res = await api({ method: 'PATCH', url: url('/settings'), payload: { requestDelayDays: 10 } });
      assert.equal(res.json().requestDelayDays, 10);
      res = await api({ method: 'PATCH', url: url('/settings'), payload: { requestDelayDays: -1 } });
      assert.equal(res.statusCode, 400);
      res = await api({ method: 'PATCH', url: url('/settings'), payload: { colour: 'red' } });
      assert.equal(res.statusCode, 400);
      assert.equal((await api({ method: 'GET', url: url('/settings') })).json().requestDelayDays, 10);
      await api({ method: 'PATCH', url: url('/settings'), payload: { requestDelayDays: 7 } });
    });

    test('CSV: export, import back unchanged, new rows, and a bad file refused whole', async () => {
      const exported = await api({ method: 'GET', url: url('/export.csv') });
      assert.equal(exported.statusCode, 200);
      assert.match(exported.headers['content-type'] as string, /text\/csv/);
      const rows = parse(exported.body, { columns: true }) as Record<string, string>[];
      const total = (await api({ method: 'GET', url: url('?limit=1') })).json().total;
      assert.equal(rows.length, total);
      const back = await api({
        method: 'POST',
        url: url('/import'),
        headers: { 'content-type': 'text/csv' },
        payload: exported.body,
      });
      assert.equal(back.statusCode, 200, back.body);
      assert.deepEqual(back.json(), { created: 0, updated: total });
      const again = await api({ method: 'GET', url: url('/export.csv') });
      const strip = (text: string) =>
        (parse(text, { columns: true }) as Record<string, string>[]).map(({ replied_at: _, ...r }) => r);
      assert.deepEqual(strip(again.body), strip(exported.body), 'an export imported back is the same export');
      await assertFiguresExact(productA);
      await assertFiguresExact(productB);
      const fresh = `product_id,rating,title,body,author_name,status\n${productA},3,Fine,"Does the job, nothing more.",Bo,published\n${productA},5,,"Imported from the old shop.",Cy,pending\n`;
      const created = await api({
        method: 'POST',
        url: url('/import'),
        headers: { 'content-type': 'text/csv' },
        payload: fresh,
      });
      assert.deepEqual(created.json(), { created: 2, updated: 0 });
      await assertFiguresExact(productA);
      const countBefore = (await api({ method: 'GET', url: url('?limit=1') })).json().total;
      const bad = `product_id,rating,body,author_name\n${productA},4,Good,Di\n${productA},7,Too good,Ed\nprod_unknown,5,Hm,Fy\n${productA},5,,Gu\n`;
      const refused = await api({
        method: 'POST',
        url: url('/import'),
        headers: { 'content-type': 'text/csv' },
        payload: bad,
      });
      assert.equal(refused.statusCode, 400);
      assert.equal(refused.json().error.code, 'invalid_rows');
      const problems = refused.json().error.details.problems as { row: number; path: string }[];
      assert.deepEqual(problems.map((p) => `${p.row}:${p.path}`).sort(), [
        '3:rating',
        '4:product_id',
        '5:body',
      ]);
      assert.equal(
        (await api({ method: 'GET', url: url('?limit=1') })).json().total,
        countBefore,
        'nothing written',
      );
    });
  });
}
