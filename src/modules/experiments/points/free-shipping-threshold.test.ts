// The free-shipping-threshold point on the shipping module's worked example: its schema, and which
// rates a variant's threshold changes (those that ship free already, in that currency, only).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { estimateShipping, freeShippingFrom } from '../../shipping/index.ts';
import { exampleConfig, exampleNow } from '../../shipping/testing/example-config.ts';
import { freeShippingThreshold } from './free-shipping-threshold.ts';

const priceOf = (config: typeof exampleConfig, rateId: string, currency: string) =>
  config.rates.find((r) => r.id === rateId)!.prices.find((p) => p.currency === currency)!;

test('the change: thresholds per ISO currency in whole minor units, nothing else', () => {
  const ok = [{}, { freeAbove: {} }, { freeAbove: { EUR: 5000, USD: 6000 } }, { freeAbove: { EUR: 0 } }];
  for (const change of ok) assert.equal(freeShippingThreshold.schema.safeParse(change).success, true);
  const bad = [
    { freeAbove: { EUR: -1 } },
    { freeAbove: { EUR: 49.5 } },
    { freeAbove: { eur: 5000 } },
    { freeAbove: { EURO: 5000 } },
    { freeAbove: { EUR: '5000' } },
    { freeAbove: 5000 },
    { threshold: 5000 },
  ];
  for (const change of bad) {
    assert.equal(freeShippingThreshold.schema.safeParse(change).success, false, JSON.stringify(change));
  }
});

test('the variant moves the threshold of rates that ship free already; the others keep charging', () => {
  const config = freeShippingThreshold.apply({ freeAbove: { EUR: 3000, USD: 1000 } }, exampleConfig);
  assert.equal(priceOf(config, 'r_de_standard', 'EUR').freeAbove, 3000, 'the store’s free rate, moved');
  assert.equal(priceOf(config, 'r_de_express', 'EUR').freeAbove, null, 'express never ships free');
  assert.equal(priceOf(config, 'r_row', 'USD').freeAbove, null, 'a zone never shipped free to stays so');
  assert.equal(
    priceOf(exampleConfig, 'r_de_standard', 'EUR').freeAbove,
    5000,
    'the store’s config is untouched',
  );

  const cart = { country: 'DE', currency: 'EUR', subtotal: 3500, totalWeightGrams: 500, now: exampleNow };
  assert.equal(estimateShipping(cart, exampleConfig).cheapest?.amount, 490, 'the store: €35 pays shipping');
  const variant = estimateShipping(cart, config);
  assert.deepEqual([variant.cheapest?.amount, variant.cheapest?.freeAboveApplied], [0, true]);
  assert.deepEqual(variant.range, { min: 0, max: 990 });
});

test('the control ({}) and a currency the variant does not name are the store’s own rates', () => {
  assert.equal(freeShippingThreshold.apply({}, exampleConfig), exampleConfig);
  const usdOnly = freeShippingThreshold.apply({ freeAbove: { USD: 1000 } }, exampleConfig);
  assert.equal(priceOf(usdOnly, 'r_de_standard', 'EUR').freeAbove, 5000);
});

test('the note: the lowest threshold of the country’s zone in the currency, null where none ships free', () => {
  assert.equal(freeShippingFrom(exampleConfig, { country: 'DE', currency: 'EUR' }), 5000);
  assert.equal(freeShippingFrom(exampleConfig, { country: 'US', currency: 'USD' }), null);
  assert.equal(freeShippingFrom(exampleConfig, { country: 'JP', currency: 'EUR' }), null, 'rest of world');
  assert.equal(freeShippingFrom(exampleConfig, { country: 'DE', currency: 'USD' }), null);
  const variant = freeShippingThreshold.apply({ freeAbove: { EUR: 2500 } }, exampleConfig);
  assert.equal(freeShippingFrom(variant, { country: 'DE', currency: 'EUR' }), 2500);
});

test('it appears on product pages (their cache key carries it) and in the cart, not on the home page', () => {
  const change = { freeAbove: { EUR: 5000 } };
  assert.deepEqual(freeShippingThreshold.pageKinds, ['product']);
  assert.equal(freeShippingThreshold.appearsOn(change, { kind: 'product', productId: 'prod_x' }), true);
  assert.equal(freeShippingThreshold.appearsOn(change, { kind: 'cart' }), true);
  assert.equal(freeShippingThreshold.appearsOn(change, { kind: 'home' }), false);
});
