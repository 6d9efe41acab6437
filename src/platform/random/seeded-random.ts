/**
 * A seeded pseudo-random source (mulberry32) and the few draws the labelled-series generator needs.
 *
 * The generator must give the same series for the same seed on every machine and Node version, so
 * it cannot use Math.random. mulberry32 is a 32-bit state generator: tiny, fast and good enough for
 * synthetic data (it is not for anything secret).
 */

export interface SeededRandom {
  /** Uniform on [0, 1). */
  uniform(): number;
  /** Uniform on [low, high). */
  between(low: number, high: number): number;
  /** Standard normal (Box–Muller; the second value of each pair is kept for the next call). */
  normal(): number;
  /** Poisson with the given mean. */
  poisson(mean: number): number;
  /** Gamma with the given shape and scale (mean = shape × scale). */
  gamma(shape: number, scale: number): number;
  /** Binomial(trials, probability). */
  binomial(trials: number, probability: number): number;
  /** An index drawn with probability proportional to `weights`. */
  pick(weights: readonly number[]): number;
}

/** mulberry32: one 32-bit add, two multiplies and some shifts per number. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seededRandom(seed: number): SeededRandom {
  const next = mulberry32(seed);
  let spareNormal: number | null = null;

  const normal = (): number => {
    if (spareNormal !== null) {
      const value = spareNormal;
      spareNormal = null;
      return value;
    }
    // 1 − u keeps the logarithm's argument in (0, 1].
    const radius = Math.sqrt(-2 * Math.log(1 - next()));
    const angle = 2 * Math.PI * next();
    spareNormal = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };

  const gamma = (shape: number, scale: number): number => {
    if (shape <= 0) return 0;
    // Marsaglia and Tsang's squeeze method works for shape ≥ 1; a smaller shape is boosted by one
    // and corrected with u^(1/shape).
    if (shape < 1) return gamma(shape + 1, scale) * (1 - next()) ** (1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = next();
      if (u < 1 - 0.0331 * x ** 4) return d * v * scale;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
    }
  };

  const poisson = (mean: number): number => {
    if (!(mean > 0)) return 0;
    if (mean < 30) {
      // Knuth: multiply uniforms until the product drops below e^−mean.
      const limit = Math.exp(-mean);
      let count = 0;
      let product = next();
      while (product > limit) {
        count++;
        product *= next();
      }
      return count;
    }
    // Above 30 the normal approximation with a continuity correction is close enough for synthetic
    // traffic, whose day-to-day spread is dominated by the extra (log-normal) noise anyway.
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal()));
  };

  const binomial = (trials: number, probability: number): number => {
    if (trials <= 0 || probability <= 0) return 0;
    if (probability >= 1) return trials;
    const variance = trials * probability * (1 - probability);
    if (variance > 25) {
      const draw = Math.round(trials * probability + Math.sqrt(variance) * normal());
      return Math.min(trials, Math.max(0, draw));
    }
    let successes = 0;
    for (let i = 0; i < trials; i++) if (next() < probability) successes++;
    return successes;
  };

  const pick = (weights: readonly number[]): number => {
    let total = 0;
    for (const weight of weights) total += weight;
    let target = next() * total;
    for (let i = 0; i < weights.length; i++) {
      target -= weights[i]!;
      if (target < 0) return i;
    }
    return weights.length - 1;
  };

  return {
    uniform: next,
    between: (low, high) => low + (high - low) * next(),
    normal,
    poisson,
    gamma,
    binomial,
    pick,
  };
}
