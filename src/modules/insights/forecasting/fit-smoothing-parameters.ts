import { minimise } from '../../../platform/statistics/minimise.ts';

/**
 * Fitting smoothing parameters by least one-step-ahead squared error.
 *
 * Every smoothing weight lives in (0, 1). The minimiser searches an unbounded space, so each weight
 * is searched through its logit and mapped back with the logistic function: every point it tries is
 * a valid model, and no penalty walls distort the surface.
 */

export function logistic(free: number): number {
  return 1 / (1 + Math.exp(-free));
}

export function logit(p: number): number {
  return Math.log(p / (1 - p));
}

/** Keeps a warm-start weight away from 0 and 1, where its logit is infinite. */
export function interior(p: number): number {
  return Math.min(0.999, Math.max(0.001, p));
}

/**
 * The free coordinates minimising `sumOfSquares`. The sum is divided by the series' own spread so
 * the stopping tolerance means the same for a variant selling 2 a day as for one selling 2,000.
 *
 * Tolerances are loose on purpose: a weight's third decimal barely moves a forecast, and model
 * choice fits several methods for every variant in the store.
 */
export function fitByOneStepError(
  sumOfSquares: (free: number[]) => number,
  start: number[],
  history: readonly number[],
): number[] {
  let mean = 0;
  for (const y of history) mean += y;
  mean /= Math.max(1, history.length);
  let spread = 0;
  for (const y of history) spread += (y - mean) ** 2;
  const scale = spread > 0 ? spread : 1;
  // The minimiser sizes its first simplex relative to the starting point (and tiny at zero, the
  // logit of 0.5), so it works on coordinates shifted away from zero: first steps of about one logit.
  const { x } = minimise(
    (shifted) => sumOfSquares(shifted.map((v) => v - shift)) / scale,
    start.map((v) => v + shift),
    { tolerance: 1e-7, restarts: 1, maxIterations: 200 * start.length, step: 0.25 },
  );
  return x.map((v) => v - shift);
}

const shift = 4;
