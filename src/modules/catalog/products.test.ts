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
      // Deleting takes a live product off the storefront too: refused, and the product stays.
      const deleteByEditor = await editor.request({ method: 'DELETE', url: `${base}/${id}` });
      assert.equal(deleteByEditor.statusCode, 403);
      assert.equal(deleteByEditor.json().error.code, 'permission_denied');
      assert.equal(
        (await editor.request({ method: 'GET', url: `${base}/${id}` })).json().product.status,
        'active',
      );
      const unpublish = await owner.request({ method: 'POST', url: `${base}/${id}/unpublish` });
      assert.equal(unpublish.json().product.status, 'draft');
      // A draft is the editor's to delete.
      assert.equal((await editor.request({ method: 'DELETE', url: `${base}/${id}` })).statusCode, 204);
    });

    test('options and variants: a grid with its own SKUs and prices, edited in place, checked as a whole', async () => {
      const created = await owner.request({
        method: 'POST',
        url: base,
        payload: {
          title: 'Linen Apron',
          options: [
            { name: 'Colour', values: ['Sand', 'Charcoal'] },
            { name: 'Size', values: ['S', 'L'] },
          ],
          variants: [
            { sku: 'AP-SAN-S', optionValues: ['Sand', 'S'], price: { amount: 3900 } },
            { sku: 'AP-SAN-L', optionValues: ['sand', 'L'], price: { amount: 4200 } },
            {
              sku: 'AP-CHA-S',
              optionValues: ['Charcoal', 'S'],
              price: { amount: 3900 },
              compareAtPrice: { amount: 4900 },
              weightGrams: 240,
            },
          ],
          images: [{ url: 'https://cdn.example.com/apron.jpg', alt: 'A sand-coloured apron' }],
          tags: ['kitchen', 'linen'],
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      const p = created.json().product;
      assert.deepEqual(p.price, { amount: 3900, currency: 'JPY' });
      assert.deepEqual(p.priceMax, { amount: 4200, currency: 'JPY' });
      assert.equal(p.variants.length, 3);
      assert.deepEqual(p.variants[1].optionValues, ['Sand', 'L'], 'values take the spelling of the option');
      assert.equal(p.variants[1].title, 'Sand / L');
      assert.equal(p.sku, null, 'no single SKU for a product with variants');
      assert.equal(p.imageUrl, 'https://cdn.example.com/apron.jpg');

      // Edit: change one price and add a variant; matched variants keep their ids.
      const variants = p.variants.map(
        (v: { id: string; sku: string; optionValues: string[]; price: unknown }) => ({
          id: v.id,
          sku: v.sku,
          optionValues: v.optionValues,
          price: v.price === undefined ? undefined : { amount: (v.price as { amount: number }).amount },
        }),
      );
      variants[0].price = { amount: 3500 };
      variants.push({ sku: 'AP-CHA-L', optionValues: ['Charcoal', 'L'], price: { amount: 4200 } });
      const edited = await owner.request({ method: 'PATCH', url: `${base}/${p.id}`, payload: { variants } });
      assert.equal(edited.statusCode, 200, edited.body);
      const after = edited.json().product;
      assert.deepEqual(
        after.variants.slice(0, 3).map((v: { id: string }) => v.id),
        p.variants.map((v: { id: string }) => v.id),
      );
      assert.equal(after.price.amount, 3500);
      assert.equal(after.variants.length, 4);

      // Swapping two variants' SKUs in one edit is fine (no transient duplicate).
      const swapped = after.variants.map(
        (v: { id: string; sku: string; optionValues: string[]; price: { amount: number } }) => ({
          id: v.id,
          sku: v.sku,
          optionValues: v.optionValues,
          price: { amount: v.price.amount },
        }),
      );
      [swapped[0].sku, swapped[1].sku] = [swapped[1].sku, swapped[0].sku];
      const swap = await owner.request({
        method: 'PATCH',
        url: `${base}/${p.id}`,
        payload: { variants: swapped },
      });
      assert.equal(swap.statusCode, 200, swap.body);
      assert.equal(swap.json().product.variants[0].sku, 'AP-SAN-L');

      const bad = await owner.request({
        method: 'PATCH',
        url: `${base}/${p.id}`,
        payload: {
          variants: [
            { optionValues: ['Sand', 'S'], price: { amount: 1 } },
            { optionValues: ['Sand', 'S'], price: { amount: 1 } },
            { optionValues: ['Blue', 'S'], price: { amount: 1 } },
            { optionValues: ['Sand'], price: { amount: 1 } },
            { optionValues: ['Charcoal', 'L'], price: { amount: 5 }, compareAtPrice: { amount: 5 } },
          ],
        },
      });
      assert.equal(bad.statusCode, 422);
      assert.equal(bad.json().error.code, 'invalid_variants');
      assert.deepEqual(
        bad.json().error.details.map((d: { path: string }) => d.path),
        [
          'variants.1.optionValues',
          'variants.2.optionValues.0',
          'variants.3.optionValues',
          'variants.4.compareAtPrice',
        ],
      );
      const unchanged = (await owner.request({ method: 'GET', url: `${base}/${p.id}` })).json().product;
      assert.equal(unchanged.variants.length, 4, 'nothing written');

      const taken = await owner.request({
        method: 'POST',
        url: base,
        payload: { title: 'Copy', sku: 'AP-CHA-L', price: { amount: 1 } },
      });
      assert.equal(taken.statusCode, 409);
      assert.equal(taken.json().error.code, 'sku_taken');

      const shorthand = await owner.request({
        method: 'PATCH',
        url: `${base}/${p.id}`,
        payload: { price: { amount: 1 } },
      });
      assert.equal(shorthand.json().error.code, 'has_variants');

      const found = (await owner.request({ method: 'GET', url: `${base}?q=AP-CHA` })).json();
      assert.deepEqual(
        found.items.map((i: { id: string }) => i.id),
        [p.id],
        'the list searches variant SKUs',
      );
      // The list shows how many variants there are and the first SKU (position order).
      const listed = found.items[0] as { variantCount: number; sku: string | null };
      const stored = (await owner.request({ method: 'GET', url: `${base}/${p.id}` })).json().product;
      assert.equal(listed.variantCount, stored.variants.length);
      assert.equal(listed.sku, stored.variants.find((v: { sku: string | null }) => v.sku)?.sku ?? null);
    });

    test('a changed handle leaves a permanent redirect on the storefront, without chains', async () => {
      const created = await owner.request({
        method: 'POST',
        url: base,
        payload: { title: 'Hojicha Tin', price: { amount: 1200 }, status: 'active' },
      });
      const id = created.json().product.id;
      await owner.request({ method: 'PATCH', url: `${base}/${id}`, payload: { handle: 'roasted-tea-tin' } });
      await owner.request({
        method: 'PATCH',
        url: `${base}/${id}`,
        payload: { handle: 'hojicha-roasted-tea' },
      });
      for (const old of ['hojicha-tin', 'roasted-tea-tin']) {
        const res = await sp.app.inject({ url: `/s/deli/products/${old}` });
        assert.equal(res.statusCode, 301, old);
        assert.equal(res.headers.location, '/s/deli/products/hojicha-roasted-tea');
      }
      assert.equal((await sp.app.inject({ url: '/s/deli/products/hojicha-roasted-tea' })).statusCode, 200);
      // Going back to an old handle makes it live again rather than a redirect loop.
      await owner.request({ method: 'PATCH', url: `${base}/${id}`, payload: { handle: 'hojicha-tin' } });
      assert.equal((await sp.app.inject({ url: '/s/deli/products/hojicha-tin' })).statusCode, 200);
      const moved = await sp.app.inject({ url: '/s/deli/products/hojicha-roasted-tea' });
      assert.equal(moved.headers.location, '/s/deli/products/hojicha-tin');
    });

    test("a product can only be filed under one of its store's categories", async () => {
      const created = await owner.request({
        method: 'POST',
        url: base,
        payload: { title: 'Sencha Tin', price: { amount: 800 }, categoryId: 'cat_01nonexistent' },
      });
      assert.equal(created.statusCode, 422);
      assert.equal(created.json().error.code, 'unknown_category');
      const id = (
        await owner.request({
          method: 'POST',
          url: base,
          payload: { title: 'Sencha Tin', price: { amount: 800 } },
        })
      ).json().product.id;
      const patched = await owner.request({
        method: 'PATCH',
        url: `${base}/${id}`,
        payload: { categoryId: 'cat_01nonexistent' },
      });
      assert.equal(patched.statusCode, 422);
      assert.equal(patched.json().error.code, 'unknown_category');
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
