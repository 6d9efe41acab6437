// Additive Holt-Winters / ETS(A,A,A): forecasts from R's fitted final state on austourists, the
// recursion by hand, the starting state on an exact series, and a fit on a weekly pattern + trend.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  fitHoltWinters,
  forecastFromHoltWintersState,
  holtWintersFixed,
  holtWintersInitialState,
} from './holt-winters.ts';
import { seededDraws } from './synthetic-demand.ts';

test("austourists: forecasts from R's final ETS(A,A,A) state are 75.3445, 50.7585, 63.0502, 67.4839", () => {
  // R forecast::ets(austourists, "AAA") final state, /work/shared/reference/statistics.md §4
  // (forecasts [derived] there from the published state): s1 is the newest seasonal term, so the
  // next quarter takes s4, the oldest.
  const state = {
    level: 62.5598121416791,
    trend: 0.578091734736357,
    seasonal: [12.2066400808086, -12.9575427049515, -1.24386240029203, 2.61176734723357],
  };
  const expected = [75.3445, 50.7585, 63.0502, 67.4839];
  for (const [h, f] of forecastFromHoltWintersState(state, 4).entries()) {
    assert.ok(Math.abs(f - expected[h]!) < 5e-5, `h ${h + 1}: ${f}`);
  }
});

test('one day of the recursion, by hand', () => {
  // From l 10, b 1, seasonal terms (2, −2) with 2 due next; y 14, α 0.5, β 0.1, γ 0.2:
  // μ = 10 + 1 + 2 = 13, e = 1 → l = 11.5, b = 1.1, the used term 2.2 and now last.
  const run = holtWintersFixed(
    [14],
    { alpha: 0.5, beta: 0.1, gamma: 0.2 },
    { level: 10, trend: 1, seasonal: [2, -2] },
  );
  assert.deepEqual(run.state, { level: 11.5, trend: 1.1, seasonal: [-2, 2.2] });
  const [first, second] = run.forecast(2);
  // 11.5 + 1.1 − 2 = 10.6 and 11.5 + 2.2 + 2.2 = 15.9.
  assert.ok(Math.abs(first! - 10.6) < 1e-12 && Math.abs(second! - 15.9) < 1e-12, `${first} ${second}`);
});

const weekday = [-6, -4, -2, 0, 2, 4, 6];

test('the starting state of an exact line + weekly pattern is that line and pattern', () => {
  const series = Array.from({ length: 35 }, (_, t) => 40 + 0.2 * t + weekday[t % 7]!);
  const state = holtWintersInitialState(series, 7);
  // Level before day 0 is the line at t = −1: 39.8.
  assert.ok(Math.abs(state.level - 39.8) < 1e-9, `${state.level}`);
  assert.ok(Math.abs(state.trend - 0.2) < 1e-12, `${state.trend}`);
  for (const [i, s] of state.seasonal.entries()) assert.ok(Math.abs(s - weekday[i]!) < 1e-9, `${i}: ${s}`);
});

test('a fitted ETS(A,A,A) forecasts four weeks of a noisy weekly pattern + trend within 2%', () => {
  const { normal } = seededDraws('holt-winters weekly');
  const truth = (t: number) => 40 + 0.1 * t + 2 * weekday[t % 7]!;
  const series = Array.from({ length: 365 }, (_, t) => truth(t) + normal());
  const fitted = fitHoltWinters(series, 7);
  fitted.forecast(28).forEach((f, h) => {
    const actual = truth(365 + h);
    assert.ok(Math.abs(f - actual) / actual < 0.02, `day ${h + 1}: ${f} vs ${actual}`);
  });
  // The parameters stay in the stable region.
  const { alpha, beta, gamma } = fitted.parameters as { alpha: number; beta: number; gamma: number };
  assert.ok(alpha > 0 && alpha < 1 && beta > 0 && beta < alpha && gamma > 0 && gamma < 1 - alpha);
  assert.ok(fitted.residualSd > 0.9 && fitted.residualSd < 1.2, `residual sd ${fitted.residualSd}`);
});

test('fewer than two whole periods cannot start the state', () => {
  assert.throws(() => holtWintersInitialState([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13], 7), RangeError);
});

test('property: a constant series is forecast at the constant', () => {
  fc.assert(
    fc.property(fc.double({ min: 0, max: 1e4, noNaN: true }), fc.integer({ min: 28, max: 120 }), (c, n) =>
      fitHoltWinters(new Array<number>(n).fill(c), 7)
        .forecast(14)
        .every((f) => Math.abs(f - c) <= 1e-8 * Math.max(1, c)),
    ),
    { numRuns: 40 },
  );
});
