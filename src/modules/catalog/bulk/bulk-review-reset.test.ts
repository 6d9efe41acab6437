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

/**
 * A bulk change to a product that is not live changes it in place, like the product editor: when
 * the product's review is under way (in review or approved), the review goes back to draft in the
 * same transaction, audited with the operation and reported per product — so publishing answers
 * "review pending", not a puzzling "changed since approval", and the product is simply sent again.
 */

interface Operation {
  id: string;
  status: string;
  outcomes: { changed: number; staged: number; unchanged: number; failed: number; pending: number };
  reviewReset: { count: number; products: { productId: string; title: string | null }[] };
}

interface AuditEntry {
  action: string;
  before: { state?: string } | null;
  after: { state?: string; bulkOperationId?: string; undoOf?: string } | null;
}

for (const target of testDatabaseTargets()) {
  describe(`bulk changes to products in review, on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let manager: Browser;
    let content: Browser;
    const api = '/api/admin/stores/reviewbulk';
    const products = `${api}/products`;

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      const store = await makeStore(database, 'reviewbulk');
      manager = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'manager')).email);
      content = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'content')).email);
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    const create = async (as: Browser, payload: Record<string, unknown>) => {
      const res = await as.request({ method: 'POST', url: products, payload });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().product as { id: string };
    };
    const productOf = async (id: string) =>
      (await manager.request({ method: 'GET', url: `${products}/${id}` })).json().product as {
        tags: string[];
        price: { amount: number };
      };
    const workflow = async (id: string) =>
      (await manager.request({ method: 'GET', url: `${products}/${id}/workflow` })).json().workflow as {
        state: string;
        revision: { kind: string; state: string; fingerprint: string } | null;
      };
    const submit = async (id: string) => {
      const res = await content.request({
        method: 'POST',
        url: `${products}/${id}/submit-for-review`,
        payload: {},
      });
      assert.equal(res.statusCode, 200, res.body);
    };
    const approve = async (id: string) => {
      const res = await manager.request({
        method: 'POST',
        url: `${products}/${id}/approve`,
        payload: { fingerprint: (await workflow(id)).revision!.fingerprint },
      });
      assert.equal(res.statusCode, 200, res.body);
    };
    const publish = (id: string) => manager.request({ method: 'POST', url: `${products}/${id}/publish` });
    const operation = async (id: string): Promise<Operation> => {
      const res = await manager.request({ method: 'GET', url: `${api}/bulk-operations/${id}` });
      assert.equal(res.statusCode, 200, res.body);
      return res.json().operation;
    };
    /** Starts an operation and lets the job runner carry it out. */
    const run = async (as: Browser, ids: string[], action: Record<string, unknown>) => {
      const res = await as.request({
        method: 'POST',
        url: `${api}/bulk-operations`,
        payload: { selection: { ids }, action },
      });
      assert.equal(res.statusCode, 202, res.body);
      await sp.jobs.runDueJobsOnce();
      return operation(res.json().operation.id);
    };
    const undo = async (id: string) => {
      const res = await manager.request({ method: 'POST', url: `${api}/bulk-operations/${id}/undo` });
      assert.equal(res.statusCode, 202, res.body);
      await sp.jobs.runDueJobsOnce();
      return operation(res.json().operation.id);
    };
    const resets = async (id: string) => {
      const res = await manager.request({
        method: 'GET',
        url: `${api}/audit?entityId=${id}&action=product.review_reset`,
      });
      assert.equal(res.statusCode, 200, res.body);
      return res.json().items as AuditEntry[];
    };
    const titles = (op: Operation) => op.reviewReset.products.map((p) => p.title).sort();

    test('tags added to drafts in review or approved send the reviews back to draft, audited and reported; undo restores the tags and resets a review sent again', async () => {
      const inReview = await create(content, { title: 'Linen Apron', price: { amount: 3900 } });
      const approved = await create(content, { title: 'Linen Napkins', price: { amount: 2400 } });
      const plain = await create(content, { title: 'Linen Runner', price: { amount: 4500 } });
      const tagged = await create(content, {
        title: 'Linen Towel',
        price: { amount: 1800 },
        tags: ['Autumn'],
      });
      for (const p of [inReview, approved, tagged]) await submit(p.id);
      await approve(approved.id);

      const done = await run(manager, [inReview.id, approved.id, plain.id, tagged.id], {
        type: 'add_tags',
        tags: ['autumn'],
      });
      assert.equal(done.status, 'completed');
      assert.deepEqual(done.outcomes, { changed: 3, staged: 0, unchanged: 1, failed: 0, pending: 0 });
      assert.equal(done.reviewReset.count, 2);
      assert.deepEqual(titles(done), ['Linen Apron', 'Linen Napkins']);
      assert.deepEqual((await productOf(approved.id)).tags, ['autumn']);

      assert.equal((await workflow(inReview.id)).state, 'draft');
      assert.equal((await workflow(approved.id)).state, 'draft');
      assert.equal((await workflow(plain.id)).state, 'draft');
      assert.equal(
        (await workflow(tagged.id)).state,
        'in_review',
        'a product the change left alone keeps its review',
      );
      const [reset] = await resets(approved.id);
      assert.equal(reset?.before?.state, 'approved');
      assert.equal(reset?.after?.state, 'draft');
      assert.equal(reset?.after?.bulkOperationId, done.id, 'the reset names the operation');

      // Publishing says what is missing: a review, not an approval that no longer holds.
      const refused = await publish(approved.id);
      assert.equal(refused.statusCode, 409, refused.body);
      assert.equal(refused.json().error.code, 'review_pending');

      // One product is sent again before the change is undone: the undo changes it, so its review resets again.
      await submit(approved.id);
      const undone = await undo(done.id);
      assert.equal(undone.status, 'completed');
      assert.deepEqual(undone.outcomes, { changed: 3, staged: 0, unchanged: 0, failed: 0, pending: 0 });
      assert.deepEqual(titles(undone), ['Linen Napkins']);
      assert.deepEqual((await productOf(approved.id)).tags, []);
      assert.deepEqual((await productOf(inReview.id)).tags, []);
      assert.deepEqual((await productOf(plain.id)).tags, []);
      assert.equal((await workflow(approved.id)).state, 'draft');
      const afterUndo = await resets(approved.id);
      assert.equal(afterUndo.length, 2);
      assert.equal(afterUndo[0]?.after?.undoOf, done.id);
      assert.equal(afterUndo[0]?.after?.bulkOperationId, undone.id);

      // Sent and approved again, it goes live.
      await submit(approved.id);
      await approve(approved.id);
      const published = await publish(approved.id);
      assert.equal(published.statusCode, 200, published.body);
    });

    test('a content editor’s price change: an approved draft changes in place and goes back to draft; a live product’s staged changes in review go back to draft too', async () => {
      const draft = await create(content, { title: 'Clay Vase', price: { amount: 5000 } });
      await submit(draft.id);
      await approve(draft.id);
      const live = await create(manager, { title: 'Clay Bowl', price: { amount: 3000 }, status: 'active' });
      const staged = await content.request({
        method: 'PATCH',
        url: `${products}/${live.id}`,
        payload: { description: 'Thrown by hand.' },
      });
      assert.equal(staged.statusCode, 202, staged.body);
      await submit(live.id);
      assert.equal((await workflow(live.id)).revision?.state, 'in_review');

      const done = await run(content, [draft.id, live.id], {
        type: 'change_price',
        change: { by: 'percent', percent: 10 },
        rounding: { mode: 'none' },
      });
      assert.deepEqual(done.outcomes, { changed: 1, staged: 1, unchanged: 0, failed: 0, pending: 0 });
      assert.equal(done.reviewReset.count, 2);
      assert.deepEqual(titles(done), ['Clay Bowl', 'Clay Vase']);
      assert.equal(
        (await productOf(draft.id)).price.amount,
        5500,
        'a product that is not live changes in place',
      );
      assert.equal((await workflow(draft.id)).state, 'draft');
      assert.equal((await productOf(live.id)).price.amount, 3000, 'the live product waits for review');
      assert.equal((await workflow(live.id)).revision?.state, 'draft');
      assert.equal((await resets(draft.id))[0]?.after?.bulkOperationId, done.id);
    });

    test('a status change is not what the reviewer reads: the review is not reset', async () => {
      const product = await create(content, { title: 'Oak Board', price: { amount: 6000 } });
      await submit(product.id);
      await approve(product.id);
      const done = await run(manager, [product.id], { type: 'set_status', status: 'archived' });
      assert.deepEqual(done.outcomes, { changed: 1, staged: 0, unchanged: 0, failed: 0, pending: 0 });
      assert.equal(done.reviewReset.count, 0);
      assert.deepEqual(await resets(product.id), []);
    });
  });
}
