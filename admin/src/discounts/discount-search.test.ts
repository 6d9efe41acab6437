import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDiscountsSearch } from './discount-search.ts';

test('the list’s filters come from the URL; unknown values are left out', () => {
  assert.deepEqual(
    parseDiscountsSearch({
      status: 'scheduled',
      kind: 'code',
      type: 'buy_x_get_y',
      q: ' summer ',
      page: '3',
    }),
    {
      status: 'scheduled',
      kind: 'code',
      type: 'buy_x_get_y',
      q: 'summer',
      page: 3,
    },
  );
  assert.deepEqual(
    parseDiscountsSearch({ status: 'gone', kind: 'coupon', type: 'bogus', q: '  ', page: '1' }),
    {
      status: undefined,
      kind: undefined,
      type: undefined,
      q: undefined,
      page: undefined,
    },
  );
});
