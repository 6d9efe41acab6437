// Model choice and the public forecast: series with known structure pick the kind of method that
// structure calls for and are forecast close to the truth; forecasts are never negative.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { chooseByBacktest, forecastDemand } from './forecast-demand.ts';
import type { BacktestResult } from './rolling-origin-backtest.ts';
import { seededDraws } from './synthetic-demand.ts';

const smoothingMethods = ['ses', 'holt', 'damped-holt', 'holt-winters'];
const intermittentMethods = ['croston', 'sba', 'tsb'];

describe('forecastDemand', () => {
  test('a weekly pattern with a trend is forecast by Holt-Winters within 5% over four weeks', () => {
    const { normal } = seededDraws('weekly trend');
    const weekday = [0.8, 0.9, 0.9, 1, 1.1, 1.4, 0.9];
    const truth = (t: number) => (30 + 0.05 * t) * weekday[t % 7]!;
    const history = Array.from({ length: 540 }, (_, t) => truth(t) + normal());
    const result = forecastDemand(history, { horizon: 28 });
    assert.equal(result.method, 'holt-winters');
    assert.equal(result.pattern, 'smooth');
    result.forecast.forEach((f, h) => {
      const actual = truth(540 + h);
      assert.ok(Math.abs(f - actual) / actual < 0.05, `day ${h + 1}: ${f} vs ${actual}`);
    });
    // Better than "same as last week" was on the history.
    assert.ok(result.backtest !== null && result.backtest.mase! < 1, `${JSON.stringify(result.backtest)}`);
    assert.equal(result.backtest.origins, 3);
    assert.deepEqual(
      result.candidates.map((c) => c.method),
      smoothingMethods,
    );
  });

  test('sales on one day in six pick a Croston-type method', () => {
    const { uniform, poisson } = seededDraws('intermittent');
    const history = Array.from({ length: 365 }, () => (uniform() < 1 / 6 ? 1 + poisson(1.5) : 0));
    const result = forecastDemand(history);
    assert.ok(intermittentMethods.includes(result.method), result.method);
    assert.ok(['intermittent', 'lumpy'].includes(result.pattern));
    // Expected demand (1/6) × 2.5 ≈ 0.42 a day.
    assert.ok(Math.abs(result.forecast[0]! - 0.42) < 0.2, `${result.forecast[0]}`);
  });

  test('a steady seller picks a smoothing method and forecasts its rate', () => {
    const { poisson } = seededDraws('steady');
    const history = Array.from({ length: 365 }, () => poisson(20));
    const result = forecastDemand(history);
    assert.ok(smoothingMethods.includes(result.method), result.method);
    assert.ok(
      result.forecast.every((f) => Math.abs(f - 20) < 2),
      `${result.forecast.slice(0, 3)}`,
    );
    // Poisson(20) noise: the one-step error spread is about √20 ≈ 4.5.
    assert.ok(result.residualSd > 4 && result.residualSd < 5.2, `${result.residualSd}`);
  });

  test('a seller in steady decline is forecast down to zero, not below', () => {
    // 80, 79, … 21: Holt's straight line fits exactly and would reach −39 sixty days on.
    const history = Array.from({ length: 60 }, (_, t) => 80 - t);
    const result = forecastDemand(history, { horizon: 60 });
    assert.equal(result.method, 'holt');
    assert.ok(Math.abs(result.forecast[0]! - 20) < 1e-6, `${result.forecast[0]}`);
    assert.ok(result.forecast.every((f) => f >= 0));
    assert.deepEqual(result.forecast.slice(21), new Array<number>(39).fill(0));
  });

  test('property: forecasts are never negative and always finite', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(50), { minLength: 0, maxLength: 120 }), (history) => {
        const { forecast } = forecastDemand(history, { horizon: 14 });
        return forecast.length === 14 && forecast.every((f) => Number.isFinite(f) && f >= 0);
      }),
      { numRuns: 60 },
    );
  });

  test('property: a constant series is forecast at the constant', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e4, noNaN: true }), fc.integer({ min: 1, max: 200 }), (c, n) =>
        forecastDemand(new Array<number>(n).fill(c), { horizon: 7 }).forecast.every(
          (f) => Math.abs(f - c) <= 1e-8 * Math.max(1, c),
        ),
      ),
      { numRuns: 60 },
    );
  });

  test('no sale at all: zero, with nothing to backtest', () => {
    assert.deepEqual(forecastDemand([0, 0, 0, 0], { horizon: 3 }), {
      method: 'zero',
      forecast: [0, 0, 0],
      residualSd: 0,
      backtest: null,
      pattern: 'no-sales',
      parameters: {},
      candidates: [],
    });
  });

  test('too short to backtest: the plainest method of its kind, no backtest', () => {
    const steady = forecastDemand([4, 5, 3, 4, 6, 5, 4, 5, 4, 3], { horizon: 5 });
    assert.equal(steady.method, 'ses');
    assert.equal(steady.backtest, null);
    assert.equal(steady.forecast.length, 5);
    assert.equal(forecastDemand([0, 0, 2, 0, 0, 0, 1, 0, 0, 0]).method, 'sba');
  });

  test('a young history is backtested from the origins it has', () => {
    const { poisson } = seededDraws('young');
    const result = forecastDemand(Array.from({ length: 40 }, () => poisson(8)));
    assert.equal(result.backtest?.origins, 2);
    // 26 days before the first origin: too few for Holt-Winters (28).
    assert.deepEqual(
      result.candidates.map((c) => c.method),
      ['ses', 'holt', 'damped-holt'],
    );
  });

  test('a day with more returned than sold counts as no demand', () => {
    const withReturn = forecastDemand([5, 5, -3, 5, 5], { horizon: 1 });
    const withZero = forecastDemand([5, 5, 0, 5, 5], { horizon: 1 });
    assert.deepEqual(withReturn, withZero);
  });

  test('refuses what is not a number of units or a whole number of days', () => {
    assert.throws(() => forecastDemand([1, Number.NaN, 2]), RangeError);
    assert.throws(() => forecastDemand([1, 2], { horizon: -1 }), RangeError);
    assert.throws(() => forecastDemand([1, 2], { period: 0 }), RangeError);
    assert.throws(() => forecastDemand([1, 2], { backtestOrigins: 1.5 }), RangeError);
  });
});

describe('choosing by backtest', () => {
  const result = (method: BacktestResult['method'], meanAbsoluteError: number): BacktestResult => ({
    method,
    meanAbsoluteError,
    mase: null,
    wape: null,
    parameters: {},
  });

  test('a simpler method within 2% of the best is preferred', () => {
    assert.equal(chooseByBacktest([result('ses', 1.015), result('holt-winters', 1)])?.method, 'ses');
  });

  test('a more complex method that is clearly better wins', () => {
    assert.equal(chooseByBacktest([result('ses', 1.05), result('holt-winters', 1)])?.method, 'holt-winters');
  });

  test('nothing to choose from', () => {
    assert.equal(chooseByBacktest([]), undefined);
  });
});
