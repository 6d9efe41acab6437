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
import { newId } from '../../../platform/ids.ts';
import { products, productVariants } from '../schema.ts';
import { runNextBatch } from './run-bulk-operation.ts';

interface Operation {
  id: string;
  status: string;
  total: number;
  done: number;
  failed: number;
  errors: { productId: string; code: string; message: string }[];
  outcomes: { changed: number; staged: number; unchanged: number; failed: number; pending: number };
  staged: { productId: string; title: string | null }[];
  canUndo: boolean;
  undoneBy: string | null;
}

for (const target of testDatabaseTargets()) {
  describe(`bulk operations on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let owner: Browser;
    let editor: Browser;
    let storeId: string;
    const api = '/api/admin/stores/bulkshop';

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      const store = await makeStore(database, 'bulkshop');
      storeId = store.id;
      owner = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'owner')).email);
      editor = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'content')).email);
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    async function product(payload: Record<string, unknown>) {
      const res = await owner.request({ method: 'POST', url: `${api}/products`, payload });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().product as { id: string; handle: string };
    }
    async function getProduct(id: string) {
      const res = await owner.request({ method: 'GET', url: `${api}/products/${id}` });
      return res;
    }
    async function start(as: Browser, body: unknown) {
      return as.request({ method: 'POST', url: `${api}/bulk-operations`, payload: body as object });
    }
    async function operation(id: string): Promise<Operation> {
      const res = await owner.request({ method: 'GET', url: `${api}/bulk-operations/${id}` });
      assert.equal(res.statusCode, 200, res.body);
      return res.json().operation;
    }
    /** Starts an operation and lets the job runner carry it out. */
    async function run(as: Browser, body: unknown): Promise<Operation> {
      const res = await start(as, body);
      assert.equal(res.statusCode, 202, res.body);
      await sp.jobs.runDueJobsOnce();
      return operation(res.json().operation.id);
    }
    async function undo(id: string) {
      const res = await owner.request({ method: 'POST', url: `${api}/bulk-operations/${id}/undo` });
      assert.equal(res.statusCode, 202, res.body);
      await sp.jobs.runDueJobsOnce();
      return operation(res.json().operation.id);
    }
    const count = async (table: string) =>
      Number((await database.execute<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n);

    test('price change by percent with .99 endings: every variant, sums right, audited before/after', async () => {
      const ids = [
        (await product({ title: 'Cup', price: { amount: 1000 }, tags: ['spring'] })).id,
        (await product({ title: 'Saucer', price: { amount: 2550 }, tags: ['spring'] })).id,
        (await product({ title: 'Plate', price: { amount: 4999 }, tags: ['spring'] })).id,
      ];
      const multi = await product({
        title: 'Bowl',
        tags: ['spring'],
        options: [{ name: 'Size', values: ['S', 'L'] }],
        variants: [
          { optionValues: ['S'], price: { amount: 1999 } },
          { optionValues: ['L'], price: { amount: 2999 } },
        ],
      });
      await product({ title: 'Not in spring', price: { amount: 1000 } });
      const done = await run(owner, {
        selection: { filter: { conditions: [{ field: 'tag', operator: 'equals', value: 'spring' }] } },
        action: {
          type: 'change_price',
          change: { by: 'percent', percent: 10 },
          rounding: { mode: 'ending', ending: 99 },
        },
      });
      assert.equal(done.status, 'completed');
      assert.deepEqual([done.total, done.done, done.failed], [4, 4, 0]);
      const prices: number[] = [];
      for (const id of ids) prices.push((await getProduct(id)).json().product.price.amount);
      assert.deepEqual(prices, [1099, 2799, 5499]);
      const bowl = (await getProduct(multi.id)).json().product;
      assert.deepEqual(
        bowl.variants.map((v: { price: { amount: number } }) => v.price.amount),
        [2199, 3299],
      );
      assert.deepEqual([bowl.price.amount, bowl.priceMax.amount], [2199, 3299]);
      const [sum] = await database.execute<{ total: number }>(
        `select sum(v.price_amount)::int as total from product_variants v join products p on p.id = v.product_id
         where p.store_id = $1 and 'spring' = any(p.tags)`,
        [storeId],
      );
      assert.equal(sum!.total, 1099 + 2799 + 5499 + 2199 + 3299);
      const audit = await owner.request({
        method: 'GET',
        url: `${api}/audit?entityId=${multi.id}&action=product.bulk_edited`,
      });
      const [entry] = audit.json().items;
      assert.deepEqual(
        entry.before.variants.map((v: { priceAmount: number }) => v.priceAmount),
        [1999, 2999],
      );
      assert.deepEqual(
        entry.after.variants.map((v: { priceAmount: number }) => v.priceAmount),
        [2199, 3299],
      );
      assert.equal(entry.after.bulkOperationId, done.id);
      const events = await database.execute<{ type: string }>(
        "select type from outbox_events where payload->>'id' = $1 order by created_at",
        [multi.id],
      );
      assert.deepEqual(
        events.map((e) => e.type),
        ['product.created', 'product.updated'],
        'webhooks hear of each product the operation changed',
      );
      const searched = await run(owner, {
        selection: { filter: { q: 'SAUC', status: 'draft' } },
        action: { type: 'add_tags', tags: ['saucers'] },
      });
      assert.equal(searched.total, 1, 'the product list search: title, handle or SKU, any case');
    });

    test('a bulk price cut moves products into a rule collection, and its undo moves them out', async () => {
      const ids = [
        (await product({ title: 'Linen Towel', price: { amount: 2400 }, tags: ['linen'] })).id,
        (await product({ title: 'Linen Runner', price: { amount: 1800 }, tags: ['linen'] })).id,
      ];
      const collection = (
        await owner.request({
          method: 'POST',
          url: `${api}/collections`,
          payload: {
            title: 'Linen under 20',
            kind: 'rules',
            rules: [
              { field: 'tag', operator: 'equals', value: 'linen' },
              { field: 'price', operator: 'lte', value: 2000 },
            ],
          },
        })
      ).json().collection;
      const inside = async () =>
        (
          await owner.request({
            method: 'GET',
            url: `${api}/collections/${collection.id}/products?sort=title_asc`,
          })
        )
          .json()
          .items.map((p: { title: string }) => p.title);
      assert.deepEqual(await inside(), ['Linen Runner']);
      const cut = await run(owner, {
        selection: { ids },
        action: {
          type: 'change_price',
          change: { by: 'percent', percent: -20 },
          rounding: { mode: 'ending', ending: 95 },
        },
      });
      assert.deepEqual(await inside(), ['Linen Runner', 'Linen Towel'], '24.00 → 19.20 → 18.95');
      await undo(cut.id);
      assert.deepEqual(await inside(), ['Linen Runner']);
    });

    test('progress is stored per batch and readable; a job picks up where the last batch committed', async () => {
      const rows = Array.from({ length: 230 }, (_, i) => ({
        id: newId('product'),
        storeId,
        title: `Bulk item ${i}`,
        handle: `bulk-item-${i}`,
        status: 'draft',
        priceAmount: 500,
        priceMaxAmount: 500,
        currency: 'EUR',
        tags: ['many'],
      }));
      await database.db.insert(products).values(rows);
      await database.db.insert(productVariants).values(
        rows.map((p) => ({
          id: newId('variant'),
          storeId,
          productId: p.id,
          position: 1,
          priceAmount: 500,
        })),
      );
      const res = await start(owner, {
        selection: { filter: { conditions: [{ field: 'tag', operator: 'equals', value: 'many' }] } },
        action: { type: 'add_tags', tags: ['clearance'] },
      });
      assert.equal(res.statusCode, 202, res.body);
      const queued = res.json().operation as Operation;
      assert.deepEqual([queued.status, queued.total, queued.done], ['queued', 230, 0]);
      // One batch, as a worker that then crashed would have committed it.
      assert.equal(await runNextBatch(database.db, queued.id), true);
      const partway = await operation(queued.id);
      assert.deepEqual([partway.status, partway.done, partway.total], ['running', 100, 230]);
      await sp.jobs.runDueJobsOnce();
      const finished = await operation(queued.id);
      assert.deepEqual([finished.status, finished.done, finished.failed], ['completed', 230, 0]);
      const [tagged] = await database.execute<{ n: number }>(
        `select count(*)::int as n from products where store_id = $1 and 'clearance' = any(tags)`,
        [storeId],
      );
      assert.equal(tagged!.n, 230, 'every product changed exactly once');
      const [audited] = await database.execute<{ n: number }>(
        `select count(*)::int as n from audit_log where action = 'product.bulk_edited' and after->>'bulkOperationId' = $1`,
        [queued.id],
      );
      assert.equal(audited!.n, 230);
    });

    test('undo restores before-values, except for products changed since (reported)', async () => {
      const a = await product({ title: 'Ladle', price: { amount: 1200 }, tags: ['utensil'] });
      const b = await product({ title: 'Whisk', price: { amount: 800 }, tags: ['utensil'] });
      const change = await run(owner, {
        selection: { ids: [a.id, b.id] },
        action: { type: 'change_price', change: { by: 'amount', amount: -300 }, rounding: { mode: 'whole' } },
      });
      assert.equal(change.status, 'completed');
      assert.equal((await getProduct(a.id)).json().product.price.amount, 900);
      assert.equal((await getProduct(b.id)).json().product.price.amount, 500);
      const edited = await owner.request({
        method: 'PATCH',
        url: `${api}/products/${b.id}`,
        payload: { title: 'Balloon Whisk' },
      });
      assert.equal(edited.statusCode, 200);
      const undone = await undo(change.id);
      assert.equal(undone.status, 'completed');
      assert.deepEqual([undone.total, undone.done, undone.failed], [2, 2, 1]);
      assert.equal(undone.errors[0]!.productId, b.id);
      assert.equal(undone.errors[0]!.code, 'changed_since');
      assert.equal((await getProduct(a.id)).json().product.price.amount, 1200, 'restored');
      assert.equal((await getProduct(b.id)).json().product.price.amount, 500, 'left alone: edited since');
      const original = await operation(change.id);
      assert.equal(original.undoneBy, undone.id);
      assert.equal(original.canUndo, false);
      const again = await owner.request({ method: 'POST', url: `${api}/bulk-operations/${change.id}/undo` });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'already_undone');
      const undoUndo = await owner.request({
        method: 'POST',
        url: `${api}/bulk-operations/${undone.id}/undo`,
      });
      assert.equal(undoUndo.statusCode, 422);
    });

    test('status, tags, manual collection and delete — each undone', async () => {
      const ids = [
        (await product({ title: 'Fork', price: { amount: 300 }, tags: ['Cutlery'] })).id,
        (await product({ title: 'Knife', price: { amount: 400 }, tags: ['cutlery', 'sharp'] })).id,
      ];
      const published = await run(owner, {
        selection: { ids },
        action: { type: 'set_status', status: 'active' },
      });
      assert.equal(published.failed, 0);
      assert.equal((await getProduct(ids[0]!)).json().product.status, 'active');
      assert.ok((await getProduct(ids[0]!)).json().product.publishedAt);
      const untag = await run(owner, {
        selection: { ids },
        action: { type: 'remove_tags', tags: ['CUTLERY'] },
      });
      assert.deepEqual(
        (await getProduct(ids[1]!)).json().product.tags,
        ['sharp'],
        'tags match whatever their case',
      );
      await undo(untag.id);
      assert.deepEqual((await getProduct(ids[1]!)).json().product.tags, ['cutlery', 'sharp']);

      const collection = (
        await owner.request({
          method: 'POST',
          url: `${api}/collections`,
          payload: { title: 'Table', kind: 'manual', productIds: [ids[1]] },
        })
      ).json().collection;
      const joined = await run(owner, {
        selection: { ids },
        action: { type: 'add_to_collection', collectionId: collection.id },
      });
      assert.deepEqual([joined.done, joined.failed], [2, 0]);
      const members = async () =>
        (await owner.request({ method: 'GET', url: `${api}/collections/${collection.id}/products` }))
          .json()
          .items.map((p: { id: string }) => p.id);
      assert.deepEqual(await members(), [ids[1], ids[0]], 'added at the end; the member stays first');
      await undo(joined.id);
      assert.deepEqual(await members(), [ids[1]], 'only the product the operation added is taken out');

      const deleted = await run(owner, { selection: { ids }, action: { type: 'delete' } });
      assert.equal(deleted.done, 2);
      assert.equal((await getProduct(ids[0]!)).statusCode, 404);
      const restored = await undo(deleted.id);
      assert.equal(restored.failed, 0, JSON.stringify(restored.errors));
      const knife = (await getProduct(ids[1]!)).json().product;
      assert.equal(knife.title, 'Knife');
      assert.equal(knife.variants[0].price.amount, 400);
      assert.equal(knife.status, 'active');
      assert.deepEqual(await members(), [ids[1]], 'collection membership comes back too');

      // Everything since (untag, its undo, delete, restore) changed both products: the publish stays.
      const unpublish = await undo(published.id);
      assert.deepEqual(
        unpublish.errors.map((e) => e.code),
        ['changed_since', 'changed_since'],
      );
      assert.equal((await getProduct(ids[0]!)).json().product.status, 'active');
    });

    test('permissions: content cannot bulk-publish nor delete live products; its changes to live products are staged', async () => {
      const draft = await product({ title: 'Draft mug', price: { amount: 900 } });
      const live = await product({ title: 'Live mug', price: { amount: 900 }, status: 'active' });
      const before = await count('bulk_operations');
      const publish = await start(editor, {
        selection: { ids: [draft.id] },
        action: { type: 'set_status', status: 'active' },
      });
      assert.equal(publish.statusCode, 403);
      assert.equal(publish.json().error.code, 'permission_denied');
      assert.equal(await count('bulk_operations'), before, 'nothing written');
      const archive = await run(editor, {
        selection: { ids: [draft.id, live.id] },
        action: { type: 'set_status', status: 'archived' },
      });
      assert.deepEqual([archive.done, archive.failed], [2, 1]);
      assert.equal(archive.errors[0]!.productId, live.id);
      assert.equal(archive.errors[0]!.code, 'permission_denied');
      const retag = await run(editor, {
        selection: { ids: [draft.id, live.id] },
        action: { type: 'add_tags', tags: ['mugs'] },
      });
      assert.deepEqual([retag.done, retag.failed], [2, 0]);
      assert.deepEqual(retag.outcomes, { changed: 1, staged: 1, unchanged: 0, failed: 0, pending: 0 });
      assert.deepEqual(retag.staged, [{ productId: live.id, title: 'Live mug' }]);
      assert.deepEqual((await getProduct(draft.id)).json().product.tags, ['mugs']);
      assert.deepEqual(
        (await getProduct(live.id)).json().product.tags,
        [],
        'the live product waits for review',
      );
      assert.equal((await getProduct(live.id)).json().product.status, 'active');

      const deleting = await run(editor, { selection: { ids: [live.id] }, action: { type: 'delete' } });
      assert.deepEqual(
        deleting.errors.map((e) => e.code),
        ['permission_denied'],
        'deleting a live product is never staged',
      );
      assert.equal((await getProduct(live.id)).statusCode, 200);
    });

    test('a content editor’s bulk change: drafts applied, live products staged one by one, undone sensibly, published by a reviewer', async () => {
      const draft = await product({ title: 'Draft jug', price: { amount: 1000 } });
      const jug = await product({ title: 'Stoneware jug', price: { amount: 2000 }, status: 'active' });
      const vase = await product({ title: 'Vase', price: { amount: 3000 }, status: 'active' });
      const bowl = await product({ title: 'Bowl', price: { amount: 500 }, status: 'active' });
      const workflowOf = async (id: string) =>
        (await owner.request({ method: 'GET', url: `${api}/products/${id}/workflow` })).json().workflow;
      const priceOf = async (id: string) => (await getProduct(id)).json().product.price.amount;
      const storefront = async (handle: string) =>
        (await sp.app.inject({ url: `/s/bulkshop/products/${handle}` })).body;
      async function undoAs(as: Browser, id: string) {
        const res = await as.request({ method: 'POST', url: `${api}/bulk-operations/${id}/undo` });
        assert.equal(res.statusCode, 202, res.body);
        await sp.jobs.runDueJobsOnce();
        return operation(res.json().operation.id);
      }
      // The vase already has a staged edit: the bulk change joins that revision.
      const renamed = await editor.request({
        method: 'PATCH',
        url: `${api}/products/${vase.id}`,
        payload: { title: 'Tall vase' },
      });
      assert.equal(renamed.statusCode, 202, renamed.body);
      const vaseRevision = renamed.json().revision.id;

      const raise = await run(editor, {
        selection: { ids: [draft.id, jug.id, vase.id] },
        action: { type: 'change_price', change: { by: 'percent', percent: 10 } },
      });
      assert.deepEqual(raise.outcomes, { changed: 1, staged: 2, unchanged: 0, failed: 0, pending: 0 });
      assert.deepEqual(raise.staged.map((i) => i.productId).sort(), [jug.id, vase.id].sort());
      assert.equal(await priceOf(draft.id), 1100, 'the draft is changed directly');
      assert.equal(await priceOf(jug.id), 2000, 'the live product is not');
      assert.ok((await storefront(jug.handle)).includes('20.00'));
      assert.ok(!(await storefront(jug.handle)).includes('22.00'), 'nor is its storefront page');
      const jugRevision = (await workflowOf(jug.id)).revision;
      assert.equal(jugRevision.state, 'draft');
      assert.deepEqual(
        jugRevision.diff.fields.find((f: { field: string }) => f.field === 'price'),
        { field: 'price', kind: 'price', before: { min: 2000, max: 2000 }, after: { min: 2200, max: 2200 } },
      );
      const vaseNow = (await workflowOf(vase.id)).revision;
      assert.equal(vaseNow.id, vaseRevision, 'added to the open revision');
      assert.deepEqual(vaseNow.changedFields, ['title', 'variants']);
      const staging = (
        await owner.request({
          method: 'GET',
          url: `${api}/audit?entityId=${jug.id}&action=product.revision_staged`,
        })
      ).json().items;
      assert.equal(staging[0].after.bulkOperationId, raise.id, 'the staging step names the operation');

      // A second operation adds tags to the jug's revision and opens one for the bowl.
      const tag = await run(editor, {
        selection: { ids: [jug.id, bowl.id] },
        action: { type: 'add_tags', tags: ['sale'] },
      });
      assert.deepEqual(tag.outcomes.staged, 2);
      assert.deepEqual((await workflowOf(jug.id)).revision.changedFields, ['tags', 'variants']);

      // Undo of the price change: the draft gets its price back, the vase's revision its title only;
      // the jug's revision moved on since (tags), so it is left as it is and reported.
      const undone = await undoAs(editor, raise.id);
      assert.deepEqual(
        undone.errors.map((e) => [e.productId, e.code]),
        [[jug.id, 'changed_since']],
      );
      assert.equal(await priceOf(draft.id), 1000);
      const vaseAfter = (await workflowOf(vase.id)).revision;
      assert.equal(vaseAfter.id, vaseRevision);
      assert.deepEqual(vaseAfter.changedFields, ['title']);
      // Undo of the tags: the jug's revision holds the price again; the bowl's revision, opened by
      // that operation, is discarded.
      const untagged = await undoAs(editor, tag.id);
      assert.equal(untagged.failed, 0, JSON.stringify(untagged.errors));
      assert.deepEqual((await workflowOf(jug.id)).revision.changedFields, ['variants']);
      assert.equal((await workflowOf(bowl.id)).revision, null);
      const bowlTrail = (
        await owner.request({ method: 'GET', url: `${api}/audit?entityId=${bowl.id}&limit=20` })
      ).json().items as { action: string; after: { undoOf?: string } }[];
      assert.equal(bowlTrail[0]!.action, 'product.revision_discarded');
      assert.equal(bowlTrail[0]!.after.undoOf, tag.id);

      // A reviewer approves and publishes: the staged price goes live.
      for (const step of ['submit-for-review', 'approve', 'publish']) {
        const who = step === 'submit-for-review' ? editor : owner;
        const res = await who.request({
          method: 'POST',
          url: `${api}/products/${jug.id}/${step}`,
          ...(step === 'publish' ? {} : { payload: {} }),
        });
        assert.equal(res.statusCode, 200, `${step}: ${res.body}`);
      }
      assert.equal(await priceOf(jug.id), 2200);
      assert.ok((await storefront(jug.handle)).includes('22.00'));

      // Undoing a publisher's applied change to a live product, without catalog:publish, is staged too.
      const featured = await run(owner, {
        selection: { ids: [jug.id] },
        action: { type: 'add_tags', tags: ['featured'] },
      });
      assert.deepEqual(featured.outcomes.changed, 1);
      const restored = await undoAs(editor, featured.id);
      assert.deepEqual(restored.outcomes, { changed: 0, staged: 1, unchanged: 0, failed: 0, pending: 0 });
      assert.deepEqual((await getProduct(jug.id)).json().product.tags, ['featured'], 'live until reviewed');
      const proposal = (await workflowOf(jug.id)).revision;
      assert.deepEqual(proposal.diff.fields.find((f: { field: string }) => f.field === 'tags').removed, [
        'featured',
      ]);
    });

    test('bad input: 4xx with a code, and nothing written', async () => {
      const p = await product({ title: 'Spoon', price: { amount: 200 } });
      const rules = (
        await owner.request({
          method: 'POST',
          url: `${api}/collections`,
          payload: {
            title: 'Ruled',
            kind: 'rules',
            rules: [{ field: 'tag', operator: 'equals', value: 'x' }],
          },
        })
      ).json().collection;
      const before = await Promise.all(['bulk_operations', 'bulk_operation_items', 'jobs'].map(count));
      const cases: [string, unknown, number, string][] = [
        [
          'ids and filter',
          { selection: { ids: [p.id], filter: {} }, action: { type: 'delete' } },
          400,
          'validation_failed',
        ],
        ['no selection', { selection: {}, action: { type: 'delete' } }, 400, 'validation_failed'],
        [
          'unknown action',
          { selection: { ids: [p.id] }, action: { type: 'explode' } },
          400,
          'validation_failed',
        ],
        [
          'unknown product',
          { selection: { ids: ['prod_01jzzzzzzzzzzzzzzzzzzzzzzz'] }, action: { type: 'delete' } },
          422,
          'unknown_products',
        ],
        [
          'nothing matches',
          {
            selection: { filter: { conditions: [{ field: 'tag', operator: 'equals', value: 'none-such' }] } },
            action: { type: 'delete' },
          },
          422,
          'empty_selection',
        ],
        [
          'ending not below the step',
          {
            selection: { ids: [p.id] },
            action: {
              type: 'change_price',
              change: { by: 'percent', percent: 5 },
              rounding: { mode: 'ending', ending: 100 },
            },
          },
          422,
          'invalid_rounding',
        ],
        [
          'percent with three decimals',
          {
            selection: { ids: [p.id] },
            action: { type: 'change_price', change: { by: 'percent', percent: 1.234 } },
          },
          400,
          'validation_failed',
        ],
        [
          'minus 100 percent',
          {
            selection: { ids: [p.id] },
            action: { type: 'change_price', change: { by: 'percent', percent: -100 } },
          },
          400,
          'validation_failed',
        ],
        [
          'rule collection',
          { selection: { ids: [p.id] }, action: { type: 'add_to_collection', collectionId: rules.id } },
          422,
          'rule_collection',
        ],
        [
          'missing collection',
          { selection: { ids: [p.id] }, action: { type: 'add_to_collection', collectionId: 'coll_x' } },
          422,
          'unknown_collection',
        ],
      ];
      for (const [label, body, status, code] of cases) {
        const res = await start(owner, body);
        assert.equal(res.statusCode, status, `${label}: ${res.body}`);
        assert.equal(res.json().error.code, code, label);
      }
      assert.deepEqual(
        await Promise.all(['bulk_operations', 'bulk_operation_items', 'jobs'].map(count)),
        before,
      );
      const below = await run(owner, {
        selection: { ids: [p.id] },
        action: { type: 'change_price', change: { by: 'amount', amount: -500 } },
      });
      assert.deepEqual([below.failed, below.errors[0]!.code], [1, 'price_below_zero']);
      assert.equal((await getProduct(p.id)).json().product.price.amount, 200);
      const missing = await owner.request({
        method: 'GET',
        url: `${api}/bulk-operations/bulk_01jzzzzzzzzzzzzzzzzzzzzzzz`,
      });
      assert.equal(missing.statusCode, 404);
    });
  });
}
