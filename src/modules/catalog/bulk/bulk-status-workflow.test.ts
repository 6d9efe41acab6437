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
 * A bulk status change that makes products live, or takes them off the storefront, is the workflow's
 * publish or unpublish step for each product, with the same checks as POST /products/:id/publish:
 * a product whose review is under way is not published (reported per product with the step's code),
 * an approved one is published as the single step does, and undo takes it back through the workflow.
 */

interface Operation {
  id: string;
  status: string;
  outcomes: { changed: number; staged: number; unchanged: number; failed: number; pending: number };
  errors: { productId: string; title: string | null; code: string; message: string }[];
}

interface AuditEntry {
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

for (const target of testDatabaseTargets()) {
  describe(`bulk status changes through the publishing workflow, on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let manager: Browser;
    let content: Browser;
    const api = '/api/admin/stores/statusbulk';
    const products = `${api}/products`;

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      const store = await makeStore(database, 'statusbulk');
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
        status: string;
        publishedAt: string | null;
      };
    const workflow = async (id: string) =>
      (await manager.request({ method: 'GET', url: `${products}/${id}/workflow` })).json().workflow as {
        state: string;
        revision: { kind: string; state: string; fingerprint: string } | null;
        schedules: { action: string }[];
      };
    const step = async (as: Browser, id: string, name: string, payload: object = {}) => {
      const res = await as.request({ method: 'POST', url: `${products}/${id}/${name}`, payload });
      assert.equal(res.statusCode, 200, res.body);
    };
    const approve = async (id: string) =>
      step(manager, id, 'approve', { fingerprint: (await workflow(id)).revision!.fingerprint });
    const operation = async (id: string): Promise<Operation> => {
      const res = await manager.request({ method: 'GET', url: `${api}/bulk-operations/${id}` });
      assert.equal(res.statusCode, 200, res.body);
      return res.json().operation;
    };
    const run = async (ids: string[], status: string) => {
      const res = await manager.request({
        method: 'POST',
        url: `${api}/bulk-operations`,
        payload: { selection: { ids }, action: { type: 'set_status', status } },
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
    const audit = async (id: string, action: string) => {
      const res = await manager.request({
        method: 'GET',
        url: `${api}/audit?entityId=${id}&action=${action}`,
      });
      assert.equal(res.statusCode, 200, res.body);
      return res.json().items as AuditEntry[];
    };
    const events = async (id: string) =>
      (
        await database.execute<{ type: string }>(
          `select type from outbox_events where payload->>'id' = $1 order by created_at, id`,
          [id],
        )
      ).map((e) => e.type);
    const codes = (op: Operation) =>
      Object.fromEntries(op.errors.map((e) => [e.title ?? e.productId, e.code]));

    test('bulk publish: products under review fail with the publish step’s code, approved ones are published as the single step does, undo unpublishes them', async () => {
      const inReview = await create(content, { title: 'Wool Scarf', price: { amount: 4900 } });
      const sentBack = await create(content, { title: 'Wool Hat', price: { amount: 2900 } });
      const approved = await create(content, { title: 'Wool Gloves', price: { amount: 3900 } });
      const moved = await create(content, { title: 'Wool Socks', price: { amount: 1900 } });
      const plain = await create(content, { title: 'Wool Blanket', price: { amount: 12900 } });
      const archived = await create(manager, {
        title: 'Wool Throw',
        price: { amount: 8900 },
        status: 'archived',
      });
      for (const p of [inReview, sentBack, approved, moved]) await step(content, p.id, 'submit-for-review');
      await step(manager, sentBack.id, 'request-changes', { comment: 'Say which wool.' });
      await approve(approved.id);
      await approve(moved.id);
      // Changed behind the workflow's back after the approval (an import or a script would do it).
      await database.execute(`update products set title = 'Wool Socks (pair)' where id = $1`, [moved.id]);

      const ids = [inReview.id, sentBack.id, approved.id, moved.id, plain.id, archived.id];
      const done = await run(ids, 'active');
      assert.equal(done.status, 'completed');
      assert.deepEqual(done.outcomes, { changed: 2, staged: 0, unchanged: 0, failed: 4, pending: 0 });
      assert.deepEqual(codes(done), {
        'Wool Scarf': 'review_pending',
        'Wool Hat': 'review_pending',
        'Wool Socks (pair)': 'changed_since_approval',
        'Wool Throw': 'illegal_transition',
      });
      for (const p of [inReview, sentBack, moved]) assert.equal((await productOf(p.id)).status, 'draft');
      assert.equal((await workflow(inReview.id)).state, 'in_review', 'the review goes on');
      assert.equal((await workflow(sentBack.id)).revision?.state, 'changes_requested');
      assert.equal((await productOf(archived.id)).status, 'archived');

      // The approved product went live the way POST /publish takes it there.
      assert.equal((await productOf(approved.id)).status, 'active');
      assert.ok((await productOf(approved.id)).publishedAt);
      assert.equal((await workflow(approved.id)).state, 'published');
      assert.equal((await workflow(approved.id)).revision, null, 'the review revision is closed');
      const history = (
        await manager.request({ method: 'GET', url: `${products}/${approved.id}/revisions` })
      ).json().items as { state: string }[];
      assert.equal(history[0]?.state, 'published');
      assert.equal((await audit(approved.id, 'product.published')).length, 1);
      assert.equal((await audit(approved.id, 'product.revision_published')).length, 1);
      const [marked] = await audit(approved.id, 'product.bulk_edited');
      assert.equal(marked?.after?.bulkOperationId, done.id);
      assert.equal(marked?.after?.workflowStep, 'publish');
      assert.deepEqual(
        (await events(approved.id)).filter((t) => t.startsWith('product.') && t.includes('publish')),
        ['product.published', 'product.revision_published'],
      );
      assert.equal((await productOf(plain.id)).status, 'active', 'nothing under review: published directly');

      // Undo unpublishes what the operation published, through the workflow; the drafts read "draft" again.
      const undone = await undo(done.id);
      assert.deepEqual(undone.outcomes, { changed: 2, staged: 0, unchanged: 0, failed: 0, pending: 0 });
      for (const p of [approved, plain]) {
        assert.equal((await productOf(p.id)).status, 'draft');
        assert.equal((await productOf(p.id)).publishedAt, null);
        assert.equal((await workflow(p.id)).state, 'draft');
        assert.equal((await audit(p.id, 'product.unpublished')).length, 1);
        const [undoEntry] = await audit(p.id, 'product.bulk_undone');
        assert.equal(undoEntry?.after?.undoOf, done.id);
        assert.equal(undoEntry?.after?.workflowStep, 'unpublish');
        assert.ok((await events(p.id)).includes('product.unpublished'));
      }
    });

    test('bulk unpublish is the unpublish step (a planned unpublish is cancelled); its undo publishes again unless a review started since', async () => {
      const first = await create(manager, { title: 'Teak Tray', price: { amount: 5900 }, status: 'active' });
      const second = await create(manager, { title: 'Teak Spoon', price: { amount: 900 }, status: 'active' });
      const planned = await manager.request({
        method: 'POST',
        url: `${products}/${first.id}/schedules`,
        payload: { action: 'unpublish', at: '2039-07-01T09:00' },
      });
      assert.equal(planned.statusCode, 201, planned.body);
      const publishedAt = (await productOf(first.id)).publishedAt;

      const done = await run([first.id, second.id], 'draft');
      assert.deepEqual(done.outcomes, { changed: 2, staged: 0, unchanged: 0, failed: 0, pending: 0 });
      assert.equal((await workflow(first.id)).state, 'unpublished');
      assert.deepEqual((await workflow(first.id)).schedules, [], 'the planned unpublish is superseded');
      assert.equal((await audit(first.id, 'product.unpublished')).length, 1);
      assert.equal((await audit(first.id, 'product.schedule_cancelled')).length, 1);

      // The second is sent for review while it is off the storefront: the undo does not publish it.
      await step(content, second.id, 'submit-for-review');
      const undone = await undo(done.id);
      assert.deepEqual(undone.outcomes, { changed: 1, staged: 0, unchanged: 0, failed: 1, pending: 0 });
      assert.deepEqual(codes(undone), { 'Teak Spoon': 'review_pending' });
      assert.equal((await productOf(first.id)).status, 'active');
      assert.equal((await productOf(first.id)).publishedAt, publishedAt, 'first published when it was');
      assert.equal((await audit(first.id, 'product.published')).length, 1);
      assert.equal((await productOf(second.id)).status, 'draft');
      assert.equal((await workflow(second.id)).state, 'in_review');
    });

    test('archiving live products has no workflow step: a direct change announced as unpublished, undone to live', async () => {
      const live = await create(manager, { title: 'Cork Mat', price: { amount: 1200 }, status: 'active' });
      const done = await run([live.id], 'archived');
      assert.deepEqual(done.outcomes, { changed: 1, staged: 0, unchanged: 0, failed: 0, pending: 0 });
      assert.equal((await productOf(live.id)).status, 'archived');
      assert.ok((await events(live.id)).includes('product.unpublished'));
      const undone = await undo(done.id);
      assert.deepEqual(undone.outcomes, { changed: 1, staged: 0, unchanged: 0, failed: 0, pending: 0 });
      assert.equal((await productOf(live.id)).status, 'active');
    });
  });
}
