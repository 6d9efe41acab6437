// What waits for a reviewer, on both databases: products sent for review (a draft's own content, a
// live product's staged edits) are counted with the oldest submission; approved, published, sent back,
// unsubmitted, discarded, archived and moot reviews are not, nor another store's. The product list's
// `review=waiting` filter shows exactly the products counted, bulk selections by that filter too, and
// an unknown value is a 400.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  Browser,
  makeMember,
  makeStore,
  startTestApp,
  type TestApp,
} from '../../../../test/support/app-harness.ts';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import type { Store } from '../../access/index.ts';
import { changesAwaitingReview } from '../index.ts';

const oldestSubmission = new Date('2026-03-02T07:15:00Z');

for (const target of testDatabaseTargets()) {
  describe(`changes awaiting review on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let store: Store;
    let manager: Browser;
    let editor: Browser;
    const api = '/api/admin/stores/queue-shop';
    const ids: Record<string, string> = {};

    async function call(who: Browser, method: 'POST' | 'PATCH', url: string, payload: object = {}) {
      const res = await who.request({ method, url: `${api}${url}`, payload });
      assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.json();
    }
    const make = async (key: string, title: string, status: 'draft' | 'active' = 'draft') => {
      ids[key] = (
        await call(manager, 'POST', '/products', { title, price: { amount: 1500 }, status })
      ).product.id;
    };
    const submit = (key: string) => call(editor, 'POST', `/products/${ids[key]}/submit-for-review`);
    const approve = (key: string) => call(manager, 'POST', `/products/${ids[key]}/approve`);
    const titles = async (query: string) => {
      const res = await manager.request({ method: 'GET', url: `${api}/products?sort=title&${query}` });
      assert.equal(res.statusCode, 200, res.body);
      return (res.json().items as { title: string }[]).map((p) => p.title);
    };

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      store = await makeStore(database, 'queue-shop');
      manager = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'manager')).email);
      editor = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'content')).email);

      // Waiting: a new product's own content, and a live product's staged edits.
      await make('mug', 'Oat Mug');
      await submit('mug');
      await make('scarf', 'Indigo Scarf', 'active');
      await call(editor, 'PATCH', `/products/${ids.scarf}`, { title: 'Indigo Silk Scarf' });
      await submit('scarf');
      // Someone else's move now: approved (waiting to be published), published, sent back, not sent.
      await make('vase', 'Tall Vase');
      await submit('vase');
      await approve('vase');
      await make('bowl', 'Salad Bowl');
      await submit('bowl');
      await approve('bowl');
      await call(manager, 'POST', `/products/${ids.bowl}/publish`);
      await make('towel', 'Linen Towel');
      await submit('towel');
      await call(manager, 'POST', `/products/${ids.towel}/request-changes`, { comment: 'Add the size.' });
      await make('throw', 'Wool Throw', 'active');
      await call(editor, 'PATCH', `/products/${ids.throw}`, { title: 'Wool Throw, Undyed' });
      // Closed: withdrawn by its editor.
      await make('plate', 'Side Plate');
      const { workflow } = await submit('plate');
      await call(editor, 'POST', `/products/${ids.plate}/revisions/${workflow.revision.id}/discard`);
      // Out of the working views, or moot: archived while in review, and a draft's review left open
      // after it went live by another path (an import's status, say).
      await make('jug', 'Milk Jug');
      await submit('jug');
      await make('cup', 'Tea Cup');
      await submit('cup');
      await database.execute(`update products set status = 'archived' where id = $1`, [ids.jug]);
      await database.execute(`update products set status = 'active' where id = $1`, [ids.cup]);
      // The mug has waited longest.
      await database.execute(`update product_revisions set submitted_at = $1 where product_id = $2`, [
        oldestSubmission.toISOString(),
        ids.mug,
      ]);

      // Another store's product in review.
      const other = await makeStore(database, 'other-shop');
      const otherEditor = await Browser.signIn(sp.app, (await makeMember(database, other.id, 'owner')).email);
      const created = await otherEditor.request({
        method: 'POST',
        url: '/api/admin/stores/other-shop/products',
        payload: { title: 'Elsewhere Mug', price: { amount: 900 } },
      });
      const submitted = await otherEditor.request({
        method: 'POST',
        url: `/api/admin/stores/other-shop/products/${created.json().product.id}/submit-for-review`,
        payload: {},
      });
      assert.equal(submitted.statusCode, 200, submitted.body);
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    test('only revisions in review count, with the oldest submission; not another store’s', async () => {
      assert.deepEqual(await changesAwaitingReview(database.db, store.id), {
        products: 2,
        live: 1,
        oldestSince: oldestSubmission,
      });
    });

    test('the product list’s review=waiting filter shows exactly those products, and combines', async () => {
      assert.deepEqual(await titles('review=waiting'), ['Indigo Scarf', 'Oat Mug']);
      assert.deepEqual(await titles('review=waiting&status=active'), ['Indigo Scarf']);
      assert.deepEqual(await titles('review=waiting&q=mug'), ['Oat Mug']);
    });

    test('a bulk selection by the filter picks the same products', async () => {
      const res = await manager.request({
        method: 'POST',
        url: `${api}/bulk-operations`,
        payload: {
          selection: { filter: { review: 'waiting' } },
          action: { type: 'add_tags', tags: ['checked'] },
        },
      });
      assert.equal(res.statusCode, 202, res.body);
      const [row] = await database.execute<{ ids: string[] }>(
        'select array_agg(product_id order by product_id) as ids from bulk_operation_items where operation_id = $1',
        [res.json().operation.id],
      );
      assert.deepEqual(row!.ids, [ids.mug, ids.scarf].sort());
    });

    test('an unknown review value is a 400 naming the field', async () => {
      for (const query of ['review=approved', 'review=', 'review=waiting&review=waiting']) {
        const res = await manager.request({ method: 'GET', url: `${api}/products?${query}` });
        assert.equal(res.statusCode, 400, `${query}: ${res.body}`);
        const { error } = res.json();
        assert.equal(error.code, 'validation_failed');
        assert.ok(
          error.details.some((d: { path: string }) => d.path.startsWith('querystring.review')),
          JSON.stringify(error.details),
        );
      }
    });

    test('once approved, a change no longer waits: the count and the list follow at once', async () => {
      await approve('mug');
      const [scarf] = await database.execute<{ submitted_at: string | Date }>(
        `select submitted_at from product_revisions where product_id = $1 and state = 'in_review'`,
        [ids.scarf],
      );
      assert.deepEqual(await changesAwaitingReview(database.db, store.id), {
        products: 1,
        live: 1,
        oldestSince: new Date(scarf!.submitted_at),
      });
      assert.deepEqual(await titles('review=waiting'), ['Indigo Scarf']);
      await approve('scarf');
      assert.deepEqual(await changesAwaitingReview(database.db, store.id), {
        products: 0,
        live: 0,
        oldestSince: null,
      });
      assert.deepEqual(await titles('review=waiting'), []);
    });
  });
}
