/**
 * The variant-minus-control effect of one metric and its sampling variance, on both scales:
 * absolute (difference of means) and relative (lift, variant/control − 1, by the delta method).
 * Every test (frequentist, Bayesian, sequential) starts from these.
 */
import type { ArmMoments } from './arm-moments.ts';

export type DifferenceType = 'absolute' | 'relative';

export interface EffectScale {
  estimate: number;
  /** Sampling variance of the estimate. */
  variance: number;
}

export interface EffectMoments {
  absolute: EffectScale;
  relative: EffectScale;
  /** Welch–Satterthwaite degrees of freedom of the difference. */
  degreesOfFreedom: number;
  controlUnits: number;
  variantUnits: number;
  /** Visitors in both arms. */
  totalUnits: number;
  controlMean: number;
  variantMean: number;
}

/** Welch–Satterthwaite: (v_a + v_b)² / (v_a²/(n_a − 1) + v_b²/(n_b − 1)), v = variance/n. */
export function welchDegreesOfFreedom(control: ArmMoments, variant: ArmMoments): number {
  const va = control.variance / control.n;
  const vb = variant.variance / variant.n;
  const denominator = va ** 2 / (control.n - 1) + vb ** 2 / (variant.n - 1);
  return denominator > 0 ? (va + vb) ** 2 / denominator : Number.POSITIVE_INFINITY;
}

/**
 * For independent arms:
 *   absolute  Δ = μ_b − μ_a,          Var = σ_b²/n_b + σ_a²/n_a
 *   relative  L = μ_b/μ_a − 1,        Var = σ_b²/(n_b μ_a²) + σ_a² μ_b²/(n_a μ_a⁴)   (delta method)
 */
export function effectMoments(control: ArmMoments, variant: ArmMoments): EffectMoments {
  const ma = control.mean;
  const mb = variant.mean;
  const va = control.variance / control.n;
  const vb = variant.variance / variant.n;
  return {
    absolute: { estimate: mb - ma, variance: va + vb },
    relative:
      ma === 0
        ? { estimate: 0, variance: 0 }
        : { estimate: mb / ma - 1, variance: vb / ma ** 2 + (va * mb ** 2) / ma ** 4 },
    degreesOfFreedom: welchDegreesOfFreedom(control, variant),
    controlUnits: control.n,
    variantUnits: variant.n,
    totalUnits: control.n + variant.n,
    controlMean: ma,
    variantMean: mb,
  };
}

/** Whether there is anything to test: two visitors per arm, some variance, a non-zero control. */
export function isTestable(moments: EffectMoments, difference: DifferenceType): boolean {
  const scale = moments[difference];
  return (
    moments.controlUnits >= 2 &&
    moments.variantUnits >= 2 &&
    scale.variance > 0 &&
    Number.isFinite(scale.variance) &&
    (difference === 'absolute' || moments.controlMean !== 0)
  );
}
