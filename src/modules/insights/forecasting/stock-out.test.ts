// Days of cover and the stock-out day under a daily forecast, with stock arriving on the way.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { daysOfCover, stockOutDay } from './stock-out.ts';

const twoADay = [2, 2, 2, 2, 2];

test('5 units at 2 a day: out on day 2 (cumulative 6 > 5), 2.5 days of cover', () => {
  assert.equal(stockOutDay(twoADay, 5), 2);
  assert.equal(daysOfCover(twoADay, 5), 2.5);
});

test('stock arriving in time pushes the stock-out beyond the forecast', () => {
  assert.equal(stockOutDay(twoADay, 5, [{ day: 2, units: 10 }]), null);
  assert.equal(daysOfCover(twoADay, 5, [{ day: 2, units: 10 }]), null);
});

test('stock arriving the day after it ran out does not prevent the stock-out', () => {
  assert.equal(stockOutDay(twoADay, 5, [{ day: 3, units: 10 }]), 2);
});

test('nothing available: out on the first day with demand; oversold: out already', () => {
  assert.equal(stockOutDay([0, 1, 1], 0), 1);
  assert.equal(daysOfCover([0, 1, 1], 0), 1);
  assert.equal(stockOutDay([1, 1], -3), 0);
  assert.equal(daysOfCover([1, 1], -3), 0);
});

test('no demand forecast: never out', () => {
  assert.equal(stockOutDay([0, 0, 0], 0), null);
});
