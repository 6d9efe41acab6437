/**
 * What each arm of an experiment contributes to a test: its number of units (visitors — the unit
 * of randomisation), the metric's mean per unit and the per-unit variance. Everything is built from
 * sufficient statistics (counts, sums, sums of squares, cross products), so the database only ever
 * aggregates; no per-visitor rows reach this code.
 */

/** A metric with one value per visitor: revenue per visitor, items per visitor… */
export interface MeanStatistic {
  /** Visitors in the arm. */
  n: number;
  /** Σ y over visitors. */
  sum: number;
  /** Σ y² over visitors. */
  sumSquares: number;
}

/** A yes/no metric per visitor: converted, added to cart. */
export interface ProportionStatistic {
  n: number;
  /** Visitors for whom it happened. */
  conversions: number;
}

/**
 * A ratio of two per-visitor sums whose denominator is not the visitor: average order value =
 * revenue / orders, with visitors randomised. Numerator m and denominator d are summed per visitor.
 */
export interface RatioStatistic {
  n: number;
  numeratorSum: number;
  numeratorSumSquares: number;
  denominatorSum: number;
  denominatorSumSquares: number;
  /** Σ m·d over visitors. */
  crossProductSum: number;
}

export interface ArmMoments {
  n: number;
  mean: number;
  /** Per-unit variance (of one visitor's value, not of the mean). */
  variance: number;
}

/**
 * Sample variance (n − 1) from Σy and Σy². Rounding can leave a hair below zero, which is 0; sums
 * that cannot come from real data (Σy² well below (Σy)²/n) give NaN, which no test will run on.
 */
export function sampleVariance(n: number, sum: number, sumSquares: number): number {
  if (n < 2) return 0;
  const centred = sumSquares - (sum * sum) / n;
  if (centred < -1e-9 * Math.max(1, Math.abs(sumSquares))) return Number.NaN;
  return Math.max(0, centred / (n - 1));
}

/** Sample covariance (n − 1) from Σx, Σy and Σxy. */
export function sampleCovariance(n: number, sumX: number, sumY: number, sumXY: number): number {
  if (n < 2) return 0;
  return (sumXY - (sumX * sumY) / n) / (n - 1);
}

export function meanMoments(statistic: MeanStatistic): ArmMoments {
  const { n, sum, sumSquares } = statistic;
  return {
    n,
    mean: n > 0 ? sum / n : 0,
    variance: sampleVariance(n, sum, sumSquares),
  };
}

/** Bernoulli variance p(1 − p) (the maximum-likelihood one, as for the usual z test of proportions). */
export function proportionMoments(statistic: ProportionStatistic): ArmMoments {
  const { n, conversions } = statistic;
  const p = n > 0 ? conversions / n : 0;
  return { n, mean: p, variance: p * (1 - p) };
}

/**
 * The ratio M̄ / D̄ and its per-unit variance by the delta method (first-order Taylor expansion
 * of m/d around the means):
 *   Var₁(r) = Var(m)/D̄² − 2 Cov(m, d) M̄/D̄³ + Var(d) M̄²/D̄⁴,
 * so Var(r̂) = Var₁(r)/n. Visitors with no order count in n (they are the unit) and add 0 to both
 * sums, which is what makes this correct where a naive per-order variance is not.
 */
export function ratioMoments(statistic: RatioStatistic): ArmMoments {
  const { n } = statistic;
  if (n === 0 || statistic.denominatorSum === 0) return { n, mean: 0, variance: 0 };
  const m = statistic.numeratorSum / n;
  const d = statistic.denominatorSum / n;
  const varM = sampleVariance(n, statistic.numeratorSum, statistic.numeratorSumSquares);
  const varD = sampleVariance(n, statistic.denominatorSum, statistic.denominatorSumSquares);
  const cov = sampleCovariance(
    n,
    statistic.numeratorSum,
    statistic.denominatorSum,
    statistic.crossProductSum,
  );
  const variance = varM / d ** 2 - (2 * cov * m) / d ** 3 + (varD * m ** 2) / d ** 4;
  return { n, mean: m / d, variance: Math.max(0, variance) };
}
