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
  describe(`SKUs another product has, on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let owner: Browser;
    const base = '/api/admin/stores/sku-shop/products';

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      const store = await makeStore(database, 'sku-shop', 'EUR');
      owner = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'owner')).email);
      const mug = await owner.request({
        method: 'POST',
        url: base,
        payload: { title: 'Mug', price: { amount: 1200 }, sku: 'MUG-1' },
      });
      assert.equal(mug.statusCode, 201, mug.body);
      const cap = await owner.request({
        method: 'POST',
        url: base,
        payload: { title: 'Cap', price: { amount: 900 }, sku: 'CAP-1' },
      });
      assert.equal(cap.statusCode, 201, cap.body);
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    const tee = (skus: [string, string]) => ({
      options: [{ name: 'Size', values: ['S', 'M'] }],
      variants: [
        { optionValues: ['S'], price: { amount: 2000 }, sku: skus[0] },
        { optionValues: ['M'], price: { amount: 2000 }, sku: skus[1] },
      ],
    });

    test('a create is refused with the path of the variant whose SKU is taken, and nothing is written', async () => {
      const res = await owner.request({
        method: 'POST',
        url: base,
        payload: { title: 'Tee', ...tee(['TEE-S', 'MUG-1']) },
      });
      assert.equal(res.statusCode, 409, res.body);
      const { error } = res.json();
      assert.equal(error.code, 'sku_taken');
      assert.deepEqual(error.details, [
        { path: 'variants.1.sku', message: 'Another product in this store has the SKU “MUG-1”.' },
      ]);
      const list = await owner.request({ method: 'GET', url: `${base}?q=Tee` });
      assert.equal(list.json().total, 0);
    });

    test('an update names every variant whose SKU is taken; the product keeps its own SKUs when reordered', async () => {
      const created = await owner.request({
        method: 'POST',
        url: base,
        payload: { title: 'Tee', ...tee(['TEE-S', 'TEE-M']) },
      });
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().product.id;
      const taken = await owner.request({
        method: 'PATCH',
        url: `${base}/${id}`,
        payload: tee(['CAP-1', 'MUG-1']),
      });
      assert.equal(taken.statusCode, 409, taken.body);
      assert.equal(taken.json().error.message, 'Other products in this store have some of these SKUs.');
      assert.deepEqual(
        taken.json().error.details.map((d: { path: string }) => d.path),
        ['variants.0.sku', 'variants.1.sku'],
      );
      const swapped = await owner.request({
        method: 'PATCH',
        url: `${base}/${id}`,
        payload: tee(['TEE-M', 'TEE-S']),
      });
      assert.equal(swapped.statusCode, 200, swapped.body);
      assert.deepEqual(
        swapped.json().product.variants.map((v: { sku: string }) => v.sku),
        ['TEE-M', 'TEE-S'],
      );
    });
  });
}
