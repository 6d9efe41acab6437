import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  Browser,
  makeMember,
  makeStore,
  startTestApp,
  type TestApp,
} from '../../../test/support/app-harness.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';

for (const target of testDatabaseTargets()) {
  describe(`products on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let owner: Browser;
    let editor: Browser;
    const base = '/api/admin/stores/deli/products';

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      const store = await makeStore(database, 'deli', 'JPY');
      owner = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'owner')).email);
      editor = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'content')).email);
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    test('create derives a unique handle, keeps price in minor units of the store currency, audits and emits', async () => {
      const first = await owner.request({
        method: 'POST',
        url: base,
        payload: { title: 'Matcha Bowl & Whisk', price: { amount: 4800 } },
      });
      assert.equal(first.statusCode, 201, first.body);
      const p = first.json().product;
      assert.equal(p.handle, 'matcha-bowl-and-whisk');
      assert.deepEqual(p.price, { amount: 4800, currency: 'JPY' });
      assert.equal(p.status, 'draft');
      assert.equal(p.storefrontUrl, '/s/deli/products/matcha-bowl-and-whisk');
      const second = await owner.request({
        method: 'POST',
        url: base,
        payload: { title: 'Matcha bowl & whisk', price: { amount: 1 } },
      });
      assert.equal(second.json().product.handle, 'matcha-bowl-and-whisk-2');

      const audit = await owner.request({
        method: 'GET',
        url: `/api/admin/stores/deli/audit?entityId=${p.id}`,
      });
      const [entry] = audit.json().items;
      assert.equal(entry.action, 'product.created');
      assert.equal(entry.after.title, 'Matcha Bowl & Whisk');
      const events = await database.execute<{ type: string }>(
        "select type from outbox_events where payload->>'id' = $1",
        [p.id],
      );
      assert.deepEqual(
        events.map((e) => e.type),
        ['product.created'],
      );
    });

    test('edit records before and after; list searches and filters by status', async () => {
      const created = await owner.request({
        method: 'POST',
        url: base,
        payload: { title: 'Hinoki Tray', price: { amount: 3000 }, sku: 'HT-1' },
      });
      const id = created.json().product.id;
      const edited = await owner.request({
        method: 'PATCH',
        url: `${base}/${id}`,
        payload: { title: 'Hinoki Serving Tray', price: { amount: 3200 } },
      });
      assert.equal(edited.statusCode, 200, edited.body);
      assert.equal(edited.json().product.title, 'Hinoki Serving Tray');
      assert.equal(
        edited.json().product.handle,
        'hinoki-tray',
        'editing the title keeps the handle (links stay valid)',
      );
      const audit = (
        await owner.request({
          method: 'GET',
          url: `/api/admin/stores/deli/audit?entityId=${id}&action=product.updated`,
        })
      ).json();
      assert.equal(audit.items[0].before.priceAmount, 3000);
      assert.equal(audit.items[0].after.priceAmount, 3200);

      const found = (await owner.request({ method: 'GET', url: `${base}?q=ht-1` })).json();
      assert.deepEqual(
        found.items.map((p: { id: string }) => p.id),
        [id],
      );
      const percent = (await owner.request({ method: 'GET', url: `${base}?q=%25` })).json();
      assert.equal(percent.total, 0, 'a % in the search is a literal, not a wildcard');
      const drafts = (await owner.request({ method: 'GET', url: `${base}?status=active` })).json();
      assert.equal(drafts.total, 0);
    });

    test('content editors write but cannot publish; publishers can', async () => {
      const created = await editor.request({
        method: 'POST',
        url: base,
        payload: { title: 'Yuzu Soap', price: { amount: 900 } },
      });
      assert.equal(created.statusCode, 201);
      const id = created.json().product.id;
      const direct = await editor.request({
        method: 'PATCH',
        url: `${base}/${id}`,
        payload: { status: 'active' },
      });
      assert.equal(direct.statusCode, 403);
      assert.equal(direct.json().error.code, 'permission_denied');
      const activeOnCreate = await editor.request({
        method: 'POST',
        url: base,
        payload: { title: 'X', price: { amount: 1 }, status: 'active' },
      });
      assert.equal(activeOnCreate.statusCode, 403);
      const publish = await owner.request({ method: 'POST', url: `${base}/${id}/publish` });
      assert.equal(publish.statusCode, 200);
      assert.equal(publish.json().product.status, 'active');
      assert.ok(publish.json().product.publishedAt);
      const unpublishByEditor = await editor.request({
        method: 'PATCH',
        url: `${base}/${id}`,
        payload: { status: 'archived' },
      });
      assert.equal(unpublishByEditor.statusCode, 403);
      const unpublish = await owner.request({ method: 'POST', url: `${base}/${id}/unpublish` });
      assert.equal(unpublish.json().product.status, 'draft');
    });

    test('delete removes the product and answers 404 afterwards', async () => {
      const id = (
        await owner.request({ method: 'POST', url: base, payload: { title: 'Old', price: { amount: 1 } } })
      ).json().product.id;
      assert.equal((await owner.request({ method: 'DELETE', url: `${base}/${id}` })).statusCode, 204);
      assert.equal((await owner.request({ method: 'GET', url: `${base}/${id}` })).statusCode, 404);
      assert.equal((await owner.request({ method: 'DELETE', url: `${base}/${id}` })).statusCode, 404);
    });
  });
}
