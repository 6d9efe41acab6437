// MASE and WAPE, worked by hand.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ErrorTally, maseScale } from './forecast-accuracy.ts';

test('the MASE scale is the mean absolute change from the same weekday a week before', () => {
  // Lag-7 changes: |9 − 1|, |9 − 2|, |9 − 3| → mean 7.
  assert.equal(maseScale([1, 2, 3, 4, 5, 6, 7, 9, 9, 9], 7), 7);
});

test('shorter than a week and a day: the day-to-day change instead', () => {
  // |3 − 1|, |2 − 3|, |2 − 2|, |5 − 2| → 6 / 4.
  assert.equal(maseScale([1, 3, 2, 2, 5], 7), 1.5);
});

test('a pattern repeating exactly has no seasonal change: the day-to-day change instead', () => {
  const weeks = [1, 2, 3, 4, 5, 6, 7, 1, 2, 3, 4, 5, 6, 7];
  // Day-to-day: six steps of 1 and one of 6 per week, 13 steps: (12 + 6) / 13.
  assert.equal(maseScale(weeks, 7), 18 / 13);
});

test('a constant series has no scale', () => {
  assert.equal(maseScale([4, 4, 4, 4, 4, 4, 4, 4, 4], 7), null);
});

test('MAE, MASE and WAPE from one tally', () => {
  const tally = new ErrorTally();
  // Actuals 10, 0, 5 against forecasts 8, 1, 5: absolute errors 2, 1, 0.
  tally.add(10, 8);
  tally.add(0, 1);
  tally.add(5, 5);
  assert.equal(tally.meanAbsoluteError, 1);
  assert.equal(tally.mase(2), 0.5);
  assert.equal(tally.wape(), 3 / 15);
  assert.equal(tally.mase(null), null);
});

test('WAPE has nothing to weigh by when nothing sold', () => {
  const tally = new ErrorTally();
  tally.add(0, 2);
  assert.equal(tally.wape(), null);
  assert.equal(tally.meanAbsoluteError, 2);
});
