import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeStore } from '../../../../test/support/app-harness.ts';
import type { Database } from '../../../platform/db/database.ts';
import { testDatabaseTargets } from '../../../platform/db/test-database.ts';
import { systemActor } from '../../access/index.ts';
import { createProduct } from '../products.ts';
import { createCollection } from './collections.ts';
import { collectionsOfProducts, findCollectionIds, findProductIds } from './product-collections.ts';

const actor = systemActor('test');

for (const target of testDatabaseTargets()) {
  describe(`collections of products on ${target.label}`, () => {
    let database: Database;

    before(async () => {
      database = await target.create();
    });
    after(async () => {
      await database.close();
    });

    test('manual members and rule matches, per product; other stores and unknown ids answer nothing', async () => {
      const store = await makeStore(database, 'membership');
      const other = await makeStore(database, 'membership-other');
      const writer = { actor, canPublish: true };
      const product = async (
        owner: { id: string; baseCurrency: string },
        title: string,
        tags: string[],
        amount: number,
      ) => (await createProduct(database.db, writer, owner, { title, tags, price: { amount } })).product;
      const apron = await product(store, 'Linen Apron', ['linen'], 3000);
      const scarf = await product(store, 'Wool Scarf', ['Wool'], 1500);
      const mug = await product(store, 'Mug', [], 900);
      const foreign = await product(other, 'Foreign', ['linen'], 100);

      const kitchen = await createCollection(database.db, actor, store.id, {
        title: 'Kitchen',
        kind: 'manual',
        productIds: [apron.id, mug.id],
      });
      const wool = await createCollection(database.db, actor, store.id, {
        title: 'Wool',
        kind: 'rules',
        rules: [{ field: 'tag', operator: 'equals', value: 'wool' }],
      });
      const cheap = await createCollection(database.db, actor, store.id, {
        title: 'Under 20',
        kind: 'rules',
        rules: [{ field: 'price', operator: 'lt', value: 2000 }],
      });
      const foreignLinen = await createCollection(database.db, actor, other.id, {
        title: 'Linen',
        kind: 'rules',
        rules: [{ field: 'tag', operator: 'equals', value: 'linen' }],
      });

      const found = await collectionsOfProducts(database.db, store.id, [
        apron.id,
        scarf.id,
        mug.id,
        foreign.id,
        'prod_nope',
      ]);
      const sorted = (ids: string[] | undefined) => [...(ids ?? [])].sort();
      assert.deepEqual(sorted(found.get(apron.id)), [kitchen.id]);
      assert.deepEqual(sorted(found.get(scarf.id)), sorted([wool.id, cheap.id]));
      assert.deepEqual(sorted(found.get(mug.id)), sorted([kitchen.id, cheap.id]));
      assert.deepEqual(
        found.get(foreign.id),
        [],
        'another store’s product is in none of this store’s collections',
      );
      assert.deepEqual(found.get('prod_nope'), []);
      assert.deepEqual((await collectionsOfProducts(database.db, other.id, [foreign.id])).get(foreign.id), [
        foreignLinen.id,
      ]);
      assert.deepEqual(await collectionsOfProducts(database.db, store.id, []), new Map());

      assert.deepEqual(
        await findCollectionIds(database.db, store.id, [kitchen.id, foreignLinen.id, 'coll_x']),
        new Set([kitchen.id]),
      );
      assert.deepEqual(
        await findProductIds(database.db, store.id, [apron.id, foreign.id, 'prod_x']),
        new Set([apron.id]),
      );
    });
  });
}
