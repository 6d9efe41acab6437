import { minimise } from '../../../platform/statistics/minimise.ts';

/** The outcome of a maximum-likelihood fit of positive parameters. */
export interface LikelihoodFit {
  readonly parameters: number[];
  readonly logLikelihood: number;
  /**
   * True when the fit ended at an interior maximum: the log-likelihood's slope is flat there and no
   * parameter ran off towards 0 or infinity (what happens when the data cannot identify the model,
   * e.g. no customer ever came back). A false fit's predictions should not be shown.
   */
  readonly converged: boolean;
  readonly iterations: number;
}

// ln-parameters beyond ±LOG_LIMIT are treated as outside the space (e^30 ≈ 1e13), so a degenerate
// fit stops at a finite point instead of overflowing; one that ends near the limit has not converged.
const LOG_LIMIT = 30;
const BOUNDARY = LOG_LIMIT - 5;
// Largest acceptable slope of the mean log-likelihood per customer, per unit of ln-parameter.
const FLAT_SLOPE = 1e-4;

/**
 * Maximises a log-likelihood over positive parameters by minimising −LL/n over their logarithms:
 * the search can then never step onto a negative value, and parameters that differ by orders of
 * magnitude (α in days against a) get steps of a similar relative size. Dividing by the number of
 * customers n keeps the minimiser's absolute tolerance meaningful for 100 customers or 100,000.
 */
export function maximiseLogLikelihood(
  logLikelihood: (parameters: number[]) => number,
  start: readonly number[],
  customers: number,
): LikelihoodFit {
  const scale = Math.max(customers, 1);
  const objective = (logs: number[]) => {
    if (logs.some((value) => Math.abs(value) > LOG_LIMIT)) return Number.NaN;
    const value = logLikelihood(logs.map(Math.exp));
    return Number.isFinite(value) ? -value / scale : Number.NaN;
  };
  const found = minimise(
    objective,
    start.map((value) => Math.log(value)),
  );
  const maximum = -found.value * scale;
  const interior = found.x.every((value) => Math.abs(value) < BOUNDARY);
  return {
    parameters: found.x.map(Math.exp),
    logLikelihood: maximum,
    converged: Number.isFinite(maximum) && interior && largestSlope(objective, found.x) < FLAT_SLOPE,
    iterations: found.iterations,
  };
}

// Central differences; the step is small against the 1e-4 bar yet far above rounding noise.
function largestSlope(objective: (x: number[]) => number, at: readonly number[]): number {
  const h = 1e-5;
  let largest = 0;
  for (let i = 0; i < at.length; i++) {
    const up = [...at];
    const down = [...at];
    up[i]! += h;
    down[i]! -= h;
    largest = Math.max(largest, Math.abs((objective(up) - objective(down)) / (2 * h)));
  }
  return Number.isNaN(largest) ? Number.POSITIVE_INFINITY : largest;
}
