import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exampleConfig, exampleNow } from '../testing/example-config.ts';
import { estimateShipping } from './estimate-shipping.ts';

const estimate = (
  country: string,
  cart: { currency?: string; subtotal?: number; grams?: number } = {},
  config = exampleConfig,
) =>
  estimateShipping(
    {
      country,
      currency: cart.currency ?? 'EUR',
      subtotal: cart.subtotal ?? 2000,
      totalWeightGrams: cart.grams ?? 500,
      now: exampleNow,
    },
    config,
  );

test('Germany: the cheapest delivery and the range; pick-up is mentioned, not counted as cheapest', () => {
  const e = estimate('DE');
  assert.equal(e.cheapest?.name, 'Standard');
  assert.equal(e.cheapest?.amount, 490);
  assert.deepEqual(e.range, { min: 490, max: 990 });
  assert.equal(e.deliveryOptionCount, 2);
  assert.equal(e.pickupAvailable, true);
  assert.equal(e.mayVaryByRegion, false);
  assert.equal(e.zone?.id, 'z_de');
});

test('Germany above the threshold: cheapest is free', () => {
  const e = estimate('DE', { subtotal: 5000 });
  assert.deepEqual(
    [e.cheapest?.amount, e.cheapest?.freeAboveApplied, e.range],
    [0, true, { min: 0, max: 990 }],
  );
});

test('US by country only: the country zone, flagged as varying by region (Alaska, Hawaii)', () => {
  const e = estimate('US', { currency: 'USD', subtotal: 6000 });
  assert.equal(e.zone?.id, 'z_us');
  assert.deepEqual(e.range, { min: 595, max: 595 });
  assert.equal(e.mayVaryByRegion, true);
  assert.equal(e.pickupAvailable, false);
});

test('nothing delivers: no cheapest, no range', () => {
  const e = estimate('JP', { grams: 6000 });
  assert.equal(e.zone?.id, 'z_row');
  assert.deepEqual([e.cheapest, e.range, e.deliveryOptionCount], [null, null, 0]);
  const noRest = { ...exampleConfig, zones: exampleConfig.zones.filter((z) => !z.restOfWorld) };
  assert.equal(estimate('JP', {}, noRest).zone, null);
});
