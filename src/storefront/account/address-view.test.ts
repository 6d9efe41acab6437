// Addresses are shown in their country's order wherever the storefront shows one (account, checkout
// recap, order page).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { townLines } from './address-view.tsx';

test('US, Canada and Australia write the city, then the region and the ZIP code on one line', () => {
  assert.deepEqual(townLines({ country: 'US', city: 'Portland', region: 'US-OR', postalCode: '97201' }), [
    'Portland, Oregon 97201',
  ]);
  assert.deepEqual(townLines({ country: 'CA', city: 'Toronto', region: 'CA-ON', postalCode: 'M5V 2T6' }), [
    'Toronto, Ontario M5V 2T6',
  ]);
});

test('the UK puts the postcode on a line of its own; most of Europe writes the postcode first', () => {
  assert.deepEqual(
    townLines({ country: 'GB', city: 'London', region: null, postalCode: 'SW1A 1AA' }).filter(Boolean),
    ['London', 'SW1A 1AA'],
  );
  assert.deepEqual(
    townLines({ country: 'DE', city: 'Berlin', region: null, postalCode: '10115' }).filter(Boolean),
    ['10115 Berlin'],
  );
  assert.deepEqual(
    townLines({ country: 'IT', city: 'Roma', region: null, postalCode: null }).filter(Boolean),
    ['Roma'],
  );
});
