/**
 * CUPED (Deng, Xu, Kohavi and Walker, "Improving the sensitivity of online controlled experiments
 * by utilizing pre-experiment data", WSDM 2013): subtract from each visitor's metric Y the part
 * predicted by the same visitor's pre-period value X,
 *   Y_cuped = Y − θ (X − X̄),   θ = Cov(Y, X) / Var(X),
 * with θ estimated once from both arms pooled (so it is the same in both arms and the effect stays
 * unbiased, randomisation making X̄ equal in expectation). The variance falls by the factor
 * 1 − ρ(X, Y)²; the estimate is unchanged in expectation.
 *
 * From sufficient statistics per arm (n, Σy, Σy², Σx, Σx², Σxy):
 *   absolute  Δ = (Ȳ_b − Ȳ_a) − θ (X̄_b − X̄_a)
 *             Var = Σ_arms (Var(Y) − 2θ Cov(Y, X) + θ² Var(X)) / n
 *   relative  L = Δ / Ȳ_a  (over the unadjusted control mean, as GrowthBook does)
 *             by the delta method over (Ȳ_a, X̄_a, Ȳ_b, X̄_b), with N = Ȳ_b − θ X̄_b + θ X̄_a:
 *             Var = (Var(Y_b) − 2θ Cov_b + θ² Var(X_b)) / (n_b Ȳ_a²)
 *                 + (N² Var(Y_a)/Ȳ_a⁴ − 2 θ N Cov_a/Ȳ_a³ + θ² Var(X_a)/Ȳ_a²) / n_a
 * θ is treated as known (its estimation error is O(1/n) and ignored, as in the paper).
 */
import { sampleCovariance, sampleVariance } from './arm-moments.ts';
import type { EffectMoments } from './effect-moments.ts';

export interface CovariateStatistic {
  n: number;
  /** The metric during the experiment. */
  sum: number;
  sumSquares: number;
  /** The same visitor's metric in the pre-period (0 for visitors new to the store). */
  preSum: number;
  preSumSquares: number;
  /** Σ y·x. */
  crossProductSum: number;
}

/** θ from both arms taken as one sample. */
export function pooledTheta(control: CovariateStatistic, variant: CovariateStatistic): number {
  const n = control.n + variant.n;
  const varX = sampleVariance(
    n,
    control.preSum + variant.preSum,
    control.preSumSquares + variant.preSumSquares,
  );
  if (varX <= 0) return 0;
  const cov = sampleCovariance(
    n,
    control.preSum + variant.preSum,
    control.sum + variant.sum,
    control.crossProductSum + variant.crossProductSum,
  );
  return cov / varX;
}

interface ArmParts {
  n: number;
  y: number;
  x: number;
  varY: number;
  varX: number;
  cov: number;
}

function parts(arm: CovariateStatistic): ArmParts {
  return {
    n: arm.n,
    y: arm.n > 0 ? arm.sum / arm.n : 0,
    x: arm.n > 0 ? arm.preSum / arm.n : 0,
    varY: sampleVariance(arm.n, arm.sum, arm.sumSquares),
    varX: sampleVariance(arm.n, arm.preSum, arm.preSumSquares),
    cov: sampleCovariance(arm.n, arm.preSum, arm.sum, arm.crossProductSum),
  };
}

/** The effect moments after CUPED adjustment, ready for any of the tests. */
export function cupedEffectMoments(
  control: CovariateStatistic,
  variant: CovariateStatistic,
  theta: number = pooledTheta(control, variant),
): EffectMoments {
  const a = parts(control);
  const b = parts(variant);
  const adjustedVariance = (p: ArmParts) => Math.max(0, p.varY - 2 * theta * p.cov + theta ** 2 * p.varX);
  const va = adjustedVariance(a) / a.n;
  const vb = adjustedVariance(b) / b.n;
  const absolute = b.y - a.y - theta * (b.x - a.x);
  const numerator = b.y - theta * b.x + theta * a.x;
  const relativeVariance =
    vb / a.y ** 2 +
    ((numerator ** 2 * a.varY) / a.y ** 4 -
      (2 * theta * numerator * a.cov) / a.y ** 3 +
      (theta ** 2 * a.varX) / a.y ** 2) /
      a.n;
  const dfDenominator = va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1);
  return {
    absolute: { estimate: absolute, variance: va + vb },
    relative:
      a.y === 0
        ? { estimate: 0, variance: 0 }
        : { estimate: absolute / a.y, variance: Math.max(0, relativeVariance) },
    degreesOfFreedom: dfDenominator > 0 ? (va + vb) ** 2 / dfDenominator : Number.POSITIVE_INFINITY,
    controlUnits: a.n,
    variantUnits: b.n,
    totalUnits: a.n + b.n,
    controlMean: a.y,
    variantMean: b.y,
  };
}
