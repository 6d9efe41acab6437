/**
 * Tails of a count that varies at least as much as Poisson: the chance gate's question "could an
 * ordinary day give a count this far out?". With no overdispersion it is Poisson; when a store's days
 * vary more than Poisson (a shared day-to-day swing in traffic), it is the negative binomial with the
 * same mean and Var = mean + overdispersion × mean², the Poisson–gamma mixture.
 *
 * Up to a standard deviation of `exactUpTo`, sums run outward from a point where the probability left
 * over is negligible (12 standard deviations and 10 counts beyond the mean), each term from the
 * previous one by its ratio: O(standard deviation) multiplications, one log-gamma, and no tail
 * computed as 1 − (≈1). Wider laws (tens of thousands of sessions) are near-normal, and the
 * Cornish–Fisher expansion with the law's skewness gives their quantiles and tails in O(1).
 */
import gammaln from '@stdlib/math-base-special-gammaln';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

export interface CountLaw {
  mean: number;
  /** 1/k of the negative binomial; 0 for Poisson. */
  overdispersion: number;
}

/** Standard deviation above which the normal expansion replaces exact sums. */
const exactUpTo = 60;

function spread(law: CountLaw): number {
  return Math.sqrt(law.mean + law.overdispersion * law.mean * law.mean);
}

function negligibleBelow(law: CountLaw): number {
  return Math.max(0, Math.floor(law.mean - 12 * spread(law) - 10));
}

function negligibleAbove(law: CountLaw): number {
  return Math.ceil(law.mean + 12 * spread(law) + 10);
}

function logProbability(k: number, law: CountLaw): number {
  const { mean, overdispersion } = law;
  if (overdispersion <= 0) return k * Math.log(mean) - mean - gammaln(k + 1);
  const size = 1 / overdispersion;
  return (
    gammaln(k + size) -
    gammaln(size) -
    gammaln(k + 1) +
    size * Math.log(size / (size + mean)) +
    k * Math.log(mean / (size + mean))
  );
}

/** Skewness of the negative binomial (Poisson when overdispersion is 0): κ₃ / κ₂^1.5. */
function skewness(law: CountLaw): number {
  const { mean, overdispersion: a } = law;
  const third = mean + 3 * a * mean * mean + 2 * a * a * mean * mean * mean;
  return third / spread(law) ** 3;
}

/** Cornish–Fisher: the standardised quantile for a normal quantile z, corrected for skewness. */
function skewedQuantile(z: number, law: CountLaw): number {
  return law.mean + spread(law) * (z + ((z * z - 1) * skewness(law)) / 6);
}

/** Inverse of the first-order Cornish–Fisher map: the normal z of a standardised value w. */
function normalEquivalent(w: number, law: CountLaw): number {
  const g = skewness(law) / 6;
  // Solve w = z + g(z² − 1) for the root near w.
  if (Math.abs(g) < 1e-12) return w;
  const disc = 1 + 4 * g * (w + g);
  return disc <= 0 ? w : (-1 + Math.sqrt(disc)) / (2 * g);
}

/** P(k + 1) / P(k). */
function stepUp(k: number, law: CountLaw): number {
  if (law.overdispersion <= 0) return law.mean / (k + 1);
  const size = 1 / law.overdispersion;
  return ((k + size) / (k + 1)) * (law.mean / (size + law.mean));
}

/** P(X ≤ k). */
export function countLowerTail(k: number, law: CountLaw): number {
  if (k < 0) return 0;
  if (!(law.mean > 0)) return 1;
  const top = Math.floor(k);
  if (spread(law) > exactUpTo)
    return normalCdf(normalEquivalent((top + 0.5 - law.mean) / spread(law), law), 0, 1);
  let j = negligibleBelow(law);
  let term = Math.exp(logProbability(j, law));
  let sum = 0;
  for (; j <= top; j++) {
    sum += term;
    term *= stepUp(j, law);
  }
  return Math.min(1, sum);
}

/** P(X ≥ k). */
export function countUpperTail(k: number, law: CountLaw): number {
  const bottom = Math.max(0, Math.ceil(k));
  if (bottom === 0) return 1;
  if (!(law.mean > 0)) return 0;
  if (spread(law) > exactUpTo) {
    return 1 - normalCdf(normalEquivalent((bottom - 0.5 - law.mean) / spread(law), law), 0, 1);
  }
  let j = Math.max(bottom, negligibleAbove(law));
  let term = Math.exp(logProbability(j, law));
  let sum = 0;
  for (; j >= bottom; j--) {
    sum += term;
    if (j > 0) term /= stepUp(j - 1, law);
  }
  return Math.min(1, sum);
}

export interface CountRange {
  /** The smallest count whose lower tail P(X ≤ count) is at least α: below it is improbably low. */
  lowest: number;
  /** The largest count whose upper tail P(X ≥ count) is at least α: above it is improbably high. */
  highest: number;
}

/** The counts the law reaches with probability at least `alpha` on each side. */
export function countRange(law: CountLaw, alpha: number): CountRange {
  if (!(law.mean > 0)) return { lowest: 0, highest: 0 };
  if (spread(law) > exactUpTo) {
    const z = normalQuantile(alpha, 0, 1);
    return {
      lowest: Math.max(0, Math.ceil(skewedQuantile(z, law) - 0.5)),
      highest: Math.floor(skewedQuantile(-z, law) + 0.5),
    };
  }
  let lowest = negligibleBelow(law);
  let term = Math.exp(logProbability(lowest, law));
  let below = term;
  while (below < alpha) {
    term *= stepUp(lowest, law);
    lowest++;
    below += term;
  }
  let highest = negligibleAbove(law);
  term = Math.exp(logProbability(highest, law));
  let above = term;
  while (above < alpha && highest > 0) {
    term /= stepUp(highest - 1, law);
    highest--;
    above += term;
  }
  return { lowest, highest };
}
