import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  checkProductValues,
  createProductInput,
  emptyProductValues,
  type ProductFormValues,
  productChanges,
  sameProductValues,
} from './product-form-values.ts';
import { reconcileVariants } from './variants/variant-combinations.ts';
import { variantFromTemplate } from './variants/variant-drafts.ts';

const simple: ProductFormValues = {
  ...emptyProductValues,
  title: 'Apron',
  variants: [{ ...emptyProductValues.variants[0]!, id: 'var_1', price: '39.00', sku: 'AP' }],
};

describe('product form values', () => {
  it('a product without options is one variant: its price and SKU as the simple form shows them', () => {
    assert.deepEqual(
      checkProductValues({ ...simple, variants: [{ ...simple.variants[0]!, price: '' }] }, 2),
      {
        [`variants.${simple.variants[0]!.key}.price`]: 'Enter a price.',
      },
    );
    const input = createProductInput({ ...simple, variants: [{ ...simple.variants[0]!, id: null }] }, 2);
    assert.deepEqual(input.options, []);
    assert.equal(input.variants?.length, 1);
    assert.deepEqual(input.variants?.[0]?.price, { amount: 3900 });
    assert.equal(input.variants?.[0]?.sku, 'AP');
  });

  it('a PATCH sends the variants when a cell changed, and the options too when they changed', () => {
    const priced = { ...simple, variants: [{ ...simple.variants[0]!, price: '41' }] };
    const changes = productChanges(simple, priced, 2, []);
    assert.deepEqual(Object.keys(changes), ['variants']);
    assert.equal(changes.variants?.[0]?.id, 'var_1', 'the variant keeps its id');
    assert.deepEqual(changes.variants?.[0]?.price, { amount: 4100 });

    const options = [{ key: 'o', name: 'Size', values: ['S', 'M'] }];
    const sized = {
      ...simple,
      options,
      variants: reconcileVariants(simple.options, options, simple.variants, variantFromTemplate),
    };
    const both = productChanges(simple, sized, 2, []);
    assert.deepEqual(both.options, [{ name: 'Size', values: ['S', 'M'] }]);
    assert.deepEqual(
      both.variants?.map((v) => [v.id, v.optionValues, v.sku, v.price.amount]),
      [
        ['var_1', ['S'], 'AP', 3900],
        [undefined, ['M'], null, 3900],
      ],
    );
    assert.deepEqual(productChanges(simple, { ...simple }, 2, []), {}, 'nothing changed, nothing sent');
  });

  it('an option being added makes the form unsaved but no variant yet', () => {
    const adding = { ...simple, options: [{ key: 'o', name: 'Size', values: [] }] };
    assert.equal(sameProductValues(simple, adding), false);
    assert.equal(
      checkProductValues(adding, 2)['options.o.values'],
      'Add at least one value, or remove the option.',
    );
  });
});
