import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeStore } from '../../../test/support/app-harness.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { systemActor } from '../access/index.ts';
import { createProduct } from './products.ts';
import { findVariantShippingFacts } from './variant-shipping-facts.ts';

for (const target of testDatabaseTargets()) {
  describe(`variant shipping facts on ${target.label}`, () => {
    let database: Database;
    before(async () => {
      database = await target.create();
    });
    after(() => database.close());

    test("weights and shipping flags of the store's own variants only", async () => {
      const writer = { actor: systemActor('test'), canPublish: true };
      const shop = await makeStore(database, 'facts-shop');
      const other = await makeStore(database, 'facts-other');
      const apron = await createProduct(database.db, writer, shop, {
        title: 'Apron',
        options: [{ name: 'Size', values: ['S', 'L'] }],
        variants: [
          { sku: 'AP-S', optionValues: ['S'], price: { amount: 3900 }, weightGrams: 240 },
          { sku: 'AP-L', optionValues: ['L'], price: { amount: 3900 } },
        ],
      });
      const card = await createProduct(database.db, writer, shop, {
        title: 'Gift card',
        variants: [{ sku: 'GIFT', optionValues: [], price: { amount: 5000 }, requiresShipping: false }],
      });
      const foreign = await createProduct(database.db, writer, other, {
        title: 'Elsewhere',
        variants: [{ sku: 'X', optionValues: [], price: { amount: 100 }, weightGrams: 9 }],
      });
      const [small, large] = apron.variants.map((v) => v.id);
      const facts = await findVariantShippingFacts(database.db, shop.id, [
        small!,
        large!,
        card.variants[0]!.id,
        foreign.variants[0]!.id,
        'var_unknown',
        small!,
      ]);
      assert.deepEqual(
        [...facts.values()].sort((a, b) => a.variantId.localeCompare(b.variantId)),
        [
          { variantId: small!, weightGrams: 240, requiresShipping: true },
          { variantId: large!, weightGrams: null, requiresShipping: true },
          { variantId: card.variants[0]!.id, weightGrams: null, requiresShipping: false },
        ].sort((a, b) => a.variantId.localeCompare(b.variantId)),
      );
      assert.equal((await findVariantShippingFacts(database.db, shop.id, [])).size, 0);
    });
  });
}
