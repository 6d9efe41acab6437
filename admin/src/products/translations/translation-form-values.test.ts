import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  sameTranslationValues,
  translationInputFrom,
  untranslatedPaths,
  valuesFromTranslation,
} from './translation-form-values.ts';
import type { ProductTranslation } from './translation-types.ts';

const translation: ProductTranslation = {
  productId: 'prod_1',
  locale: 'fr',
  defaultLocale: 'en',
  fields: {
    title: { source: 'Wool Scarf', value: 'Écharpe' },
    description: { source: '<p>Warm.</p>', value: null },
    seoTitle: { source: '', value: null },
    seoDescription: { source: 'Warm scarf.', value: null },
    handle: { source: 'wool-scarf', value: null },
  },
  options: [
    {
      name: { source: 'Colour', value: 'Couleur' },
      values: [
        { source: 'Red', value: 'Rouge' },
        { source: 'Blue', value: null },
      ],
    },
  ],
  images: [
    { id: 'img_1', url: 'https://cdn.example.com/a.jpg', alt: { source: 'A red scarf', value: null } },
  ],
  missing: ['description', 'seoDescription', 'options.0.values.1', 'images.0.alt'],
  storefrontUrl: '/s/shop/fr/products/wool-scarf',
};

test('the form starts from the saved translation and agrees with the server on what is missing', () => {
  const values = valuesFromTranslation(translation);
  assert.equal(values.title, 'Écharpe');
  assert.deepEqual(values.options, [{ name: 'Couleur', values: ['Rouge', ''] }]);
  assert.deepEqual(untranslatedPaths(translation, values), translation.missing);
  const filled = { ...values, description: '<p>Chaude.</p>', images: ['Une écharpe rouge'] };
  assert.deepEqual(untranslatedPaths(translation, filled), ['seoDescription', 'options.0.values.1']);
  assert.ok(!sameTranslationValues(values, filled));
  assert.ok(sameTranslationValues(values, valuesFromTranslation(translation)));
});

test('what is sent keys options by their default-locale text and images by id; blank is untranslated', () => {
  const values = { ...valuesFromTranslation(translation), handle: '  echarpe ', seoTitle: '   ' };
  assert.deepEqual(translationInputFrom(translation, values), {
    title: 'Écharpe',
    description: null,
    seoTitle: null,
    seoDescription: null,
    handle: 'echarpe',
    options: { Colour: { name: 'Couleur', values: { Red: 'Rouge', Blue: null } } },
    images: { img_1: null },
  });
});
