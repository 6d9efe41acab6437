import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from '../api/http.ts';
import { emptyBand, rateDraftOf, rateFormErrorsFrom, rateInputOf } from './rate-draft.ts';
import type { ShippingRate } from './shipping-types.ts';

test('a weight-banded rate as typed becomes grams and minor units; the open last band is null', () => {
  const draft = rateDraftOf(null, 'EUR');
  draft.name = ' Standard ';
  draft.type = 'weight_bands';
  draft.minDays = 2;
  draft.maxDays = 5;
  draft.prices[0]!.bands = [
    { ...emptyBand(), limit: '1', amount: '6.90' },
    { ...emptyBand(), limit: '5', amount: '11.90' },
    { ...emptyBand(), limit: '', amount: '19.90' },
  ];
  draft.prices[0]!.freeAbove = '100';
  const read = rateInputOf(draft);
  assert.ok(read.ok);
  assert.deepEqual(read.input, {
    name: 'Standard',
    type: 'weight_bands',
    prices: [
      {
        currency: 'EUR',
        freeAbove: 10_000,
        minSubtotal: null,
        maxSubtotal: null,
        weightBands: [
          { upToGrams: 1000, amount: 690 },
          { upToGrams: 5000, amount: 1190 },
          { upToGrams: null, amount: 1990 },
        ],
      },
    ],
    minWeightGrams: null,
    maxWeightGrams: null,
    estimate: { minDays: 2, maxDays: 5 },
    active: true,
  });
});

test('a rate reads back into the form as it was saved (JPY has no decimals)', () => {
  const rate: ShippingRate = {
    id: 'shr_1',
    zoneId: 'shz_1',
    name: 'Standard',
    type: 'subtotal_bands',
    prices: [
      {
        currency: 'JPY',
        subtotalBands: [
          { fromSubtotal: 0, amount: 800 },
          { fromSubtotal: 5000, amount: 0 },
        ],
        freeAbove: null,
        minSubtotal: null,
        maxSubtotal: null,
      },
    ],
    minWeightGrams: null,
    maxWeightGrams: 2500,
    estimate: null,
    active: true,
    position: 0,
  };
  const draft = rateDraftOf(rate, 'EUR');
  assert.deepEqual(
    draft.prices[0]!.bands.map((b) => [b.limit, b.amount]),
    [
      ['0', '800'],
      ['5000', '0'],
    ],
  );
  assert.equal(draft.maxWeight, '2.5');
  const read = rateInputOf(draft);
  assert.ok(read.ok);
  assert.deepEqual(read.input.prices, rate.prices);
  assert.equal(read.input.maxWeightGrams, 2500);
});

test('what the form finds wrong is put on the inputs it is about', () => {
  const draft = rateDraftOf(null, 'JPY');
  draft.prices[0]!.amount = '4.5';
  draft.minDays = 3;
  draft.maxWeight = 'heavy';
  const read = rateInputOf(draft);
  assert.equal(read.ok, false);
  if (read.ok) return;
  assert.ok(read.errors.fields.name);
  assert.ok(read.errors.fields.maxDays);
  assert.ok(read.errors.fields.maxWeight);
  assert.equal(read.errors.prices[0]?.amount, 'This currency has no decimal places.');
});

test('the server’s refusal goes on the band, the currency section or the field its path names', () => {
  const refused = new ApiError(400, 'validation_failed', 'Some fields are not valid.', [
    { path: 'body.prices.1.weightBands.2.upToGrams', message: 'Band limits must strictly increase.' },
    { path: 'body.prices.0.currency', message: 'EUR is given twice.' },
    { path: 'body.estimate.maxDays', message: 'minDays must not be above maxDays.' },
    { path: 'body.somethingElse', message: 'Odd.' },
  ]);
  const errors = rateFormErrorsFrom(refused);
  assert.deepEqual(errors.bands, { '1.2': { limit: 'Band limits must strictly increase.' } });
  assert.deepEqual(errors.prices, { 0: { currency: 'EUR is given twice.' } });
  assert.deepEqual(errors.fields, { maxDays: 'minDays must not be above maxDays.' });
  assert.equal(errors.general, 'Some fields are not valid. somethingElse: Odd.');
});
