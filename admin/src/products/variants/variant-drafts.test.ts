import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Product, ProductVariant } from '../../api/types.ts';
import {
  followServerImages,
  variantFromTemplate,
  variantSetFromProduct,
  variantSetInput,
} from './variant-drafts.ts';

const money = (amount: number) => ({ amount, currency: 'EUR' });
const stored = (
  id: string,
  optionValues: string[],
  changes: Partial<ProductVariant> = {},
): ProductVariant => ({
  id,
  title: optionValues.join(' / '),
  sku: null,
  barcode: null,
  optionValues,
  price: money(3900),
  compareAtPrice: null,
  cost: null,
  weightGrams: null,
  requiresShipping: true,
  taxable: true,
  taxClass: null,
  inventoryPolicy: 'deny',
  imageId: null,
  ...changes,
});
const product = (variants: ProductVariant[], options = [{ name: 'Size', values: ['S', 'L'] }]): Product => ({
  id: 'prod_1',
  title: 'Apron',
  handle: 'apron',
  description: '',
  status: 'draft',
  price: money(3900),
  sku: null,
  imageUrl: null,
  seoTitle: null,
  seoDescription: null,
  vendor: null,
  productType: null,
  publishedAt: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  storefrontUrl: null,
  options,
  variants,
  images: [
    { id: 'img_a', position: 1, url: '/media/a', sourceUrl: null, alt: null },
    { id: 'img_b', position: 2, url: '/media/b', sourceUrl: null, alt: null },
  ],
});

describe('variant drafts', () => {
  it('are the stored variants as text, with ids; a staged revision’s added ones have none', () => {
    const { options, variants } = variantSetFromProduct(
      product([
        stored('var_s', ['S'], {
          sku: 'AP-S',
          compareAtPrice: money(4500),
          weightGrams: 350,
          imageId: 'img_b',
        }),
        stored('new-variant-2', ['L'], { cost: money(1234) }),
      ]),
      2,
    );
    assert.deepEqual(
      options.map(({ name, values }) => ({ name, values })),
      [{ name: 'Size', values: ['S', 'L'] }],
    );
    assert.equal(variants[0]!.id, 'var_s');
    assert.equal(variants[0]!.price, '39.00');
    assert.equal(variants[0]!.compareAtPrice, '45.00');
    assert.equal(variants[0]!.weight, '350');
    assert.equal(variants[0]!.sku, 'AP-S');
    assert.equal(variants[1]!.id, null, 'a placeholder id names no stored variant');
    assert.equal(variants[1]!.cost, '12.34');
    assert.equal(variants[1]!.compareAtPrice, '');
  });

  it('give a product without variants one, at its price', () => {
    const { variants } = variantSetFromProduct(product([], []), 0);
    assert.equal(variants.length, 1);
    assert.equal(variants[0]!.price, '3900');
  });

  it('go to the API as minor units, empty as null, the image by its position', () => {
    const { options, variants } = variantSetFromProduct(
      product([stored('var_s', ['S'], { imageId: 'img_b', sku: 'AP-S' }), stored('var_l', ['L'])]),
      2,
    );
    variants[1] = {
      ...variants[1]!,
      price: '42.5',
      compareAtPrice: ' ',
      weight: '410',
      taxClass: ' Reduced ',
    };
    const input = variantSetInput(options, variants, 2, product([]).images!);
    assert.deepEqual(input.options, [{ name: 'Size', values: ['S', 'L'] }]);
    assert.deepEqual(input.variants[0], {
      id: 'var_s',
      sku: 'AP-S',
      barcode: null,
      optionValues: ['S'],
      price: { amount: 3900 },
      compareAtPrice: null,
      cost: null,
      weightGrams: null,
      requiresShipping: true,
      taxable: true,
      taxClass: null,
      inventoryPolicy: 'deny',
      imagePosition: 2,
    });
    assert.equal(input.variants[1]!.price.amount, 4250);
    assert.equal(input.variants[1]!.compareAtPrice, null);
    assert.equal(input.variants[1]!.weightGrams, 410);
    assert.equal(input.variants[1]!.taxClass, 'Reduced');
    const added = variantFromTemplate(['XL'], variants[0]!);
    assert.equal(
      variantSetInput(options, [added], 2, []).variants[0]!.id,
      undefined,
      'a new variant sends no id',
    );
    assert.equal(added.sku, '', 'a new variant gets no SKU of its template');
    assert.equal(added.price, '39.00', 'but its price');
  });

  it('take the gallery’s image changes where the form left the image alone', () => {
    const before = variantSetFromProduct(product([stored('v1', ['S']), stored('v2', ['L'])]), 2).variants;
    const edited = [{ ...before[0]!, imageId: 'img_a' }, before[1]!];
    const server = [
      { ...before[0]!, imageId: 'img_b' },
      { ...before[1]!, imageId: 'img_b' },
    ];
    const followed = followServerImages(before, edited, server);
    assert.deepEqual(
      followed.edited.map((v) => v.imageId),
      ['img_a', 'img_b'],
      'the image chosen in the grid stays; the untouched one follows the gallery',
    );
    assert.deepEqual(
      followed.baseline.map((v) => v.imageId),
      ['img_b', 'img_b'],
    );
  });
});
