import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ProductDetail } from '../product-detail.ts';
import { optionNameField, optionValueField, translationTexts } from './translatable-fields.ts';
import { translatedProductDetail } from './translated-product.ts';

const detail = {
  product: {
    id: 'prod_1',
    title: 'Wool Scarf',
    handle: 'wool-scarf',
    description: '<p>Warm.</p>',
    seoTitle: 'Merino Scarf | Shop',
    seoDescription: 'Warm merino scarf.',
    options: [{ name: 'Colour', values: ['Red', 'Blue'] }],
  },
  variants: [
    { id: 'var_1', option1: 'Red', option2: '', option3: '' },
    { id: 'var_2', option1: 'Blue', option2: '', option3: '' },
  ],
  images: [
    { id: 'img_1', alt: 'Red scarf' },
    { id: 'img_2', alt: null },
  ],
} as unknown as ProductDetail;

const rows = (entries: [string, string, string][]) =>
  translationTexts(entries.map(([entityId, field, value]) => ({ entityId, field, value })));

test('translated pieces replace the default text, untranslated ones fall back to it', () => {
  const out = translatedProductDetail(
    detail,
    rows([
      ['prod_1', 'title', 'Écharpe'],
      ['prod_1', optionValueField('Colour', 'Red'), 'Rouge'],
      ['img_1', 'alt', 'Écharpe rouge'],
    ]),
  );
  assert.equal(out.product.title, 'Écharpe');
  assert.equal(out.product.description, '<p>Warm.</p>');
  assert.deepEqual(out.product.options, [{ name: 'Colour', values: ['Rouge', 'Blue'] }]);
  assert.deepEqual(
    out.variants.map((v) => v.option1),
    ['Rouge', 'Blue'],
  );
  assert.deepEqual(
    out.images.map((i) => i.alt),
    ['Écharpe rouge', null],
  );
  assert.equal(out.product.handle, 'wool-scarf');
  assert.equal(detail.product.title, 'Wool Scarf', 'the source is not changed');
});

test('an untranslated SEO title or description gives way to the translated title or description', () => {
  const titleOnly = translatedProductDetail(detail, rows([['prod_1', 'title', 'Écharpe']])).product;
  assert.equal(titleOnly.seoTitle, null, 'the page title is then made from the translated title');
  assert.equal(titleOnly.seoDescription, 'Warm merino scarf.', 'the description is still the default one');
  const both = translatedProductDetail(
    detail,
    rows([
      ['prod_1', 'description', '<p>Chaude.</p>'],
      ['prod_1', 'seoTitle', 'Écharpe mérinos'],
      ['prod_1', optionNameField('Colour'), 'Couleur'],
      ['prod_1', 'handle', 'echarpe'],
    ]),
  ).product;
  assert.equal(both.seoTitle, 'Écharpe mérinos');
  assert.equal(both.seoDescription, null);
  assert.equal(both.options[0]!.name, 'Couleur');
  assert.equal(both.handle, 'echarpe');
  const blank = translatedProductDetail(detail, rows([['prod_1', 'title', '   ']])).product;
  assert.equal(blank.title, 'Wool Scarf', 'blank text is no translation');
});
