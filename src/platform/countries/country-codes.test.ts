import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countryCodes, isCountryCode } from './country-codes.ts';

test('the 249 assigned ISO 3166-1 alpha-2 codes, sorted, each a region CLDR names', () => {
  assert.equal(countryCodes.length, 249);
  assert.deepEqual([...countryCodes].sort(), countryCodes);
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const unnamed = countryCodes.filter((code) => !names.of(code));
  assert.deepEqual(unnamed, []);
});

test('reserved, user-assigned, lower-case and malformed codes are refused', () => {
  for (const code of ['UK', 'EU', 'XK', 'ZZ', 'de', 'DEU', '', 276, null]) {
    assert.equal(isCountryCode(code), false, String(code));
  }
  for (const code of ['DE', 'JP', 'KW', 'US', 'GB']) assert.equal(isCountryCode(code), true, code);
});
