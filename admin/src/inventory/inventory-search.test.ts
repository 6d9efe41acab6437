import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseInventorySearch, stockFilterOf } from './inventory-search.ts';

test('the inventory address keeps known filters and drops the rest', () => {
  assert.deepEqual(
    parseInventorySearch({
      q: '  mug ',
      locationId: 'loc_1',
      state: 'low',
      sort: 'available-desc',
      page: '3',
      variant: 'var_1',
      colour: 'red',
    }),
    { q: 'mug', locationId: 'loc_1', state: 'low', sort: 'available-desc', page: 3, variant: 'var_1' },
  );
  assert.deepEqual(
    parseInventorySearch({ q: '   ', state: 'plenty', sort: 'price', page: '1', variant: 7 }),
    { variant: '7' },
  );
  // The default order is not written to the address.
  assert.deepEqual(parseInventorySearch({ sort: 'title' }), {});
  assert.deepEqual(parseInventorySearch({ page: '2.5' }), {});
});

test('the list query takes the filter and order, not the page or the open drawer', () => {
  assert.deepEqual(stockFilterOf({ q: 'mug', state: 'out', page: 2, variant: 'var_1', sort: 'sku' }), {
    q: 'mug',
    state: 'out',
    sort: 'sku',
  });
  assert.deepEqual(stockFilterOf({}), {});
});
