// TSB: the recursion by hand on the reference intermittent series, a fading forecast once sales
// stop, and fitted weights on a series with a known chance of a sale.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededDraws } from './synthetic-demand.ts';
import { fitTsb, tsbFixed, tsbInitialState } from './tsb.ts';

test('by hand on 0,0,3,0,0,0,5,0,2,0 with both weights 0.1, from chance 0 and size 3', () => {
  // (The series of /work/shared/reference/statistics.md §4; the TSB figure is worked here by hand.)
  // Chance: 0, 0, 0.1, 0.09, 0.081, 0.0729, 0.16561, 0.149049, 0.2341441, 0.21072969.
  // Size: 3 → 3 at the 3, 3.2 at the 5, 3.08 at the 2. Forecast 0.21072969 × 3.08 = 0.6490474452.
  const fitted = tsbFixed([0, 0, 3, 0, 0, 0, 5, 0, 2, 0], {
    alphaDemand: 0.1,
    alphaProbability: 0.1,
    initialProbability: 0,
    initialDemand: 3,
  });
  const [forecast] = fitted.forecast(1);
  assert.ok(Math.abs(forecast! - 0.6490474452) < 1e-10, `${forecast}`);
});

test('the forecast fades day by day once sales stop', () => {
  const parameters = { alphaDemand: 0.1, alphaProbability: 0.2, initialProbability: 0.5, initialDemand: 2 };
  const selling = tsbFixed([2, 0, 2, 0], parameters).forecast(1)[0]!;
  const stopped = tsbFixed([2, 0, 2, 0, 0, 0, 0, 0], parameters).forecast(1)[0]!;
  // Four quiet days multiply the chance by 0.8⁴.
  assert.ok(Math.abs(stopped - selling * 0.8 ** 4) < 1e-12, `${selling} ${stopped}`);
});

test('the starting state is the first four weeks’ share of sale days and mean sale-day size', () => {
  const history = [0, 2, 0, 4, ...new Array<number>(24).fill(0), 100];
  assert.deepEqual(tsbInitialState(history), { initialProbability: 2 / 28, initialDemand: 3 });
});

test('fitted on sales on a fifth of days, size about 3: forecasts about 0.6 a day', () => {
  const { uniform, poisson } = seededDraws('tsb fifth');
  const series = Array.from({ length: 1000 }, () => (uniform() < 0.2 ? 1 + poisson(2) : 0));
  const [forecast] = fitTsb(series).forecast(1);
  // Expected demand 0.2 × 3 = 0.6; the smoothed estimate wanders around it.
  assert.ok(Math.abs(forecast! - 0.6) < 0.2, `${forecast}`);
});
