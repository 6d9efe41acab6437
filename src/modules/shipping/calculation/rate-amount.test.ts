import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rateAmount, subtotalBandFor, weightBandFor } from './rate-amount.ts';
import type { RateConfig } from './types.ts';

const flat: RateConfig = {
  id: 'r',
  zoneId: 'z',
  name: 'Standard',
  type: 'flat',
  prices: [{ currency: 'EUR', amount: 490, freeAbove: 5000, minSubtotal: 1000, maxSubtotal: 90_000 }],
  minWeightGrams: 100,
  maxWeightGrams: 2000,
  estimate: null,
  active: true,
  position: 0,
};
const cart = (subtotal: number, totalWeightGrams: number, currency = 'EUR') => ({
  currency,
  subtotal,
  totalWeightGrams,
});

test('every limit is inclusive at both ends', () => {
  assert.deepEqual(rateAmount(flat, cart(1000, 100)), {
    available: true,
    amount: 490,
    freeAboveApplied: false,
  });
  assert.deepEqual(rateAmount(flat, cart(90_000, 2000)), {
    available: true,
    amount: 0,
    freeAboveApplied: true,
  });
  assert.deepEqual(rateAmount(flat, cart(999, 100)), {
    available: false,
    reason: 'below_min_subtotal',
    details: { minSubtotal: 1000 },
  });
  assert.deepEqual(rateAmount(flat, cart(90_001, 100)), {
    available: false,
    reason: 'over_max_subtotal',
    details: { maxSubtotal: 90_000 },
  });
  assert.deepEqual(rateAmount(flat, cart(1000, 99)), {
    available: false,
    reason: 'below_min_weight',
    details: { minWeightGrams: 100 },
  });
  assert.deepEqual(rateAmount(flat, cart(1000, 2001)), {
    available: false,
    reason: 'over_max_weight',
    details: { maxWeightGrams: 2000 },
  });
});

test('free above: the threshold itself ships free, one minor unit less does not', () => {
  assert.deepEqual(rateAmount(flat, cart(4999, 500)), {
    available: true,
    amount: 490,
    freeAboveApplied: false,
  });
  assert.deepEqual(rateAmount(flat, cart(5000, 500)), { available: true, amount: 0, freeAboveApplied: true });
  const freeForAll = { ...flat, prices: [{ ...flat.prices[0]!, freeAbove: 0, minSubtotal: null }] };
  assert.deepEqual(rateAmount(freeForAll, cart(0, 500)), {
    available: true,
    amount: 0,
    freeAboveApplied: true,
  });
});

test('the first failing check is the reason: inactive, currency, weight, subtotal, bands', () => {
  assert.equal(reason({ ...flat, active: false }, cart(0, 0, 'USD')), 'inactive');
  assert.equal(reason(flat, cart(0, 0, 'USD')), 'currency_not_offered');
  assert.equal(reason(flat, cart(0, 0)), 'below_min_weight');
  assert.equal(reason(flat, cart(0, 500)), 'below_min_subtotal');
});

test('weight bands: (previous limit, limit], the first from 0 g, an open last band takes the rest', () => {
  const bands = [
    { upToGrams: 500, amount: 300 },
    { upToGrams: 2000, amount: 500 },
    { upToGrams: 10_000, amount: 900 },
  ];
  const rows: [number, number | null][] = [
    [0, 0],
    [500, 0],
    [501, 1],
    [2000, 1],
    [2001, 2],
    [10_000, 2],
    [10_001, null],
  ];
  for (const [grams, band] of rows) assert.equal(weightBandFor(bands, grams), band, `${grams} g`);
  assert.equal(weightBandFor([...bands.slice(0, 2), { upToGrams: null, amount: 1500 }], 1_000_000), 2);
  const rate: RateConfig = {
    ...flat,
    type: 'weight_bands',
    minWeightGrams: null,
    maxWeightGrams: null,
    prices: [{ currency: 'EUR', weightBands: bands, freeAbove: null, minSubtotal: null, maxSubtotal: null }],
  };
  assert.deepEqual(rateAmount(rate, cart(0, 2001)), {
    available: true,
    amount: 900,
    freeAboveApplied: false,
  });
  assert.deepEqual(rateAmount(rate, cart(0, 10_001)), {
    available: false,
    reason: 'over_weight_bands',
    details: { maxWeightGrams: 10_000 },
  });
});

test('subtotal bands: [start, next start), the first from 0', () => {
  const bands = [
    { fromSubtotal: 0, amount: 995 },
    { fromSubtotal: 5000, amount: 595 },
    { fromSubtotal: 10_000, amount: 0 },
  ];
  const rows: [number, number][] = [
    [0, 0],
    [4999, 0],
    [5000, 1],
    [9999, 1],
    [10_000, 2],
    [Number.MAX_SAFE_INTEGER, 2],
  ];
  for (const [subtotal, band] of rows) assert.equal(subtotalBandFor(bands, subtotal), band, `${subtotal}`);
});

function reason(rate: RateConfig, c: ReturnType<typeof cart>) {
  const outcome = rateAmount(rate, c);
  return outcome.available ? null : outcome.reason;
}
