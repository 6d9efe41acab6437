import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../api/http.ts';
import type { OptionDraft } from './variant-combinations.ts';
import { blankVariant, type VariantDraft } from './variant-drafts.ts';
import { checkVariantSet, errorsAfterVariantEdit, variantErrorsFrom } from './variant-errors.ts';

const size: OptionDraft = { key: 'o-size', name: 'Size', values: ['S', 'M'] };
const variant = (key: string, optionValues: string[], changes: Partial<VariantDraft> = {}): VariantDraft => ({
  ...blankVariant,
  key,
  optionValues,
  price: '10.00',
  ...changes,
});
const rows = [variant('v-s', ['S']), variant('v-m', ['M'])];
const sent = { optionKeys: ['o-size'], variantKeys: ['v-s', 'v-m'] };

describe('checkVariantSet', () => {
  it('finds nothing wrong in a complete set', () => {
    assert.deepEqual(checkVariantSet([size], rows, 2), {});
  });

  it('names the cells that are wrong, by row key', () => {
    const errors = checkVariantSet(
      [size],
      [
        variant('v-s', ['S'], { price: '', compareAtPrice: '9.00', cost: '1.234', weight: '1.5' }),
        variant('v-m', ['M'], { compareAtPrice: '10.00' }),
      ],
      2,
    );
    assert.deepEqual(errors, {
      'variants.v-s.price': 'Enter a price.',
      'variants.v-s.cost': 'Use at most 2 decimal places.',
      'variants.v-s.weight': 'Enter whole grams, e.g. 350.',
      'variants.v-m.compareAtPrice': 'Make it higher than the price, or leave it empty.',
    });
  });

  it('marks a SKU repeated in the product on the later row, naming the first', () => {
    const errors = checkVariantSet(
      [size],
      [variant('v-s', ['S'], { sku: 'A' }), variant('v-m', ['M'], { sku: ' A ' })],
      2,
    );
    assert.deepEqual(errors, { 'variants.v-m.sku': 'Same SKU as S.' });
  });

  it('wants named options with values, each name once', () => {
    const errors = checkVariantSet(
      [size, { key: 'o-2', name: 'size', values: [] }, { key: 'o-3', name: ' ', values: ['x'] }],
      rows,
      2,
    );
    assert.equal(errors['options.o-2.name'], 'There is already an option named “size”.');
    assert.equal(errors['options.o-2.values'], 'Add at least one value, or remove the option.');
    assert.equal(errors['options.o-3.name'], 'Name the option, e.g. Size.');
  });

  it('refuses more than 100 variants before asking the server', () => {
    const many = Array.from({ length: 101 }, (_, i) => variant(`v${i}`, [`${i}`]));
    const errors = checkVariantSet(
      [{ key: 'o', name: 'N', values: many.map((v) => v.optionValues[0]!) }],
      many,
      2,
    );
    assert.match(errors.variants ?? '', /101 variants; a product can have at most 100/);
  });
});

describe('variantErrorsFrom', () => {
  it('puts validation problems on the cell their path names', () => {
    const error = new ApiError(400, 'validation_failed', 'Some fields are not valid.', [
      { path: ['body', 'variants', 1, 'price', 'amount'], message: 'Too big.' },
      { path: ['body', 'options', 0, 'values', 1], message: 'Too long.' },
      { path: ['body', 'title'], message: 'Required.' },
    ]);
    assert.deepEqual(variantErrorsFrom(error, sent), {
      'variants.v-m.price': 'Too big.',
      'options.o-size.values': 'Too long.',
    });
  });

  it('reads the problem lists of inconsistent variants (422) and taken SKUs (409)', () => {
    const inconsistent = new ApiError(
      422,
      'invalid_variants',
      'The options and variants do not fit together.',
      [
        { path: 'variants.0.sku', message: 'Same SKU as variant 2.' },
        { path: 'variants.1.optionValues', message: 'Same options as variant 1 (S).' },
      ],
    );
    assert.deepEqual(variantErrorsFrom(inconsistent, sent), {
      'variants.v-s.sku': 'Same SKU as variant 2.',
      'variants.v-m.optionValues': 'Same options as variant 1 (S).',
    });
    const taken = new ApiError(409, 'sku_taken', 'Another product in this store has the SKU “A”.', [
      { path: 'variants.1.sku', message: 'Another product in this store has the SKU “A”.' },
    ]);
    assert.deepEqual(variantErrorsFrom(taken, sent), {
      'variants.v-m.sku': 'Another product in this store has the SKU “A”.',
    });
  });

  it('a taken SKU without details is the single variant’s, or the whole set’s', () => {
    const taken = new ApiError(409, 'sku_taken', 'Another product in this store has this SKU.');
    assert.deepEqual(variantErrorsFrom(taken, { optionKeys: [], variantKeys: ['only'] }), {
      'variants.only.sku': 'Another product in this store has this SKU.',
    });
    assert.deepEqual(variantErrorsFrom(taken, sent), {
      variants: 'Another product in this store has this SKU.',
    });
  });

  it('ignores what is not about options and variants', () => {
    assert.deepEqual(variantErrorsFrom(new ApiError(409, 'handle_taken', 'Taken.'), sent), {});
    assert.deepEqual(variantErrorsFrom(new Error('offline'), sent), {});
  });
});

describe('errorsAfterVariantEdit', () => {
  const errors = { 'variants.v-s.price': 'Enter a price.', 'variants.v-m.sku': 'Taken.', title: 'Required.' };

  it('drops the problems of edited cells only', () => {
    const edited = [variant('v-s', ['S'], { price: '12' }), rows[1]!];
    const after = errorsAfterVariantEdit(
      errors,
      { options: [size], variants: rows },
      { options: [size], variants: edited },
    );
    assert.deepEqual(after, { 'variants.v-m.sku': 'Taken.', title: 'Required.' });
  });

  it('answers the same object when nothing was dropped', () => {
    const edited = [variant('v-s', ['S'], { barcode: '123' }), rows[1]!];
    const after = errorsAfterVariantEdit(
      errors,
      { options: [size], variants: rows },
      { options: [size], variants: edited },
    );
    assert.equal(after, errors);
  });
});
