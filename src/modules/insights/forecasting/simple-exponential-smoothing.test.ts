// Simple exponential smoothing: the published statsmodels vectors with fixed α, and the fitted α
// recovering the weight theory gives for a local-level series.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { fitSes, sesFixed } from './simple-exponential-smoothing.ts';
import { seededDraws } from './synthetic-demand.ts';

// Saudi Arabian oil production 1996–2007, the series statsmodels' holtwinters tests use
// (statsmodels/tsa/holtwinters/tests/test_holtwinters.py), as listed in
// /work/shared/reference/statistics.md §4.
const oil = [
  446.6565229, 454.47330649, 455.662974, 423.63223879, 456.2713279, 440.58805009, 425.3325201, 485.14944789,
  506.0481621, 526.79198329, 514.26888899, 494.21101929,
];

test('oil, α 0.2 from l₀ = y₀: forecast 484.802468 (statsmodels holtwinters tests)', () => {
  const [forecast] = sesFixed(oil, { alpha: 0.2, initialLevel: oil[0]! }).forecast(1);
  assert.ok(Math.abs(forecast! - 484.802468) < 5e-7, `${forecast}`);
});

test('oil, α 0.6 from l₀ = y₀: forecast 501.837461 (statsmodels holtwinters tests)', () => {
  const fitted = sesFixed(oil, { alpha: 0.6, initialLevel: oil[0]! });
  const forecast = fitted.forecast(3);
  assert.ok(Math.abs(forecast[0]! - 501.837461) < 5e-7, `${forecast[0]}`);
  // SES forecasts flat: every day ahead at the last level.
  assert.deepEqual(forecast, [forecast[0], forecast[0], forecast[0]]);
});

test('the fitted α of a local-level series is the one theory gives for its noise ratio', () => {
  // Level random walk with step sd 1 under noise sd 1 (signal-to-noise q = 1): the optimal SES
  // weight is (−q + √(q² + 4q)) / 2 = (√5 − 1) / 2 ≈ 0.618 (Harvey 1989, local level model).
  const { normal } = seededDraws('ses local level');
  let level = 50;
  const series = Array.from({ length: 3000 }, () => {
    level += normal();
    return level + normal();
  });
  const alpha = fitSes(series).parameters.alpha!;
  assert.ok(Math.abs(alpha - 0.618) < 0.05, `α ${alpha}`);
});

test('the residual sd of a fitted noisy level is the noise sd, not the spread of the series', () => {
  // Noise sd 2 around 20: the one-step errors are the noise plus a little level estimation error
  // (variance × (1 + α/(2 − α)) for SES at weight α, small here).
  const { normal } = seededDraws('ses noise');
  const series = Array.from({ length: 2000 }, () => 20 + 2 * normal());
  const fitted = fitSes(series);
  assert.ok(fitted.residualSd > 1.9 && fitted.residualSd < 2.15, `${fitted.residualSd}`);
  assert.ok(Math.abs(fitted.forecast(1)[0]! - 20) < 0.5, `${fitted.forecast(1)}`);
});

test('property: a constant series is forecast at the constant', () => {
  fc.assert(
    fc.property(fc.double({ min: 0, max: 1e5, noNaN: true }), fc.integer({ min: 2, max: 200 }), (c, n) => {
      const [forecast] = fitSes(new Array<number>(n).fill(c)).forecast(1);
      return Math.abs(forecast! - c) <= 1e-9 * Math.max(1, c);
    }),
  );
});
