import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  Browser,
  makeApiKey,
  makeMember,
  makeStore,
  permissionsOf,
  startTestApp,
  type TestApp,
  withApiKey,
} from '../../../../test/support/app-harness.ts';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';

interface View {
  id: string;
  name: string;
  shared: boolean;
  mine: boolean;
  canManage: boolean;
  author: { type: string; label: string };
  filters: Record<string, unknown>;
  sort: string | null;
  columns: string[] | null;
}

for (const target of testDatabaseTargets()) {
  describe(`saved product views on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    /** content: catalog:write (may share); support: catalog:read only; admin: manages the team's views. */
    let content: Browser;
    let support: Browser;
    let admin: Browser;
    let storeId: string;
    const api = '/api/admin/stores/viewshop/product-views';

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      const store = await makeStore(database, 'viewshop');
      storeId = store.id;
      content = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'content')).email);
      support = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'support')).email);
      admin = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'admin')).email);
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    async function create(as: Browser, payload: object) {
      return as.request({ method: 'POST', url: api, payload });
    }
    async function listed(as: Browser): Promise<View[]> {
      const res = await as.request({ method: 'GET', url: api });
      assert.equal(res.statusCode, 200, res.body);
      return res.json().items;
    }
    const count = async (table: string, where = 'true') =>
      Number(
        (await database.execute<{ n: number }>(`select count(*)::int as n from ${table} where ${where}`))[0]!
          .n,
      );

    test('a view keeps filters, order and columns; private views are seen by their author only', async () => {
      const res = await create(content, {
        name: '  Lenz to finish ',
        filters: { vendor: ['Lenz', 'Acme', 'Lenz'], missing: ['image'], priceMax: 5000 },
        sort: 'title',
        columns: ['sku', 'vendor', 'price'],
      });
      assert.equal(res.statusCode, 201, res.body);
      const view: View = res.json().view;
      assert.equal(view.name, 'Lenz to finish');
      assert.equal(view.shared, false);
      assert.deepEqual(view.filters, { vendor: ['Acme', 'Lenz'], missing: ['image'], priceMax: 5000 });
      assert.equal(view.sort, 'title');
      assert.deepEqual(view.columns, ['sku', 'vendor', 'price']);
      assert.ok(view.mine && view.canManage);
      assert.deepEqual(
        (await listed(content)).map((v) => v.name),
        ['Lenz to finish'],
      );
      assert.deepEqual(await listed(support), [], 'private to its author');
      assert.deepEqual(await listed(admin), [], 'private even from admins');
      const hidden = await support.request({ method: 'DELETE', url: `${api}/${view.id}` });
      assert.equal(hidden.statusCode, 404, 'another person’s private view does not exist for them');
      const [audit] = await database.execute<{ action: string; after: { filters: unknown } }>(
        `select action, after from audit_log where entity_id = $1`,
        [view.id],
      );
      assert.equal(audit!.action, 'product_view.created');
      assert.deepEqual(audit!.after.filters, view.filters);
    });

    test('anyone who reads the catalog saves a private view; sharing one needs catalog:write', async () => {
      const own = await create(support, { name: 'My drafts', filters: { status: 'draft' } });
      assert.equal(own.statusCode, 201, own.body);
      const before = await count('product_views');
      const shared = await create(support, { name: 'For everyone', shared: true });
      assert.equal(shared.statusCode, 403, shared.body);
      assert.equal(shared.json().error.code, 'permission_denied');
      assert.equal(shared.json().error.details.permission, 'catalog:write');
      const sharing = await support.request({
        method: 'PATCH',
        url: `${api}/${own.json().view.id}`,
        payload: { shared: true },
      });
      assert.equal(sharing.statusCode, 403, 'nor by sharing a private one afterwards');
      assert.equal(await count('product_views'), before, 'nothing written');
      assert.equal(await count('product_views', 'shared'), 0);
    });

    test('a shared view is the team’s: everyone sees it; only its author or an admin changes or deletes it', async () => {
      const res = await create(content, { name: 'Summer', shared: true, filters: { tag: ['summer'] } });
      assert.equal(res.statusCode, 201, res.body);
      const id = res.json().view.id;
      const seen = (await listed(support)).find((v) => v.id === id);
      assert.ok(seen, 'shared with the team');
      assert.equal(seen.mine, false);
      assert.equal(seen.canManage, false);
      assert.match(seen.author.label, /content person|@/);
      for (const [method, payload] of [
        ['PATCH', { name: 'Mine now' }],
        ['DELETE', undefined],
      ] as const) {
        const refused = await support.request({
          method,
          url: `${api}/${id}`,
          ...(payload ? { payload } : {}),
        });
        assert.equal(refused.statusCode, 403, `${method}: ${refused.body}`);
        assert.equal(refused.json().error.code, 'not_view_author');
      }
      const renamed = await content.request({
        method: 'PATCH',
        url: `${api}/${id}`,
        payload: { name: 'Summer 26' },
      });
      assert.equal(renamed.statusCode, 200, renamed.body);
      assert.equal(renamed.json().view.name, 'Summer 26');
      assert.deepEqual(renamed.json().view.filters, { tag: ['summer'] }, 'a rename keeps the definition');
      const adminSees = (await listed(admin)).find((v) => v.id === id);
      assert.equal(adminSees?.canManage, true);
      const removed = await admin.request({ method: 'DELETE', url: `${api}/${id}` });
      assert.equal(removed.statusCode, 204, removed.body);
      assert.equal(
        (await listed(content)).some((v) => v.id === id),
        false,
      );
      const actions = await database.execute<{ action: string; before: { name: string } | null }>(
        `select action, before from audit_log where entity_id = $1 order by at, id`,
        [id],
      );
      assert.deepEqual(
        actions.map((a) => a.action),
        ['product_view.created', 'product_view.updated', 'product_view.deleted'],
      );
      assert.equal(actions[1]!.before!.name, 'Summer');
      assert.equal(actions[2]!.before!.name, 'Summer 26');
    });

    test('the author saves new filters into a view; names are one per author, in any case', async () => {
      const first = (
        await create(content, { name: 'Ceramics', filters: { productType: ['Ceramics'] } })
      ).json().view;
      const taken = await create(content, { name: 'CERAMICS' });
      assert.equal(taken.statusCode, 409, taken.body);
      assert.equal(taken.json().error.code, 'view_name_taken');
      const otherAuthor = await create(support, { name: 'Ceramics' });
      assert.equal(otherAuthor.statusCode, 201, 'another person may use the name');
      const second = (await create(content, { name: 'Textiles' })).json().view;
      const clash = await content.request({
        method: 'PATCH',
        url: `${api}/${second.id}`,
        payload: { name: 'ceramics' },
      });
      assert.equal(clash.statusCode, 409);
      const updated = await content.request({
        method: 'PATCH',
        url: `${api}/${first.id}`,
        payload: { filters: { productType: ['Ceramics'], priceMin: 1000 }, sort: null, columns: null },
      });
      assert.equal(updated.statusCode, 200, updated.body);
      assert.deepEqual(updated.json().view.filters, { productType: ['Ceramics'], priceMin: 1000 });
      assert.equal(updated.json().view.name, 'Ceramics');
    });

    test('bad input: 400 with the field named, or 404 for a view that is not there; nothing written', async () => {
      const mine = (await create(content, { name: 'Kept' })).json().view;
      const before = await count('product_views');
      const audits = await count('audit_log');
      const cases: [string, 'POST' | 'PATCH' | 'DELETE', string, unknown, number, string][] = [
        ['no name', 'POST', api, { filters: {} }, 400, 'body.name'],
        ['blank name', 'POST', api, { name: '   ' }, 400, 'body.name'],
        ['long name', 'POST', api, { name: 'x'.repeat(81) }, 400, 'body.name'],
        ['unknown filter', 'POST', api, { name: 'x', filters: { colour: 'red' } }, 400, 'body.filters'],
        ['bad price', 'POST', api, { name: 'x', filters: { priceMin: 9.5 } }, 400, 'body.filters.priceMin'],
        [
          'upside-down price range',
          'POST',
          api,
          { name: 'x', filters: { priceMin: 900, priceMax: 100 } },
          400,
          'body.filters.priceMax',
        ],
        ['unknown sort', 'POST', api, { name: 'x', sort: 'random' }, 400, 'body.sort'],
        ['unknown column', 'POST', api, { name: 'x', columns: ['margin'] }, 400, 'body.columns'],
        ['column twice', 'POST', api, { name: 'x', columns: ['sku', 'sku'] }, 400, 'body.columns'],
        ['shared not a flag', 'POST', api, { name: 'x', shared: 'yes' }, 400, 'body.shared'],
        ['unknown field', 'POST', api, { name: 'x', owner: 'me' }, 400, 'body'],
        ['nothing to change', 'PATCH', `${api}/${mine.id}`, {}, 400, 'body'],
        ['no such view', 'PATCH', `${api}/pview_01jzzzzzzzzzzzzzzzzzzzzzzz`, { name: 'y' }, 404, ''],
        ['delete no such view', 'DELETE', `${api}/pview_01jzzzzzzzzzzzzzzzzzzzzzzz`, undefined, 404, ''],
      ];
      for (const [label, method, url, payload, status, path] of cases) {
        const res = await content.request({
          method,
          url,
          ...(payload ? { payload: payload as object } : {}),
        });
        assert.equal(res.statusCode, status, `${label}: ${res.body}`);
        const { error } = res.json();
        assert.equal(typeof error.code, 'string', label);
        if (status === 400) {
          assert.equal(error.code, 'validation_failed', label);
          assert.ok(
            error.details.some((d: { path: string }) => d.path.startsWith(path)),
            `${label}: ${JSON.stringify(error.details)}`,
          );
        }
      }
      assert.equal(await count('product_views'), before);
      assert.equal(await count('audit_log'), audits);
    });

    test('an API key keeps views of its own, apart from people’s', async () => {
      const key = await makeApiKey(database, storeId, permissionsOf('viewer'));
      const send = withApiKey(sp.app, key);
      const res = await send({ method: 'POST', url: api, payload: { name: 'Script view' } });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().view.author.type, 'api_key');
      const own = await send({ method: 'GET', url: api });
      assert.deepEqual(
        own
          .json()
          .items.filter((v: View) => !v.shared)
          .map((v: View) => v.name),
        ['Script view'],
      );
      assert.equal(
        (await listed(content)).some((v) => v.name === 'Script view'),
        false,
      );
    });
  });
}
