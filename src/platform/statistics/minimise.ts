/**
 * Derivative-free minimisation (Nelder-Mead simplex) for fitting models by maximum likelihood.
 *
 * Written here rather than taken from `fmin`, the package usually suggested: its shrink step refers
 * to an undeclared variable and throws in strict mode (every ES module), so any fit that needs a
 * shrink crashes. Coefficients are the adaptive ones of Gao & Han (2012), which keep the method
 * converging in more than a few dimensions.
 */

export interface Minimum {
  /** The point found. */
  x: number[];
  /** The objective's value there. */
  value: number;
  /** Simplex iterations used, over all restarts. */
  iterations: number;
}

export interface MinimiseOptions {
  /** Iteration cap per run (default 1,000 × dimensions). */
  maxIterations?: number;
  /** Stop when the simplex's values and points differ by less than this (default 1e-10). */
  tolerance?: number;
  /** Fresh simplexes started from the best point until one no longer improves it (default 5). */
  restarts?: number;
  /** Relative size of the first simplex's steps (default 0.05; 0.00025 for a zero coordinate). */
  step?: number;
}

interface Vertex {
  x: number[];
  value: number;
}

function simplexRun(
  objective: (x: number[]) => number,
  start: number[],
  maxIterations: number,
  tolerance: number,
  step: number,
): Vertex & { iterations: number } {
  const n = start.length;
  const evaluate = (x: number[]): Vertex => {
    const value = objective(x);
    return { x, value: Number.isNaN(value) ? Number.POSITIVE_INFINITY : value };
  };
  const alpha = 1;
  const beta = 1 + 2 / n;
  const gamma = 0.75 - 1 / (2 * n);
  const delta = 1 - 1 / n;

  const simplex: Vertex[] = [evaluate([...start])];
  for (let i = 0; i < n; i++) {
    const x = [...start];
    x[i] = x[i] !== 0 ? x[i]! * (1 + step) : 0.00025;
    simplex.push(evaluate(x));
  }

  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    simplex.sort((a, b) => a.value - b.value);
    const best = simplex[0]!;
    const worst = simplex[n]!;
    let spread = 0;
    for (let i = 1; i <= n; i++) {
      for (let j = 0; j < n; j++) spread = Math.max(spread, Math.abs(simplex[i]!.x[j]! - best.x[j]!));
    }
    if (Math.abs(worst.value - best.value) <= tolerance && spread <= tolerance) break;

    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j]! += simplex[i]!.x[j]! / n;
    const along = (t: number) => evaluate(centroid.map((c, j) => c + t * (c - worst.x[j]!)));

    const reflected = along(alpha);
    if (reflected.value < best.value) {
      const expanded = along(alpha * beta);
      simplex[n] = expanded.value < reflected.value ? expanded : reflected;
    } else if (reflected.value < simplex[n - 1]!.value) {
      simplex[n] = reflected;
    } else {
      const outside = reflected.value < worst.value;
      const contracted = along(outside ? alpha * gamma : -gamma);
      if (contracted.value < (outside ? reflected.value : worst.value)) {
        simplex[n] = contracted;
      } else {
        for (let i = 1; i <= n; i++) {
          simplex[i] = evaluate(best.x.map((b, j) => b + delta * (simplex[i]!.x[j]! - b)));
        }
      }
    }
  }
  simplex.sort((a, b) => a.value - b.value);
  return { ...simplex[0]!, iterations };
}

/**
 * Minimises `objective` from `start`, restarting a fresh simplex at the best point found until a
 * restart no longer improves it: a single run can stall on the flat, curved surfaces that
 * likelihoods produce. A NaN from the objective counts as +∞ (outside the parameter space).
 */
export function minimise(
  objective: (x: number[]) => number,
  start: number[],
  options: MinimiseOptions = {},
): Minimum {
  const maxIterations = options.maxIterations ?? 1_000 * start.length;
  const tolerance = options.tolerance ?? 1e-10;
  const step = options.step ?? 0.05;
  let best = simplexRun(objective, start, maxIterations, tolerance, step);
  let iterations = best.iterations;
  for (let i = 0; i < (options.restarts ?? 5); i++) {
    const next = simplexRun(objective, best.x, maxIterations, tolerance, step);
    iterations += next.iterations;
    const improved = best.value - next.value;
    if (next.value < best.value) best = next;
    if (!(improved > tolerance)) break;
  }
  return { x: best.x, value: best.value, iterations };
}
