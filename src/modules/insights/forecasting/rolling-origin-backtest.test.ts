// Where the backtest origins fall, and how errors are pooled over them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FittedForecaster, ForecastCandidate } from './forecaster.ts';
import { backtestOrigins, rollingOriginBacktest } from './rolling-origin-backtest.ts';

const options = { horizon: 14, origins: 3, spacing: 7, period: 7 };

test('three origins a week apart, the last leaving 14 days to compare', () => {
  assert.deepEqual(backtestOrigins(100, options, 14), [72, 79, 86]);
});

test('a young history keeps only the origins with enough days behind them', () => {
  // 40 days: origins 12, 19, 26; 12 has fewer than 14 days behind it.
  assert.deepEqual(backtestOrigins(40, options, 14), [19, 26]);
  assert.deepEqual(backtestOrigins(20, options, 14), []);
});

/** "Tomorrow sells what today sold", shifted by `offset`, counting its fits. */
function lastValue(offset: number, fits: { count: number }): ForecastCandidate {
  const run = (history: readonly number[]): FittedForecaster => ({
    method: 'ses',
    parameters: {},
    residualSd: 0,
    forecast: (horizon) => new Array<number>(horizon).fill(history[history.length - 1]! + offset),
    rerun: run,
  });
  return {
    method: 'ses',
    minimumHistory: 1,
    fit: (history) => {
      fits.count++;
      return run(history);
    },
  };
}

test('errors pooled over origins, fitted once, scaled by the weekly change before the first origin', () => {
  const history = Array.from({ length: 20 }, (_, t) => t);
  const fits = { count: 0 };
  const result = rollingOriginBacktest(history, lastValue(0, fits), [16, 17], { ...options, horizon: 2 });
  // Origin 16 forecasts 15 for 16 and 17 (errors 1, 2); origin 17 forecasts 16 for 17 and 18 (1, 2).
  assert.equal(result.meanAbsoluteError, 1.5);
  // Scale: every lag-7 change of 0..15 is 7. WAPE: 6 / (16 + 17 + 17 + 18).
  assert.equal(result.mase, 1.5 / 7);
  assert.equal(result.wape, 6 / 68);
  assert.equal(fits.count, 1);
});

test('forecasts below zero are scored as zero, as they are shown', () => {
  const history = [3, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  const result = rollingOriginBacktest(history, lastValue(-5, { count: 0 }), [8], { ...options, horizon: 2 });
  assert.equal(result.meanAbsoluteError, 0);
});
