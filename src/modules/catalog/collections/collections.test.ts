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

for (const target of testDatabaseTargets()) {
  describe(`collections on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let owner: Browser;
    const api = '/api/admin/stores/larder';

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      const store = await makeStore(database, 'larder');
      owner = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'owner')).email);
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    async function product(payload: Record<string, unknown>) {
      const res = await owner.request({
        method: 'POST',
        url: `${api}/products`,
        payload: { status: 'active', ...payload },
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().product as { id: string; handle: string };
    }
    async function members(collectionId: string, query = '') {
      const res = await owner.request({
        method: 'GET',
        url: `${api}/collections/${collectionId}/products${query}`,
      });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { items: { id: string; title: string }[]; total: number };
    }

    test('a rule collection follows product edits: a price change moves a product in and out', async () => {
      const cheapTea = await product({ title: 'Sencha', price: { amount: 900 }, tags: ['Tea', 'Green'] });
      const dearTea = await product({ title: 'Gyokuro', price: { amount: 4200 }, tags: ['tea'] });
      await product({ title: 'Kettle', price: { amount: 800 }, tags: ['kitchen'] });
      const created = await owner.request({
        method: 'POST',
        url: `${api}/collections`,
        payload: {
          title: 'Teas under 20',
          kind: 'rules',
          match: 'all',
          rules: [
            { field: 'tag', operator: 'equals', value: 'tea' },
            { field: 'price', operator: 'lt', value: 2000 },
          ],
          sortOrder: 'price_asc',
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      const collection = created.json().collection;
      assert.equal(collection.handle, 'teas-under-20');
      assert.deepEqual(
        (await members(collection.id)).items.map((p) => p.id),
        [cheapTea.id],
        'tags match whatever their case',
      );
      const cut = await owner.request({
        method: 'PATCH',
        url: `${api}/products/${dearTea.id}`,
        payload: { price: { amount: 1500 } },
      });
      assert.equal(cut.statusCode, 200, cut.body);
      assert.deepEqual(
        (await members(collection.id)).items.map((p) => p.id),
        [cheapTea.id, dearTea.id],
        'price cut brings it in, ordered by price',
      );
      await owner.request({
        method: 'PATCH',
        url: `${api}/products/${cheapTea.id}`,
        payload: { price: { amount: 2500 } },
      });
      assert.deepEqual(
        (await members(collection.id)).items.map((p) => p.id),
        [dearTea.id],
        'price rise takes it out',
      );
      const any = await owner.request({
        method: 'PATCH',
        url: `${api}/collections/${collection.id}`,
        payload: { match: 'any' },
      });
      assert.equal(any.statusCode, 200);
      assert.equal((await members(collection.id)).total, 3, 'tea OR under 20: the kettle joins');
    });

    test('the rule builder preview counts matches without saving; text operators are literal', async () => {
      await product({ title: '100% Cotton Napkin', price: { amount: 1200 }, vendor: 'Loom & Co' });
      await product({ title: 'Cotton Apron', price: { amount: 3000 }, vendor: null });
      const preview = async (rules: unknown[], match = 'all') => {
        const res = await owner.request({
          method: 'POST',
          url: `${api}/collections/preview`,
          payload: { match, rules },
        });
        assert.equal(res.statusCode, 200, res.body);
        return res.json() as { total: number; items: { title: string }[] };
      };
      assert.equal((await preview([{ field: 'title', operator: 'contains', value: 'cotton' }])).total, 2);
      assert.equal((await preview([{ field: 'title', operator: 'contains', value: '%' }])).total, 1);
      assert.equal((await preview([{ field: 'title', operator: 'starts_with', value: '100%' }])).total, 1);
      const notLoom = await preview([
        { field: 'title', operator: 'contains', value: 'cotton' },
        { field: 'vendor', operator: 'not_equals', value: 'loom & co' },
      ]);
      assert.deepEqual(
        notLoom.items.map((p) => p.title),
        ['Cotton Apron'],
        'a product without vendor is "not Loom"',
      );
      const bad = await owner.request({
        method: 'POST',
        url: `${api}/collections/preview`,
        payload: { rules: [{ field: 'price', operator: 'contains', value: 'x' }] },
      });
      assert.equal(bad.statusCode, 400);
      const count = await database.execute<{ n: number }>('select count(*)::int as n from collections');
      const before = count[0]!.n;
      await preview([{ field: 'status', operator: 'equals', value: 'active' }]);
      assert.equal(
        (await database.execute<{ n: number }>('select count(*)::int as n from collections'))[0]!.n,
        before,
      );
    });

    test('a category rule includes the categories below it, and follows a move', async () => {
      const cat = async (name: string, parentId?: string) =>
        (
          await owner.request({ method: 'POST', url: `${api}/categories`, payload: { name, parentId } })
        ).json().category as { id: string };
      const pantry = await cat('Pantry');
      const oils = await cat('Oils', pantry.id);
      const elsewhere = await cat('Elsewhere');
      const oil = await product({ title: 'Olive Oil', price: { amount: 1400 } });
      await owner.request({
        method: 'PUT',
        url: `${api}/products/${oil.id}/category`,
        payload: { categoryId: oils.id },
      });
      const created = await owner.request({
        method: 'POST',
        url: `${api}/collections`,
        payload: {
          title: 'Pantry',
          kind: 'rules',
          rules: [{ field: 'category', operator: 'in', value: pantry.id }],
        },
      });
      const id = created.json().collection.id;
      assert.deepEqual(
        (await members(id)).items.map((p) => p.id),
        [oil.id],
      );
      await owner.request({
        method: 'POST',
        url: `${api}/categories/${oils.id}/move`,
        payload: { parentId: elsewhere.id },
      });
      assert.equal((await members(id)).total, 0, 'moved out of the pantry tree');
      const unknown = await owner.request({
        method: 'POST',
        url: `${api}/collections`,
        payload: {
          title: 'Ghost',
          kind: 'rules',
          rules: [{ field: 'category', operator: 'in', value: 'cat_nope' }],
        },
      });
      assert.equal(unknown.statusCode, 422);
      assert.equal(unknown.json().error.code, 'unknown_category');
      const inRules = await owner.request({ method: 'DELETE', url: `${api}/categories/${pantry.id}` });
      assert.equal(inRules.statusCode, 409);
    });

    test('manual collections keep the editor order: set, add at a position, remove', async () => {
      const a = await product({ title: 'Anchovies', price: { amount: 500 } });
      const b = await product({ title: 'Bonito Flakes', price: { amount: 700 } });
      const c = await product({ title: 'Capers', price: { amount: 300 } });
      const d = await product({ title: 'Dashi', price: { amount: 900 } });
      const created = await owner.request({
        method: 'POST',
        url: `${api}/collections`,
        payload: {
          title: 'Staff picks',
          kind: 'manual',
          productIds: [c.id, a.id],
          seoTitle: 'Picks',
          description: '<p>Ours</p>',
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().collection.id;
      assert.equal(created.json().collection.sortOrder, 'manual');
      assert.deepEqual(
        (await members(id)).items.map((p) => p.id),
        [c.id, a.id],
      );
      const added = await owner.request({
        method: 'POST',
        url: `${api}/collections/${id}/products`,
        payload: { productIds: [b.id, a.id], position: 1 },
      });
      assert.equal(added.json().added, 1, 'a product already in stays where it is');
      assert.deepEqual(
        (await members(id)).items.map((p) => p.id),
        [c.id, b.id, a.id],
      );
      const reordered = await owner.request({
        method: 'PUT',
        url: `${api}/collections/${id}/products`,
        payload: { productIds: [d.id, a.id, c.id] },
      });
      assert.equal(reordered.statusCode, 200, reordered.body);
      assert.deepEqual(
        (await members(id)).items.map((p) => p.id),
        [d.id, a.id, c.id],
      );
      assert.deepEqual(
        (await members(id, '?sort=title_asc')).items.map((p) => p.id),
        [a.id, c.id, d.id],
        'another order on request',
      );
      const removed = await owner.request({
        method: 'DELETE',
        url: `${api}/collections/${id}/products/${a.id}`,
      });
      assert.equal(removed.statusCode, 204);
      assert.deepEqual(
        (await members(id)).items.map((p) => p.id),
        [d.id, c.id],
      );
      const unknown = await owner.request({
        method: 'POST',
        url: `${api}/collections/${id}/products`,
        payload: { productIds: ['prod_01jzzzzzzzzzzzzzzzzzzzzzzz'] },
      });
      assert.equal(unknown.statusCode, 422);
      assert.equal(unknown.json().error.code, 'unknown_products');
      const audit = await owner.request({ method: 'GET', url: `${api}/audit?entityId=${id}` });
      assert.deepEqual(
        audit
          .json()
          .items.map((e: { action: string }) => e.action)
          .sort(),
        [
          'collection.created',
          'collection.products_added',
          'collection.products_removed',
          'collection.products_set',
        ],
      );
    });

    test('concurrent additions to a manual collection all land, each at its own position', async () => {
      const created = await owner.request({
        method: 'POST',
        url: `${api}/collections`,
        payload: { title: 'Busy', kind: 'manual' },
      });
      const id = created.json().collection.id;
      const ids: string[] = [];
      for (let i = 0; i < 6; i++)
        ids.push((await product({ title: `Busy ${i}`, price: { amount: 100 + i } })).id);
      const results = await Promise.all(
        ids.map((productId) =>
          owner.request({
            method: 'POST',
            url: `${api}/collections/${id}/products`,
            payload: { productIds: [productId] },
          }),
        ),
      );
      assert.deepEqual(
        results.map((r) => r.statusCode),
        ids.map(() => 200),
      );
      const positions = await database.execute<{ position: number }>(
        'select position from collection_products where collection_id = $1 order by position',
        [id],
      );
      assert.deepEqual(
        positions.map((p) => p.position),
        [0, 1, 2, 3, 4, 5],
      );
      assert.equal((await members(id)).total, 6);
    });

    test('bad input: kinds, sorts and rules that do not fit are refused with a code', async () => {
      const cases: [string, unknown, number][] = [
        ['rules without conditions', { title: 'X', kind: 'rules', rules: [] }, 400],
        [
          'manual with rules',
          { title: 'X', kind: 'manual', rules: [{ field: 'tag', operator: 'equals', value: 'a' }] },
          400,
        ],
        [
          'manual order for rules',
          {
            title: 'X',
            kind: 'rules',
            sortOrder: 'manual',
            rules: [{ field: 'tag', operator: 'equals', value: 'a' }],
          },
          400,
        ],
        ['best-selling is not offered', { title: 'X', kind: 'manual', sortOrder: 'best_selling' }, 400],
        [
          'price as decimal',
          { title: 'X', kind: 'rules', rules: [{ field: 'price', operator: 'lt', value: 19.99 }] },
          400,
        ],
        ['bad handle', { title: 'X', kind: 'manual', handle: 'Not ok' }, 400],
      ];
      for (const [label, payload, status] of cases) {
        const res = await owner.request({
          method: 'POST',
          url: `${api}/collections`,
          payload: payload as object,
        });
        assert.equal(res.statusCode, status, `${label}: ${res.body}`);
        assert.equal(typeof res.json().error.code, 'string');
      }
      const first = await owner.request({
        method: 'POST',
        url: `${api}/collections`,
        payload: { title: 'Dup', kind: 'manual', handle: 'dup' },
      });
      assert.equal(first.statusCode, 201);
      const dup = await owner.request({
        method: 'POST',
        url: `${api}/collections`,
        payload: { title: 'Dup', kind: 'manual', handle: 'dup' },
      });
      assert.equal(dup.statusCode, 409);
      assert.equal(dup.json().error.code, 'handle_taken');
      const rules = await owner.request({
        method: 'POST',
        url: `${api}/collections`,
        payload: { title: 'Ruled', kind: 'rules', rules: [{ field: 'tag', operator: 'equals', value: 'x' }] },
      });
      const handEdit = await owner.request({
        method: 'PUT',
        url: `${api}/collections/${rules.json().collection.id}/products`,
        payload: { productIds: [] },
      });
      assert.equal(handEdit.statusCode, 422);
      assert.equal(handEdit.json().error.code, 'rule_collection');
    });

    test('storefront collection page: products on sale, sorted, paged; a renamed handle redirects', async () => {
      const draft = await product({
        title: 'Secret Salt',
        price: { amount: 100 },
        tags: ['salt'],
        status: 'draft',
      });
      for (const [title, amount] of [
        ['Flaky Salt', 800],
        ['Smoked Salt', 1200],
        ['Black Salt', 600],
      ] as const) {
        await product({ title, price: { amount }, tags: ['salt'] });
      }
      const created = await owner.request({
        method: 'POST',
        url: `${api}/collections`,
        payload: {
          title: 'Salts',
          handle: 'salts',
          kind: 'rules',
          rules: [{ field: 'tag', operator: 'equals', value: 'salt' }],
          sortOrder: 'title_asc',
          description: '<p>Every <strong>salt</strong> we stock.</p><script>alert(1)</script>',
        },
      });
      const id = created.json().collection.id;
      const page = await sp.app.inject({ method: 'GET', url: '/s/larder/collections/salts' });
      assert.equal(page.statusCode, 200, page.body);
      const titles = [...page.body.matchAll(/<h3 class="card-title">([^<]+)<\/h3>/g)].map((m) => m[1]);
      assert.deepEqual(titles, ['Black Salt', 'Flaky Salt', 'Smoked Salt'], 'drafts stay off the storefront');
      assert.ok(!page.body.includes(draft.handle));
      assert.ok(page.body.includes('<strong>salt</strong>') && !page.body.includes('<script>alert'));
      const canonical = /rel="canonical" href="[^"]*(\/s\/larder\/collections\/[^"]*)"/;
      assert.equal(page.body.match(canonical)?.[1], '/s/larder/collections/salts');
      const byPrice = await sp.app.inject({
        method: 'GET',
        url: '/s/larder/collections/salts?sort=price_desc',
      });
      const priced = [...byPrice.body.matchAll(/<h3 class="card-title">([^<]+)<\/h3>/g)].map((m) => m[1]);
      assert.deepEqual(priced, ['Smoked Salt', 'Flaky Salt', 'Black Salt']);
      assert.equal(
        byPrice.body.match(canonical)?.[1],
        '/s/larder/collections/salts',
        'a sorted view is the same listing',
      );
      const beyond = await sp.app.inject({ method: 'GET', url: '/s/larder/collections/salts?page=2' });
      assert.equal(beyond.statusCode, 404);
      const rename = await owner.request({
        method: 'PATCH',
        url: `${api}/collections/${id}`,
        payload: { handle: 'sea-salts' },
      });
      assert.equal(rename.statusCode, 200);
      const old = await sp.app.inject({ method: 'GET', url: '/s/larder/collections/salts' });
      assert.equal(old.statusCode, 301);
      assert.equal(old.headers.location, '/s/larder/collections/sea-salts');
      const missing = await sp.app.inject({ method: 'GET', url: '/s/larder/collections/nothing' });
      assert.equal(missing.statusCode, 404);
    });
  });
}
