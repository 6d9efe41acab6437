// Croston and SBA on the reference intermittent series, and how their one-step errors are counted.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { crostonFixed } from './croston.ts';

// /work/shared/reference/statistics.md §4, Croston [derived] from the statsforecast definition
// (statsforecast models.py: sizes and 1-based intervals, each smoothed with α 0.1 from its first value).
const series = [0, 0, 3, 0, 0, 0, 5, 0, 2, 0];

test('0,0,3,0,0,0,5,0,2,0: Croston forecasts 1.030100 a day', () => {
  // Sizes 3, 5, 2 → 3, 3.2, 3.08; intervals 3, 4, 2 → 3, 3.1, 2.99; 3.08 / 2.99.
  const forecast = crostonFixed(series, { variant: 'croston' }).forecast(7);
  assert.ok(Math.abs(forecast[0]! - 1.0301) < 5e-7, `${forecast[0]}`);
  assert.ok(forecast.every((f) => f === forecast[0]));
});

test('0,0,3,0,0,0,5,0,2,0: SBA forecasts 0.978595 a day (0.95 × Croston)', () => {
  const [forecast] = crostonFixed(series, { variant: 'sba' }).forecast(1);
  assert.ok(Math.abs(forecast! - 0.978595) < 5e-7, `${forecast}`);
});

test('no sale: a forecast of zero and no error counted', () => {
  const fitted = crostonFixed([0, 0, 0], { variant: 'croston' });
  assert.deepEqual(fitted.forecast(2), [0, 0]);
  assert.equal(fitted.residualSd, 0);
});

test('one-step errors count from the day after the first sale', () => {
  // The sale of 4 on the second day comes 2 days from the start: 4 / 2 = 2 a day. Errors −2, −2,
  // then 4 at the sale of 6: √((4 + 4 + 16) / 3) = √8.
  const fitted = crostonFixed([0, 4, 0, 0, 6], { variant: 'croston' });
  assert.ok(Math.abs(fitted.residualSd - Math.sqrt(8)) < 1e-12, `${fitted.residualSd}`);
});

test('property: a constant daily seller is forecast at the constant', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 100 }), (c, n) => {
      const [forecast] = crostonFixed(new Array<number>(n).fill(c), { variant: 'croston' }).forecast(1);
      return Math.abs(forecast! - c) < 1e-9 * c;
    }),
  );
});
