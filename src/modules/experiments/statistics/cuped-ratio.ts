/**
 * CUPED for ratio metrics (average order value = revenue / orders, visitors randomised): the
 * experiment-period ratio r = M̄/D̄ is adjusted by the same visitors' pre-period ratio h = M̄′/D̄′.
 *
 * Per arm, the four per-visitor sums m, d (experiment) and m′, d′ (pre-period) have means and a
 * 4×4 covariance matrix C from their sums, sums of squares and the six cross products. By the delta
 * method, with gradients g_r = (1/D̄, −M̄/D̄², 0, 0) and g_h = (0, 0, 1/D̄′, −M̄′/D̄′²):
 *   Var₁(r) = g_rᵀ C g_r,  Var₁(h) = g_hᵀ C g_h,  Cov₁(r, h) = g_rᵀ C g_h   (per visitor)
 *   θ = Σ_arms (n − 1) Cov₁(r, h) / Σ_arms (n − 1) Var₁(h)          (pooled within arms)
 *   absolute  Δ = (r_b − θ h_b) − (r_a − θ h_a),
 *             Var = Σ_arms (Var₁(r) − 2θ Cov₁(r, h) + θ² Var₁(h)) / n
 *   relative  L = Δ / r_a, by the delta method over both arms' means with N = r_b − θ h_b + θ h_a:
 *             g_a = −N/r_a² · g_r,a + θ/r_a · g_h,a,   g_b = (g_r,b − θ g_h,b)/r_a,
 *             Var = g_aᵀ C_a g_a / n_a + g_bᵀ C_b g_b / n_b.
 * This is what GrowthBook's engine computes for a regression-adjusted ratio, and it is checked
 * against its published case.
 */
import type { EffectMoments } from './effect-moments.ts';

export interface RatioCovariateStatistic {
  n: number;
  /** Experiment period, per visitor: numerator m (revenue) and denominator d (orders). */
  numeratorSum: number;
  numeratorSumSquares: number;
  denominatorSum: number;
  denominatorSumSquares: number;
  /** Pre-period, per visitor: m′ and d′. */
  preNumeratorSum: number;
  preNumeratorSumSquares: number;
  preDenominatorSum: number;
  preDenominatorSumSquares: number;
  /** Σ m·d, Σ m·m′, Σ m·d′, Σ d·m′, Σ d·d′, Σ m′·d′. */
  numeratorDenominatorSum: number;
  numeratorPreNumeratorSum: number;
  numeratorPreDenominatorSum: number;
  denominatorPreNumeratorSum: number;
  denominatorPreDenominatorSum: number;
  preNumeratorPreDenominatorSum: number;
}

type Vector = [number, number, number, number];
type Matrix = Vector[];

interface ArmRatios {
  n: number;
  r: number;
  h: number;
  gr: Vector;
  gh: Vector;
  covariance: Matrix;
}

function quadratic(u: Vector, c: Matrix, v: Vector): number {
  let total = 0;
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) total += (u[i] ?? 0) * (c[i]?.[j] ?? 0) * (v[j] ?? 0);
  }
  return total;
}

function armRatios(s: RatioCovariateStatistic): ArmRatios {
  const { n } = s;
  // Order: m, d, m′, d′.
  const sums: Vector = [s.numeratorSum, s.denominatorSum, s.preNumeratorSum, s.preDenominatorSum];
  const products: Matrix = [
    [
      s.numeratorSumSquares,
      s.numeratorDenominatorSum,
      s.numeratorPreNumeratorSum,
      s.numeratorPreDenominatorSum,
    ],
    [
      s.numeratorDenominatorSum,
      s.denominatorSumSquares,
      s.denominatorPreNumeratorSum,
      s.denominatorPreDenominatorSum,
    ],
    [
      s.numeratorPreNumeratorSum,
      s.denominatorPreNumeratorSum,
      s.preNumeratorSumSquares,
      s.preNumeratorPreDenominatorSum,
    ],
    [
      s.numeratorPreDenominatorSum,
      s.denominatorPreDenominatorSum,
      s.preNumeratorPreDenominatorSum,
      s.preDenominatorSumSquares,
    ],
  ];
  const covariance = products.map(
    (row, i) =>
      row.map((p, j) => (n > 1 ? (p - ((sums[i] ?? 0) * (sums[j] ?? 0)) / n) / (n - 1) : 0)) as Vector,
  );
  const [m, d, mPre, dPre] = sums.map((x) => (n > 0 ? x / n : 0)) as Vector;
  return {
    n,
    r: d !== 0 ? m / d : 0,
    h: dPre !== 0 ? mPre / dPre : 0,
    gr: [d !== 0 ? 1 / d : 0, d !== 0 ? -m / d ** 2 : 0, 0, 0],
    gh: [0, 0, dPre !== 0 ? 1 / dPre : 0, dPre !== 0 ? -mPre / dPre ** 2 : 0],
    covariance,
  };
}

function combine(u: Vector, a: number, v: Vector, b: number): Vector {
  return u.map((x, i) => a * x + b * (v[i] ?? 0)) as Vector;
}

/** θ for ratio CUPED, pooled within arms. */
export function pooledRatioTheta(control: RatioCovariateStatistic, variant: RatioCovariateStatistic): number {
  let cov = 0;
  let varH = 0;
  for (const arm of [armRatios(control), armRatios(variant)]) {
    cov += (arm.n - 1) * quadratic(arm.gr, arm.covariance, arm.gh);
    varH += (arm.n - 1) * quadratic(arm.gh, arm.covariance, arm.gh);
  }
  return varH > 0 ? cov / varH : 0;
}

export function cupedRatioEffectMoments(
  control: RatioCovariateStatistic,
  variant: RatioCovariateStatistic,
  theta: number = pooledRatioTheta(control, variant),
): EffectMoments {
  const a = armRatios(control);
  const b = armRatios(variant);
  const adjustedA = combine(a.gr, 1, a.gh, -theta);
  const adjustedB = combine(b.gr, 1, b.gh, -theta);
  const va = quadratic(adjustedA, a.covariance, adjustedA) / a.n;
  const vb = quadratic(adjustedB, b.covariance, adjustedB) / b.n;
  const absolute = b.r - theta * b.h - (a.r - theta * a.h);
  const numerator = b.r - theta * b.h + theta * a.h;
  const ga = combine(a.gr, -numerator / a.r ** 2, a.gh, theta / a.r);
  const gb = combine(b.gr, 1 / a.r, b.gh, -theta / a.r);
  const relativeVariance = quadratic(ga, a.covariance, ga) / a.n + quadratic(gb, b.covariance, gb) / b.n;
  const dfDenominator = va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1);
  return {
    absolute: { estimate: absolute, variance: va + vb },
    relative:
      a.r === 0 ? { estimate: 0, variance: 0 } : { estimate: absolute / a.r, variance: relativeVariance },
    degreesOfFreedom: dfDenominator > 0 ? (va + vb) ** 2 / dfDenominator : Number.POSITIVE_INFINITY,
    controlUnits: a.n,
    variantUnits: b.n,
    totalUnits: a.n + b.n,
    controlMean: a.r,
    variantMean: b.r,
  };
}
