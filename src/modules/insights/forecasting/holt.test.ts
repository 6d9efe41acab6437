// Holt's linear trend method: statsmodels' published vector on the air passengers series with
// fixed weights, the damped forecast's shape, and a fitted trend recovered from a noisy line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { fitHolt, holtFixed } from './holt.ts';
import { seededDraws } from './synthetic-demand.ts';

// Air passengers in Australia 1990–2004 (statsmodels/tsa/holtwinters/tests/test_holtwinters.py),
// as listed in /work/shared/reference/statistics.md §4.
const air = [
  17.5534, 21.8601, 23.8866, 26.9293, 26.8885, 28.8314, 30.0751, 30.9535, 30.1857, 31.5797, 32.577569,
  33.477398, 39.021581, 41.386432, 41.596552,
];
const start = { initialLevel: air[0]!, initialTrend: air[1]! - air[0]! };

test('air, α 0.8 β 0.2, l₀ = y₀, b₀ = y₁ − y₀: forecasts 43.76 … 51.10 (statsmodels holtwinters tests)', () => {
  const forecast = holtFixed(air, { alpha: 0.8, beta: 0.2, ...start }).forecast(5);
  const expected = [43.76, 45.59, 47.43, 49.27, 51.1];
  for (const [h, f] of forecast.entries()) assert.ok(Math.abs(f - expected[h]!) < 0.005, `h ${h + 1}: ${f}`);
});

test('air: the trend after the first year is 3.617628 (statsmodels holtwinters tests)', () => {
  const { state } = holtFixed(air.slice(0, 1), { alpha: 0.8, beta: 0.2, ...start });
  assert.ok(Math.abs(state.trend - 3.617628) < 5e-7, `${state.trend}`);
});

test('damping: the trend adds φ + φ² + … + φʰ of itself by day h', () => {
  // From level 10, trend 2, φ 0.5 and no data: 10 + 2·0.5 = 11, 10 + 2·0.75 = 11.5, 10 + 2·0.875 = 11.75.
  const fitted = holtFixed([], { alpha: 0.5, beta: 0.5, phi: 0.5, initialLevel: 10, initialTrend: 2 });
  assert.deepEqual(fitted.forecast(3), [11, 11.5, 11.75]);
  assert.equal(fitted.method, 'damped-holt');
});

test('a fitted Holt recovers the slope of a noisy line', () => {
  const { normal } = seededDraws('holt line');
  const series = Array.from({ length: 400 }, (_, t) => 30 + 0.25 * t + 2 * normal());
  const fitted = fitHolt(series, { damped: false });
  assert.ok(Math.abs(fitted.state.trend - 0.25) < 0.05, `trend ${fitted.state.trend}`);
  const [in30] = fitted.forecast(30).slice(-1);
  // The line at day 429 is 30 + 0.25·429 = 137.25.
  assert.ok(Math.abs(in30! - 137.25) < 5, `${in30}`);
});

test('a fitted damped Holt keeps φ within [0.8, 0.98] and flattens the forecast', () => {
  const { normal } = seededDraws('holt damped');
  const series = Array.from({ length: 300 }, (_, t) => 50 + 20 * (1 - 0.99 ** t) + normal());
  const fitted = fitHolt(series, { damped: true });
  const phi = fitted.parameters.phi!;
  assert.ok(phi >= 0.8 && phi <= 0.98, `φ ${phi}`);
  const forecast = fitted.forecast(200);
  const lastSteps = forecast[199]! - forecast[198]!;
  assert.ok(Math.abs(lastSteps) < Math.abs(forecast[1]! - forecast[0]!) + 1e-12);
});

test('property: a constant series is forecast at the constant, with or without damping', () => {
  fc.assert(
    fc.property(
      fc.double({ min: 0, max: 1e4, noNaN: true }),
      fc.integer({ min: 4, max: 120 }),
      fc.boolean(),
      (c, n, damped) => {
        const forecast = fitHolt(new Array<number>(n).fill(c), { damped }).forecast(14);
        return forecast.every((f) => Math.abs(f - c) <= 1e-8 * Math.max(1, c));
      },
    ),
    { numRuns: 60 },
  );
});
