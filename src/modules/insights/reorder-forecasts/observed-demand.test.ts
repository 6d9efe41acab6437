// Which days of a sales history the forecast is fitted on: from the first sale, without the
// stock-out days (opened empty, sold nothing), keeping a day that opened empty but sold.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isStockOutDay, observedDemand } from './observed-demand.ts';

const day = (units: number, openingOnHand: number) => ({ units, openingOnHand });

test('leading days before the first sale and stock-out days are left out; a restock day that sold is kept', () => {
  const days = [
    day(0, 10), // before the first sale: not yet listed
    day(0, 10),
    day(2, 10),
    day(0, 8), // a real zero: stock was there
    day(3, 8),
    day(0, 0), // out of stock: censored
    day(0, 0),
    day(1, 0), // opened empty, a delivery came in and it sold
    day(2, 5),
  ];
  assert.deepEqual(observedDemand(days), { series: [2, 0, 3, 1, 2], censoredDays: 2, firstSaleIndex: 2 });
  assert.deepEqual(days.map(isStockOutDay), [false, false, false, false, false, true, true, false, false]);
});

test('a variant that never sold has nothing to fit', () => {
  assert.deepEqual(observedDemand([day(0, 5), day(0, 0)]), {
    series: [],
    censoredDays: 0,
    firstSaleIndex: null,
  });
});

test('sold past zero (negative stock) with no sale that day is still a stock-out', () => {
  assert.deepEqual(observedDemand([day(1, 1), day(0, -2), day(1, 3)]).series, [1, 1]);
});
