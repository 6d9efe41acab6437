import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../../platform/errors.ts';
import {
  applyEdit,
  changedFields,
  changesAsEdit,
  fingerprint,
  normalChanges,
  type ProductContent,
} from './product-content.ts';

const variant = (sku: string, values: string[], amount: number) => ({
  id: `var_${sku}`,
  sku,
  barcode: null,
  optionValues: values,
  price: { amount },
  compareAtPrice: null,
  cost: null,
  weightGrams: null,
  requiresShipping: true,
  taxable: true,
  taxClass: null,
  inventoryPolicy: 'deny' as const,
  imagePosition: null,
});

const single: ProductContent = {
  title: 'Clay Cup',
  handle: 'clay-cup',
  description: '<p>Wheel-thrown.</p>',
  seoTitle: null,
  seoDescription: null,
  focusKeyword: null,
  vendor: null,
  productType: null,
  tags: ['ceramics'],
  categoryId: null,
  options: [],
  variants: [variant('CUP-1', [], 1200)],
  images: [{ url: 'https://cdn.example.com/cup.jpg', alt: 'A cup' }],
};

test('the single-variant shorthands edit the first variant and image, like a direct edit', () => {
  const next = applyEdit(single, {
    price: { amount: 1500 },
    sku: 'CUP-2',
    imageUrl: 'https://cdn.example.com/cup-2.jpg',
  });
  assert.deepEqual(next.variants[0]!.price, { amount: 1500 });
  assert.equal(next.variants[0]!.sku, 'CUP-2');
  assert.equal(next.variants[0]!.id, 'var_CUP-1');
  assert.deepEqual(next.images, [{ url: 'https://cdn.example.com/cup-2.jpg', alt: 'A cup' }]);
  assert.deepEqual(Object.keys(changedFields(single, next)), ['variants', 'images']);
});

test('an edit that changes nothing stages nothing; a cleared optional field is a change to null', () => {
  assert.deepEqual(changedFields(single, applyEdit(single, { title: 'Clay Cup', tags: ['ceramics'] })), {});
  const withVendor = { ...single, vendor: 'Kiln & Co' };
  assert.deepEqual(changedFields(withVendor, applyEdit(withVendor, { vendor: '' })), { vendor: null });
});

test('price shorthand on a product with several variants is refused with has_variants', () => {
  const grid: ProductContent = {
    ...single,
    options: [{ name: 'Size', values: ['S', 'L'] }],
    variants: [variant('S', ['S'], 1000), variant('L', ['L'], 1400)],
  };
  assert.throws(
    () => applyEdit(grid, { price: { amount: 1 } }),
    (err) => err instanceof AppError && err.code === 'has_variants',
  );
  // Variants sent without ids keep the ids of the variants with the same options.
  const next = applyEdit(grid, {
    variants: [
      { optionValues: ['s'], price: { amount: 1000 }, sku: 'S' },
      { optionValues: ['L'], price: { amount: 1500 }, sku: 'L' },
    ],
  });
  assert.deepEqual(
    next.variants.map((v) => [v.id, v.optionValues[0], v.price.amount]),
    [
      ['var_S', 'S', 1000],
      ['var_L', 'L', 1500],
    ],
  );
  assert.deepEqual(changesAsEdit(changedFields(grid, next)).variants?.[1], {
    sku: 'L',
    barcode: null,
    optionValues: ['L'],
    price: { amount: 1500 },
    compareAtPrice: null,
    cost: null,
    weightGrams: null,
    requiresShipping: true,
    taxable: true,
    taxClass: null,
    inventoryPolicy: 'deny',
    imagePosition: null,
    id: 'var_L',
  });
});

test('the fingerprint survives a round trip through JSONB, which reorders keys', () => {
  const changes = changedFields(
    single,
    applyEdit(single, { title: 'Stoneware Cup', price: { amount: 1300 } }),
  );
  const reordered = JSON.parse(
    JSON.stringify(changes, (_key, value) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).reverse())
        : value,
    ),
  );
  assert.notEqual(JSON.stringify(reordered), JSON.stringify(changes));
  assert.equal(fingerprint(normalChanges(reordered)), fingerprint(changes));
  assert.notEqual(fingerprint(changes), fingerprint({ ...changes, title: 'Stoneware Mug' }));
});
