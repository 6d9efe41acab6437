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
import { createStore, systemActor } from '../../access/index.ts';

interface DiffField {
  field: string;
  kind: string;
  before: unknown;
  after: unknown;
  added?: string[];
  removed?: string[];
  items?: { label: string; change: string; fields: { field: string; before: unknown; after: unknown }[] }[];
}

const fieldOf = (diff: { fields: DiffField[] }, name: string) => diff.fields.find((f) => f.field === name);

for (const target of testDatabaseTargets()) {
  describe(`catalog workflow on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let manager: Browser;
    let content: Browser;
    const base = '/api/admin/stores/atelier/products';

    const storefrontTitle = async (handle: string) => {
      const res = await sp.app.inject({ url: `/s/atelier/products/${handle}` });
      assert.equal(res.statusCode, 200);
      return /<h1[^>]*>([^<]*)<\/h1>/.exec(res.body)?.[1];
    };
    const workflow = async (id: string) =>
      (await manager.request({ method: 'GET', url: `${base}/${id}/workflow` })).json().workflow;
    const auditActions = async (id: string) => {
      const res = await manager.request({
        method: 'GET',
        url: `/api/admin/stores/atelier/audit?entityId=${id}&limit=100`,
      });
      return (res.json().items as { action: string }[]).map((i) => i.action).reverse();
    };
    const eventTypes = async (id: string) =>
      (
        await database.execute<{ type: string }>(
          "select type from outbox_events where payload->>'id' = $1 order by created_at, id",
          [id],
        )
      ).map((e) => e.type);
    const create = async (payload: Record<string, unknown>, who = manager) => {
      const res = await who.request({ method: 'POST', url: base, payload });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().product as { id: string; handle: string };
    };

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      const store = await makeStore(database, 'atelier', 'EUR');
      manager = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'manager')).email);
      content = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'content')).email);
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    test('an edit to a live product by a content editor is staged; the storefront shows the live version until the approved revision is published', async () => {
      const live = await create({
        title: 'Indigo Scarf',
        description: '<p>Hand-dyed cotton.</p>',
        price: { amount: 4200 },
        sku: 'SC-IND',
        tags: ['scarves', 'cotton'],
        seoTitle: 'Indigo scarf',
        status: 'active',
      });
      const staged = await content.request({
        method: 'PATCH',
        url: `${base}/${live.id}`,
        payload: {
          title: 'Indigo Silk Scarf',
          price: { amount: 5900 },
          tags: ['scarves', 'silk'],
          seoTitle: 'Indigo silk scarf, hand-dyed',
        },
      });
      assert.equal(staged.statusCode, 202, staged.body);
      const body = staged.json();
      assert.equal(body.staged, true);
      assert.equal(body.product.title, 'Indigo Scarf', 'the answer shows the live product, unchanged');
      assert.equal(body.revision.state, 'draft');
      assert.equal(body.revision.proposed.title, 'Indigo Silk Scarf');
      assert.equal(body.revision.proposed.price.amount, 5900);

      const stored = (await manager.request({ method: 'GET', url: `${base}/${live.id}` })).json().product;
      assert.equal(stored.title, 'Indigo Scarf');
      assert.equal(stored.price.amount, 4200);
      assert.equal(await storefrontTitle(live.handle), 'Indigo Scarf');

      // A second edit adds to the same revision.
      const again = await content.request({
        method: 'PATCH',
        url: `${base}/${live.id}`,
        payload: { description: '<p>Hand-dyed mulberry silk.</p>' },
      });
      assert.equal(again.statusCode, 202);
      assert.equal(again.json().revision.id, body.revision.id);

      const submitted = await content.request({
        method: 'POST',
        url: `${base}/${live.id}/submit-for-review`,
        payload: { note: 'New fabric from the spring collection.' },
      });
      assert.equal(submitted.statusCode, 200, submitted.body);
      const inReview = submitted.json().workflow;
      assert.equal(inReview.state, 'published', 'the product itself stays live');
      assert.equal(inReview.revision.state, 'in_review');
      assert.equal(inReview.revision.note, 'New fabric from the spring collection.');

      // The reviewer's diff: each changed field against the live version, nothing else.
      const diff = inReview.revision.diff;
      assert.equal(diff.against, 'live');
      assert.equal(diff.currency, 'EUR');
      assert.deepEqual(diff.fields.map((f: DiffField) => f.field).sort(), [
        'description',
        'price',
        'seoTitle',
        'tags',
        'title',
        'variants',
      ]);
      assert.deepEqual(fieldOf(diff, 'title'), {
        field: 'title',
        kind: 'text',
        before: 'Indigo Scarf',
        after: 'Indigo Silk Scarf',
      });
      assert.equal(fieldOf(diff, 'seoTitle')!.after, 'Indigo silk scarf, hand-dyed');
      assert.deepEqual(fieldOf(diff, 'tags')!.added, ['silk']);
      assert.deepEqual(fieldOf(diff, 'tags')!.removed, ['cotton']);
      assert.deepEqual(fieldOf(diff, 'price')!.before, { min: 4200, max: 4200 });
      assert.deepEqual(fieldOf(diff, 'price')!.after, { min: 5900, max: 5900 });
      assert.deepEqual(fieldOf(diff, 'variants')!.items, [
        {
          label: 'Default (SC-IND)',
          change: 'changed',
          fields: [{ field: 'price', before: { amount: 4200 }, after: { amount: 5900 } }],
        },
      ]);

      // Content editors neither approve nor publish.
      for (const step of ['approve', 'publish']) {
        const res = await content.request({ method: 'POST', url: `${base}/${live.id}/${step}`, payload: {} });
        assert.equal(res.statusCode, 403, step);
        assert.equal(res.json().error.code, 'permission_denied');
      }
      const early = await manager.request({ method: 'POST', url: `${base}/${live.id}/publish` });
      assert.equal(early.statusCode, 409);
      assert.equal(early.json().error.code, 'review_pending');
      const stale = await manager.request({
        method: 'POST',
        url: `${base}/${live.id}/approve`,
        payload: { fingerprint: 'not-what-was-shown' },
      });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().error.code, 'revision_changed');
      const approved = await manager.request({
        method: 'POST',
        url: `${base}/${live.id}/approve`,
        payload: { fingerprint: inReview.revision.fingerprint, comment: 'Lovely.' },
      });
      assert.equal(approved.statusCode, 200, approved.body);
      assert.equal(approved.json().workflow.revision.state, 'approved');
      assert.equal(await storefrontTitle(live.handle), 'Indigo Scarf', 'approved is not yet published');

      const published = await manager.request({ method: 'POST', url: `${base}/${live.id}/publish` });
      assert.equal(published.statusCode, 200, published.body);
      assert.equal(published.json().product.title, 'Indigo Silk Scarf');
      assert.equal(published.json().product.price.amount, 5900);
      assert.equal(published.json().product.sku, 'SC-IND', 'fields the revision did not touch stay');
      assert.equal(await storefrontTitle(live.handle), 'Indigo Silk Scarf');

      const after = await workflow(live.id);
      assert.equal(after.state, 'published');
      assert.equal(after.revision, null);
      const history = (await manager.request({ method: 'GET', url: `${base}/${live.id}/revisions` })).json();
      assert.equal(history.items.length, 1);
      assert.equal(history.items[0].state, 'published');
      assert.equal(history.items[0].reviewComment, 'Lovely.');
      assert.match(history.items[0].closedBy.label, /^manager-/);
      assert.equal(fieldOf(history.items[0].diff, 'title')!.after, 'Indigo Silk Scarf');

      assert.deepEqual(await auditActions(live.id), [
        'product.created',
        'product.revision_staged',
        'product.revision_updated',
        'product.submitted_for_review',
        'product.approved',
        'product.published',
        'product.revision_published',
      ]);
      assert.deepEqual(await eventTypes(live.id), [
        'product.created',
        'product.review_requested',
        'product.approved',
        'product.updated',
        'product.revision_published',
      ]);
    });

    test('a draft goes through review: changes requested with a comment, edits send it back, approved, then published', async () => {
      const draft = await create({ title: 'Wool Beret', price: { amount: 3500 } }, content);
      assert.equal((await workflow(draft.id)).state, 'draft');
      const submit = () =>
        content.request({ method: 'POST', url: `${base}/${draft.id}/submit-for-review`, payload: {} });
      assert.equal((await submit()).json().workflow.state, 'in_review');
      const twice = await submit();
      assert.equal(twice.statusCode, 409);
      assert.equal(twice.json().error.code, 'illegal_transition');
      assert.deepEqual(twice.json().error.details, { action: 'submit', from: 'in_review' });

      const noComment = await manager.request({
        method: 'POST',
        url: `${base}/${draft.id}/request-changes`,
        payload: { comment: ' ' },
      });
      assert.equal(noComment.statusCode, 400);
      const sentBack = await manager.request({
        method: 'POST',
        url: `${base}/${draft.id}/request-changes`,
        payload: { comment: 'Say which wool.' },
      });
      assert.equal(sentBack.statusCode, 200, sentBack.body);
      assert.equal(sentBack.json().workflow.state, 'draft');
      assert.equal(sentBack.json().workflow.revision.state, 'changes_requested');
      assert.equal(sentBack.json().workflow.revision.reviewComment, 'Say which wool.');

      // A draft is edited in place (it is not live), whoever edits it.
      const edited = await content.request({
        method: 'PATCH',
        url: `${base}/${draft.id}`,
        payload: { title: 'Merino Wool Beret' },
      });
      assert.equal(edited.statusCode, 200);
      assert.equal(edited.json().staged, false);
      assert.equal(edited.json().product.title, 'Merino Wool Beret');
      assert.equal((await submit()).statusCode, 200);
      const review = (await workflow(draft.id)).revision;
      assert.equal(review.diff.against, 'nothing', 'a product never live is reviewed whole');
      assert.equal(fieldOf(review.diff, 'title')!.after, 'Merino Wool Beret');

      // Changing content under review sends it back to draft: the reviewer must see the final text.
      await content.request({ method: 'PATCH', url: `${base}/${draft.id}`, payload: { vendor: 'Hilltop' } });
      assert.equal((await workflow(draft.id)).state, 'draft');
      const notInReview = await manager.request({
        method: 'POST',
        url: `${base}/${draft.id}/approve`,
        payload: {},
      });
      assert.equal(notInReview.statusCode, 409);
      assert.equal(notInReview.json().error.code, 'illegal_transition');
      assert.equal((await submit()).statusCode, 200);
      const approved = await manager.request({
        method: 'POST',
        url: `${base}/${draft.id}/approve`,
        payload: {},
      });
      assert.equal(approved.json().workflow.state, 'approved');

      // Even a publisher's direct status change cannot skip a review that is under way.
      const recheck = await content.request({
        method: 'PATCH',
        url: `${base}/${draft.id}`,
        payload: { vendor: 'Hilltop Mill' },
      });
      assert.equal(recheck.statusCode, 200);
      const direct = await manager.request({
        method: 'PATCH',
        url: `${base}/${draft.id}`,
        payload: { status: 'active' },
      });
      assert.equal(direct.statusCode, 409);
      assert.equal(direct.json().error.code, 'review_pending');
      assert.equal((await submit()).statusCode, 200);
      await manager.request({ method: 'POST', url: `${base}/${draft.id}/approve`, payload: {} });
      const published = await manager.request({ method: 'POST', url: `${base}/${draft.id}/publish` });
      assert.equal(published.statusCode, 200, published.body);
      assert.equal(published.json().product.status, 'active');
      assert.equal((await workflow(draft.id)).state, 'published');
      assert.equal(await storefrontTitle(draft.handle), 'Merino Wool Beret');

      const actions = await auditActions(draft.id);
      assert.deepEqual(
        actions.filter((a) => a !== 'product.updated'),
        [
          'product.created',
          'product.submitted_for_review',
          'product.changes_requested',
          'product.submitted_for_review',
          'product.review_reset',
          'product.submitted_for_review',
          'product.approved',
          'product.review_reset',
          'product.submitted_for_review',
          'product.approved',
          'product.published',
          'product.revision_published',
        ],
      );
      const types = await eventTypes(draft.id);
      assert.ok(types.includes('product.changes_requested'));
      assert.equal(types.filter((t) => t === 'product.published').length, 1);

      const unpublished = await manager.request({ method: 'POST', url: `${base}/${draft.id}/unpublish` });
      assert.equal(unpublished.statusCode, 200);
      assert.equal((await workflow(draft.id)).state, 'unpublished');
      assert.equal((await eventTypes(draft.id)).at(-1), 'product.unpublished');
      const storefront = await sp.app.inject({ url: `/s/atelier/products/${draft.handle}` });
      assert.equal(storefront.statusCode, 404);
    });

    test('steps that do not apply answer 409 (or 422) with a code, and write nothing', async () => {
      const live = await create({ title: 'Linen Tote', price: { amount: 1900 }, status: 'active' });
      const draft = await create({ title: 'Canvas Tote', price: { amount: 1500 } });
      const before = await auditActions(live.id);
      const cases: [Browser, string, string, unknown, number, string][] = [
        [manager, 'POST', `${base}/${live.id}/publish`, undefined, 409, 'illegal_transition'],
        [manager, 'POST', `${base}/${draft.id}/unpublish`, undefined, 409, 'illegal_transition'],
        [manager, 'POST', `${base}/${live.id}/approve`, {}, 409, 'illegal_transition'],
        [manager, 'POST', `${base}/${live.id}/request-changes`, { comment: 'x' }, 409, 'illegal_transition'],
        [content, 'POST', `${base}/${live.id}/submit-for-review`, {}, 422, 'no_changes'],
        [content, 'PATCH', `${base}/${live.id}`, { status: 'draft' }, 403, 'permission_denied'],
        [
          content,
          'POST',
          `${base}/${live.id}/schedules`,
          { action: 'unpublish', at: '2031-01-01T10:00' },
          403,
          'permission_denied',
        ],
        [content, 'POST', `${base}/${draft.id}/request-changes`, { comment: 'x' }, 403, 'permission_denied'],
        [
          manager,
          'POST',
          `${base}/${live.id}/revisions/rev_01jzzzzzzzzzzzzzzzzzzzzzzz/discard`,
          {},
          404,
          'not_found',
        ],
      ];
      for (const [who, method, url, payload, status, code] of cases) {
        const res = await who.request({
          method: method as 'POST',
          url,
          ...(payload ? { payload: payload as object } : {}),
        });
        assert.equal(res.statusCode, status, `${method} ${url}: ${res.body}`);
        assert.equal(res.json().error.code, code, `${method} ${url}`);
      }
      assert.deepEqual(await auditActions(live.id), before);

      // Staging an invalid variant grid is refused at once, like a direct edit.
      const bad = await content.request({
        method: 'PATCH',
        url: `${base}/${live.id}`,
        payload: { variants: [{ optionValues: ['Red'], price: { amount: 1 } }] },
      });
      assert.equal(bad.statusCode, 422);
      assert.equal(bad.json().error.code, 'invalid_variants');
      assert.equal((await workflow(live.id)).revision, null, 'no revision opened by a refused edit');

      await manager.request({ method: 'PATCH', url: `${base}/${draft.id}`, payload: { status: 'archived' } });
      const archived = await content.request({
        method: 'POST',
        url: `${base}/${draft.id}/submit-for-review`,
        payload: {},
      });
      assert.equal(archived.statusCode, 409);
      assert.deepEqual(archived.json().error.details, { action: 'submit', from: 'archived' });
    });

    test('discarding staged changes leaves the live product as it was; a closed revision cannot be discarded again', async () => {
      const live = await create({ title: 'Straw Hat', price: { amount: 2900 }, status: 'active' });
      const staged = await content.request({
        method: 'PATCH',
        url: `${base}/${live.id}`,
        payload: { title: 'Straw Sun Hat' },
      });
      const revisionId = staged.json().revision.id;
      const discard = () =>
        content.request({
          method: 'POST',
          url: `${base}/${live.id}/revisions/${revisionId}/discard`,
          payload: {},
        });
      assert.equal((await discard()).statusCode, 200);
      assert.equal((await workflow(live.id)).revision, null);
      const again = await discard();
      assert.equal(again.statusCode, 409);
      assert.deepEqual(again.json().error.details, { action: 'discard', from: 'discarded' });
      assert.equal(await storefrontTitle(live.handle), 'Straw Hat');
      const same = await content.request({
        method: 'PATCH',
        url: `${base}/${live.id}`,
        payload: { title: 'Straw Hat' },
      });
      assert.equal(same.statusCode, 202);
      assert.equal(same.json().revision, null, 'an edit that changes nothing opens no revision');
      // The next edit opens a new revision, numbered after the discarded one.
      const next = await content.request({
        method: 'PATCH',
        url: `${base}/${live.id}`,
        payload: { vendor: 'Sol' },
      });
      assert.equal(next.json().revision.number, 2);
      assert.deepEqual(next.json().revision.changedFields, ['vendor']);
    });

    test('variants and images are compared item by item', async () => {
      const live = await create({
        title: 'Linen Shirt',
        status: 'active',
        options: [{ name: 'Size', values: ['S', 'M', 'L'] }],
        variants: [
          { sku: 'LS-S', optionValues: ['S'], price: { amount: 6900 } },
          { sku: 'LS-M', optionValues: ['M'], price: { amount: 6900 } },
        ],
        images: [
          { url: 'https://cdn.example.com/shirt-front.jpg', alt: 'Front' },
          { url: 'https://cdn.example.com/shirt-back.jpg', alt: 'Back' },
        ],
      });
      const detail = (await manager.request({ method: 'GET', url: `${base}/${live.id}` })).json().product;
      const res = await content.request({
        method: 'PATCH',
        url: `${base}/${live.id}`,
        payload: {
          variants: [
            { id: detail.variants[0].id, sku: 'LS-S', optionValues: ['S'], price: { amount: 7400 } },
            { sku: 'LS-M', optionValues: ['M'], price: { amount: 6900 } },
            { sku: 'LS-L', optionValues: ['l'], price: { amount: 7400 } },
          ],
          images: [
            { url: 'https://cdn.example.com/shirt-front.jpg', alt: 'Front, natural linen' },
            { url: 'https://cdn.example.com/shirt-detail.jpg', alt: 'Collar' },
          ],
        },
      });
      assert.equal(res.statusCode, 202, res.body);
      const diff = res.json().revision.diff;
      assert.deepEqual(fieldOf(diff, 'variants')!.items, [
        {
          label: 'S (LS-S)',
          change: 'changed',
          fields: [{ field: 'price', before: { amount: 6900 }, after: { amount: 7400 } }],
        },
        { label: 'L (LS-L)', change: 'added', fields: [] },
      ]);
      assert.deepEqual(fieldOf(diff, 'images')!.items, [
        {
          label: 'https://cdn.example.com/shirt-front.jpg',
          change: 'changed',
          fields: [{ field: 'alt', before: 'Front', after: 'Front, natural linen' }],
        },
        {
          label: 'https://cdn.example.com/shirt-detail.jpg',
          change: 'added',
          fields: [{ field: 'alt', before: null, after: 'Collar' }],
        },
        { label: 'https://cdn.example.com/shirt-back.jpg', change: 'removed', fields: [] },
      ]);
      assert.deepEqual(fieldOf(diff, 'price')!.after, { min: 6900, max: 7400 });

      await content.request({ method: 'POST', url: `${base}/${live.id}/submit-for-review`, payload: {} });
      await manager.request({ method: 'POST', url: `${base}/${live.id}/approve`, payload: {} });
      const published = await manager.request({ method: 'POST', url: `${base}/${live.id}/publish` });
      assert.equal(published.statusCode, 200, published.body);
      const product = published.json().product;
      assert.deepEqual(
        product.variants.map((v: { sku: string; price: { amount: number } }) => [v.sku, v.price.amount]),
        [
          ['LS-S', 7400],
          ['LS-M', 6900],
          ['LS-L', 7400],
        ],
      );
      assert.equal(product.variants[0].id, detail.variants[0].id, 'variants keep their ids');
      assert.equal(product.variants[1].id, detail.variants[1].id, 'matched by options when sent without id');
      assert.equal(product.variants[2].optionValues[0], 'L', 'option values take the option’s spelling');
      assert.deepEqual(
        product.images.map((i: { alt: string }) => i.alt),
        ['Front, natural linen', 'Collar'],
      );
    });

    test('publish and unpublish are planned at a wall-clock time of the store’s time zone, moved and cancelled', async () => {
      const store = await createStore(database.db, systemActor('test'), {
        handle: 'harbour',
        name: 'Harbour',
        baseCurrency: 'USD',
        timezone: 'America/New_York',
      });
      const owner = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'owner')).email);
      const url = '/api/admin/stores/harbour/products';
      const product = (
        await owner.request({
          method: 'POST',
          url,
          payload: { title: 'Sea Glass Lamp', price: { amount: 12900 } },
        })
      ).json().product;
      const schedule = (payload: object) =>
        owner.request({ method: 'POST', url: `${url}/${product.id}/schedules`, payload });

      const planned = await schedule({ action: 'publish', at: '2031-07-01T09:00' });
      assert.equal(planned.statusCode, 201, planned.body);
      assert.equal(planned.json().schedule.runAt, '2031-07-01T13:00:00.000Z', 'EDT is UTC−4');
      assert.equal(planned.json().schedule.timezone, 'America/New_York');
      const moved = await schedule({ action: 'publish', at: '2031-12-01T09:00' });
      assert.equal(moved.statusCode, 200, 'asking again moves the plan');
      assert.equal(moved.json().schedule.id, planned.json().schedule.id);
      assert.equal(moved.json().schedule.runAt, '2031-12-01T14:00:00.000Z', 'EST is UTC−5');
      const off = await schedule({ action: 'unpublish', at: '2031-12-24T18:00' });
      assert.equal(off.statusCode, 201, 'an unpublish may follow a planned publish');
      const tooEarly = await schedule({ action: 'unpublish', at: '2031-11-01T18:00' });
      assert.equal(tooEarly.statusCode, 409, 'an unpublish before the planned launch makes no sense');
      assert.equal(tooEarly.json().error.code, 'illegal_transition');

      for (const [at, code] of [
        ['2020-01-01T09:00', 'time_in_past'],
        ['2031-03-09T02:30', 'nonexistent_local_time'],
        ['next tuesday', 'invalid_local_time'],
        ['2031-02-30T10:00', 'invalid_local_time'],
      ] as const) {
        const res = await schedule({ action: 'publish', at });
        assert.equal(res.statusCode, 422, at);
        assert.equal(res.json().error.code, code, at);
      }

      const view = (await owner.request({ method: 'GET', url: `${url}/${product.id}/workflow` })).json()
        .workflow;
      assert.equal(view.timezone, 'America/New_York');
      assert.deepEqual(
        view.schedules.map((s: { action: string; localTime: string }) => [s.action, s.localTime]),
        [
          ['publish', '2031-12-01T09:00'],
          ['unpublish', '2031-12-24T18:00'],
        ],
      );
      const cancel = await owner.request({
        method: 'DELETE',
        url: `${url}/${product.id}/schedules/${planned.json().schedule.id}`,
      });
      assert.equal(cancel.statusCode, 200, cancel.body);
      assert.equal(cancel.json().schedule.state, 'cancelled');
      const twice = await owner.request({
        method: 'DELETE',
        url: `${url}/${product.id}/schedules/${planned.json().schedule.id}`,
      });
      assert.equal(twice.statusCode, 409);

      const jobs = await database.execute<{ n: number }>(
        "select count(*)::int as n from jobs where name = 'catalog.scheduled-product-change' and payload->>'scheduleId' = $1",
        [planned.json().schedule.id],
      );
      assert.equal(jobs[0]!.n, 2, 'one job per version; the stale one will do nothing');
      const audit = (
        await owner.request({ method: 'GET', url: `/api/admin/stores/harbour/audit?entityId=${product.id}` })
      ).json().items as { action: string }[];
      assert.deepEqual(audit.map((a) => a.action).reverse(), [
        'product.created',
        'product.publish_scheduled',
        'product.schedule_changed',
        'product.unpublish_scheduled',
        'product.schedule_cancelled',
      ]);
    });
  });
}
