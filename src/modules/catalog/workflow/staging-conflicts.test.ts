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
 * A content editor's change to a live product is staged; a handle or SKU another product has is
 * refused when it is staged, with the answer a direct edit gets, and again when publishing (another
 * product may take it in between).
 */
for (const target of testDatabaseTargets()) {
  describe(`handles and SKUs of staged changes, on ${target.label}`, () => {
    let database: Database;
    let sp: TestApp;
    let manager: Browser;
    let content: Browser;
    const products = '/api/admin/stores/weave/products';

    const create = async (payload: Record<string, unknown>) => {
      const res = await manager.request({
        method: 'POST',
        url: products,
        payload: { status: 'active', ...payload },
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().product as { id: string; handle: string };
    };
    const openRevision = async (id: string) =>
      (await manager.request({ method: 'GET', url: `${products}/${id}/workflow` })).json().workflow.revision;
    const sizes = (skus: [string, string]) => ({
      options: [{ name: 'Size', values: ['S', 'M'] }],
      variants: [
        { optionValues: ['S'], price: { amount: 3000 }, sku: skus[0] },
        { optionValues: ['M'], price: { amount: 3000 }, sku: skus[1] },
      ],
    });

    before(async () => {
      database = await target.create();
      sp = await startTestApp(database);
      const store = await makeStore(database, 'weave', 'EUR');
      manager = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'manager')).email);
      content = await Browser.signIn(sp.app, (await makeMember(database, store.id, 'content')).email);
      await create({ title: 'Cotton Napkin', handle: 'cotton-napkin', price: { amount: 900 }, sku: 'NAP-1' });
    });
    after(async () => {
      await sp.close();
      await database.close();
    });

    test('a staged SKU another product has is refused at staging with the variant’s path, and nothing is staged', async () => {
      const apron = await create({ title: 'Canvas Apron', ...sizes(['APR-S', 'APR-M']) });
      const direct = await manager.request({
        method: 'PATCH',
        url: `${products}/${apron.id}`,
        payload: sizes(['APR-S', 'NAP-1']),
      });
      const staged = await content.request({
        method: 'PATCH',
        url: `${products}/${apron.id}`,
        payload: sizes(['APR-S', 'NAP-1']),
      });
      assert.equal(staged.statusCode, 409, staged.body);
      assert.deepEqual(staged.json().error, direct.json().error, 'the answer a direct edit gets');
      assert.equal(staged.json().error.code, 'sku_taken');
      assert.deepEqual(staged.json().error.details, [
        { path: 'variants.1.sku', message: 'Another product in this store has the SKU “NAP-1”.' },
      ]);
      assert.equal(await openRevision(apron.id), null, 'nothing was staged');

      // The single-variant shorthand names the first variant, as a direct edit does.
      const mitt = await create({ title: 'Oven Mitt', price: { amount: 1500 }, sku: 'MITT-1' });
      const shorthand = await content.request({
        method: 'PATCH',
        url: `${products}/${mitt.id}`,
        payload: { sku: 'NAP-1' },
      });
      assert.equal(shorthand.statusCode, 409, shorthand.body);
      assert.deepEqual(
        shorthand.json().error.details.map((d: { path: string }) => d.path),
        ['variants.0.sku'],
      );
    });

    test('a staged handle another product has is refused at staging, as a direct edit is', async () => {
      const towel = await create({ title: 'Tea Towel', price: { amount: 1200 } });
      const direct = await manager.request({
        method: 'PATCH',
        url: `${products}/${towel.id}`,
        payload: { handle: 'cotton-napkin' },
      });
      const staged = await content.request({
        method: 'PATCH',
        url: `${products}/${towel.id}`,
        payload: { title: 'Linen Tea Towel', handle: 'cotton-napkin' },
      });
      assert.equal(staged.statusCode, 409, staged.body);
      assert.equal(staged.json().error.code, 'handle_taken');
      assert.deepEqual(staged.json().error, direct.json().error);
      assert.equal(await openRevision(towel.id), null);
    });

    test('a SKU taken after staging does not block other edits, and publishing refuses it', async () => {
      const runner = await create({ title: 'Table Runner', ...sizes(['RUN-S', 'RUN-M']) });
      const staged = await content.request({
        method: 'PATCH',
        url: `${products}/${runner.id}`,
        payload: sizes(['RUN-S', 'RUN-MEDIUM']),
      });
      assert.equal(staged.statusCode, 202, staged.body);
      // Another product takes the staged SKU meanwhile.
      await create({ title: 'Placemat', price: { amount: 700 }, sku: 'RUN-MEDIUM' });
      const more = await content.request({
        method: 'PATCH',
        url: `${products}/${runner.id}`,
        payload: { title: 'Linen Table Runner' },
      });
      assert.equal(more.statusCode, 202, more.body);
      const submitted = await content.request({
        method: 'POST',
        url: `${products}/${runner.id}/submit-for-review`,
        payload: {},
      });
      assert.equal(submitted.statusCode, 200, submitted.body);
      const approved = await manager.request({
        method: 'POST',
        url: `${products}/${runner.id}/approve`,
        payload: { fingerprint: (await openRevision(runner.id)).fingerprint },
      });
      assert.equal(approved.statusCode, 200, approved.body);
      const published = await manager.request({ method: 'POST', url: `${products}/${runner.id}/publish` });
      assert.equal(published.statusCode, 409, published.body);
      assert.equal(published.json().error.code, 'sku_taken');
      assert.deepEqual(
        published.json().error.details.map((d: { path: string }) => d.path),
        ['variants.1.sku'],
      );
      const live = (await manager.request({ method: 'GET', url: `${products}/${runner.id}` })).json().product;
      assert.equal(live.title, 'Table Runner', 'nothing went live');
    });
  });
}
