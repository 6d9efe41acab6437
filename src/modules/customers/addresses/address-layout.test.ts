// Addresses are written in their country's order wherever one is shown: storefront (account,
// checkout recap, order page), e-mails and the admin console.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { regionName, townLines } from './address-layout.ts';

test('US, Canada and Australia write the city, then the region and the ZIP code on one line', () => {
  assert.deepEqual(townLines({ country: 'US', city: 'Portland', region: 'US-OR', postalCode: '97201' }), [
    'Portland, Oregon 97201',
  ]);
  assert.deepEqual(townLines({ country: 'CA', city: 'Toronto', region: 'CA-ON', postalCode: 'M5V 2T6' }), [
    'Toronto, Ontario M5V 2T6',
  ]);
  // A region the store has no name for is written as given; a missing one leaves no stray comma.
  assert.deepEqual(townLines({ country: 'US', city: 'Portland', region: 'Oregon', postalCode: '97201' }), [
    'Portland, Oregon 97201',
  ]);
  assert.deepEqual(townLines({ country: 'AU', city: 'Sydney', region: null, postalCode: '2000' }), [
    'Sydney 2000',
  ]);
});

test('the UK puts the postcode on a line of its own; most of Europe writes the postcode first', () => {
  assert.deepEqual(townLines({ country: 'GB', city: 'London', region: null, postalCode: 'SW1A 1AA' }), [
    'London',
    'SW1A 1AA',
  ]);
  assert.deepEqual(townLines({ country: 'DE', city: 'Berlin', region: null, postalCode: '10115' }), [
    '10115 Berlin',
  ]);
  assert.deepEqual(townLines({ country: 'IT', city: 'Roma', region: 'IT-RM', postalCode: '00184' }), [
    '00184 Roma',
    'IT-RM',
  ]);
  assert.deepEqual(townLines({ country: 'IT', city: 'Roma', region: null, postalCode: null }), ['Roma']);
});

test('blank parts are left out and the country code may come in lower case', () => {
  assert.deepEqual(townLines({ country: 'us', city: ' Portland ', region: ' ', postalCode: '' }), [
    'Portland',
  ]);
  assert.deepEqual(townLines({ country: 'FR', city: null, region: null, postalCode: null }), []);
});

test('region names come from the address rules, codes the store does not know stay as given', () => {
  assert.equal(regionName('US', 'US-CA'), 'California');
  assert.equal(regionName('US', 'XX'), 'XX');
  assert.equal(regionName('DE', 'DE-BE'), 'DE-BE');
});
