import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTaxSearch } from './tax-search.ts';

test('the tab and filters come from the URL; anything malformed is left out', () => {
  assert.deepEqual(parseTaxSearch({ tab: 'preview', country: 'DE', region: 'none', taxClass: 'reduced' }), {
    tab: 'preview',
    country: 'DE',
    region: 'none',
    taxClass: 'reduced',
  });
  assert.deepEqual(
    parseTaxSearch({ tab: 'rates', country: 'de', region: 'California', taxClass: 'Bad Class' }),
    {
      tab: undefined,
      country: undefined,
      region: undefined,
      taxClass: undefined,
    },
  );
  assert.equal(parseTaxSearch({ region: 'US-CA' }).region, 'US-CA');
});
