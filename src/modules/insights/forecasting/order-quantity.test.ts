// The suggested order: forecast demand over lead time + review period + safety stock, less stock
// and incoming, in whole packs, at least the minimum, optionally an economic lot.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { demandOverDays } from './demand-over-days.ts';
import { type OrderQuantityInput, suggestOrderQuantity } from './order-quantity.ts';

const base: OrderQuantityInput = {
  forecast: new Array<number>(60).fill(2),
  leadTimeDays: 10,
  reviewPeriodDays: 28,
  safetyStock: 0,
  available: 12,
  incoming: 0,
  packSize: 1,
  minimumOrderQuantity: 1,
};

describe('suggested order quantity', () => {
  test('with no safety stock and a 28-day review it matches the rate-of-sale reorder', () => {
    // As in the inventory module's reorder test: 2 a day × 38 days = 76; 76 − 12 = 64.
    assert.deepEqual(suggestOrderQuantity(base), {
      coverDays: 38,
      demandOverCover: 76,
      safetyStock: 0,
      targetUnits: 76,
      shortfall: 64,
      quantity: 64,
      packs: 64,
      roundedUpBy: 'nothing',
    });
  });

  test('safety stock and incoming: ⌈76 + 5.3⌉ = 82 − 12 − 20 = 50', () => {
    const q = suggestOrderQuantity({ ...base, safetyStock: 5.3, incoming: 20 });
    assert.equal(q.targetUnits, 82);
    assert.equal(q.quantity, 50);
  });

  test('rounded up to whole packs, then to the minimum', () => {
    // 64 in packs of 6 is 11 packs (66); a minimum of 100 is 17 packs (102).
    const packs = suggestOrderQuantity({ ...base, packSize: 6 });
    assert.equal(packs.quantity, 66);
    assert.equal(packs.packs, 11);
    assert.equal(packs.roundedUpBy, 'packs');
    const minimum = suggestOrderQuantity({ ...base, packSize: 6, minimumOrderQuantity: 100 });
    assert.equal(minimum.quantity, 102);
    assert.equal(minimum.roundedUpBy, 'minimum');
  });

  test('an economic lot larger than the shortfall raises the order to it, in packs', () => {
    const lot = suggestOrderQuantity({ ...base, economicOrderQuantity: 89.4, packSize: 6 });
    // ⌈89.4⌉ = 90 = 15 packs.
    assert.equal(lot.quantity, 90);
    assert.equal(lot.roundedUpBy, 'economic-lot');
    const smaller = suggestOrderQuantity({ ...base, economicOrderQuantity: 30 });
    assert.equal(smaller.quantity, 64);
  });

  test('nothing short: no order, whatever the minimum or the economic lot', () => {
    const q = suggestOrderQuantity({
      ...base,
      available: 80,
      minimumOrderQuantity: 50,
      economicOrderQuantity: 300,
    });
    assert.equal(q.quantity, 0);
    assert.equal(q.roundedUpBy, 'nothing');
  });

  test('0.1 a day for 30 days is 3 units, not 4 from floating-point dust', () => {
    const q = suggestOrderQuantity({
      ...base,
      forecast: new Array<number>(30).fill(0.1),
      leadTimeDays: 30,
      reviewPeriodDays: 0,
      available: 0,
    });
    assert.equal(q.targetUnits, 3);
  });
});

describe('demand over days', () => {
  test('a fractional day counts its share', () => {
    assert.equal(demandOverDays([1, 2, 4], 2.5), 5);
    assert.equal(demandOverDays([1, 2, 4], 0), 0);
  });

  test('refuses a forecast shorter than the days asked for', () => {
    assert.throws(() => demandOverDays([1, 2], 2.5), RangeError);
    assert.throws(() => suggestOrderQuantity({ ...base, forecast: [2, 2] }), RangeError);
  });
});
