import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeStore } from '../../../test/support/app-harness.ts';
import type { Database } from '../../platform/db/database.ts';
import { testDatabaseTargets } from '../../platform/db/test-database.ts';
import { AppError } from '../../platform/errors.ts';
import { systemActor } from '../access/index.ts';
import { createNewProducts } from './new-products-batch.ts';
import type { CreateProductInput } from './product-input.ts';
import { createProduct, getProduct } from './products.ts';

const actor = systemActor('batch test');
const publisher = { actor, canPublish: true };

function product(
  handle: string,
  skus: string[],
  extra: Partial<CreateProductInput> = {},
): CreateProductInput {
  return {
    title: handle.replace(/-/g, ' '),
    handle,
    status: 'active',
    options: skus.length > 1 ? [{ name: 'Size', values: skus.map((_, i) => `S${i}`) }] : [],
    variants: skus.map((sku, i) => ({
      sku,
      optionValues: skus.length > 1 ? [`S${i}`] : [],
      price: { amount: 1000 + i * 100 },
      imagePosition: i === 0 ? 2 : null,
    })),
    images: [
      { url: `https://img.example/${handle}-1.jpg`, alt: 'front' },
      { url: `https://img.example/${handle}-2.jpg`, alt: null },
    ],
    ...extra,
  } as CreateProductInput;
}

const codeOf = (outcome: { ok: boolean; error?: unknown }) =>
  outcome.ok ? 'ok' : outcome.error instanceof AppError ? outcome.error.code : 'invalid_input';

for (const target of testDatabaseTargets()) {
  describe(`creating new products in a batch on ${target.label}`, () => {
    let database: Database;
    let store: { id: string; baseCurrency: string };

    before(async () => {
      database = await target.create();
      store = await makeStore(database, 'batch', 'EUR');
      await createProduct(database.db, publisher, store, product('existing', ['EX-1']));
    });
    after(async () => {
      await database.close();
    });

    test('writes the same product as createProduct: variants, gallery, variant image, prices, audit, event', async () => {
      const [outcome] = await createNewProducts(database.db, publisher, store, [
        product('batch-tee', ['BT-S', 'BT-M']),
      ]);
      assert.ok(outcome?.ok);
      const stored = await getProduct(database.db, store.id, outcome.detail.product.id);
      assert.deepEqual(
        stored.variants.map((v) => [v.sku, v.option1, v.priceAmount]),
        [
          ['BT-S', 'S0', 1000],
          ['BT-M', 'S1', 1100],
        ],
      );
      assert.deepEqual(
        stored.images.map((i) => [i.position, i.alt]),
        [
          [1, 'front'],
          [2, null],
        ],
      );
      assert.equal(stored.variants[0]!.imageId, stored.images[1]!.id);
      assert.deepEqual(
        [stored.product.priceAmount, stored.product.priceMaxAmount, stored.product.currency],
        [1000, 1100, 'EUR'],
      );
      assert.equal(stored.product.imageUrl, 'https://img.example/batch-tee-1.jpg');
      assert.ok(stored.product.publishedAt);
      const [audit] = await database.execute<{ action: string }>(
        'select action from audit_log where entity_id = $1',
        [stored.product.id],
      );
      assert.equal(audit!.action, 'product.created');
      const [event] = await database.execute<{ type: string }>(
        "select type from outbox_events where payload->>'id' = $1",
        [stored.product.id],
      );
      assert.equal(event!.type, 'product.created');
    });

    test('each product is checked like a single create; failures are returned and the rest written', async () => {
      const outcomes = await createNewProducts(database.db, { actor, canPublish: false }, store, [
        product('fine', ['F-1'], { status: 'draft' }),
        product('existing', ['NEW-1'], { status: 'draft' }),
        product('clash-store', ['EX-1'], { status: 'draft' }),
        product('clash-batch', ['F-1'], { status: 'draft' }),
        product('wants-live', ['L-1']),
        product('bad-grid', ['G-1', 'G-2'], {
          status: 'draft',
          options: [{ name: 'Size', values: ['S0'] }],
        }),
        { title: '', handle: 'no-title', variants: [], images: [] } as unknown as CreateProductInput,
      ]);
      assert.deepEqual(outcomes.map(codeOf), [
        'ok',
        'handle_taken',
        'sku_taken',
        'sku_taken',
        'permission_denied',
        'invalid_variants',
        'invalid_input',
      ]);
      const handles = await database.execute<{ handle: string }>(
        'select handle from products where store_id = $1 order by handle',
        [store.id],
      );
      assert.deepEqual(
        handles.map((h) => h.handle),
        ['batch-tee', 'existing', 'fine'],
      );
    });
  });
}
