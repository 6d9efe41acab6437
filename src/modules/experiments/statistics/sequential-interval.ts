/**
 * Always-valid confidence intervals, so the results can be looked at every day without inflating
 * false positives ("peeking"). This is the asymptotic confidence sequence of Waudby-Smith, Arbour,
 * Sinha, Kennedy and Ramdas, "Time-uniform central limit theory and asymptotic confidence
 * sequences" (arXiv:2103.06476 v7, Theorem 2.2 with the normal mixture; ρ from eq. 161), the method
 * GrowthBook's sequential testing uses (docs.growthbook.io/statistics/sequential).
 *
 * With N the visitors in both arms, σ̂² = N · Var(effect estimate) (the per-visitor variance of the
 * effect) and the tuning parameter T = the N at which the interval is made tightest:
 *   ρ² = (−2 ln α + ln(1 − 2 ln α)) / T
 *   half-width = σ̂ · √( 2 (N ρ² + 1) / (N² ρ²) · ln( √(N ρ² + 1) / α ) )
 * The interval is wider than the fixed-horizon one at every N; in exchange, the chance that it
 * EVER excludes the true effect, over the whole experiment, is at most α. A variant is called
 * different only when the interval excludes 0. (No p-value is reported: the interval is the test.)
 */
import { type DifferenceType, type EffectMoments, isTestable } from './effect-moments.ts';

export interface SequentialOptions {
  alpha?: number;
  difference?: DifferenceType;
  /** The expected number of visitors (both arms) at which to be tightest; GrowthBook's default is 5,000. */
  tuning?: number;
}

export const defaultSequentialTuning = 5000;

export interface SequentialResult {
  difference: DifferenceType;
  estimate: number;
  standardError: number;
  interval: [number, number];
  /** The interval excludes 0. */
  significant: boolean;
  testable: boolean;
}

export function sequentialHalfWidth(
  standardError: number,
  totalUnits: number,
  alpha: number,
  tuning: number,
): number {
  const n = totalUnits;
  const rho2 = (-2 * Math.log(alpha) + Math.log(1 - 2 * Math.log(alpha))) / tuning;
  const perUnitSd = standardError * Math.sqrt(n);
  const factor = (2 * (n * rho2 + 1) * Math.log(Math.sqrt(n * rho2 + 1) / alpha)) / (n * n * rho2);
  return perUnitSd * Math.sqrt(factor);
}

export function sequentialTest(moments: EffectMoments, options: SequentialOptions = {}): SequentialResult {
  const difference = options.difference ?? 'relative';
  const alpha = options.alpha ?? 0.05;
  const tuning = options.tuning ?? defaultSequentialTuning;
  if (!isTestable(moments, difference)) {
    return {
      difference,
      estimate: 0,
      standardError: 0,
      interval: [0, 0],
      significant: false,
      testable: false,
    };
  }
  const { estimate, variance } = moments[difference];
  const standardError = Math.sqrt(variance);
  const half = sequentialHalfWidth(standardError, moments.totalUnits, alpha, tuning);
  const interval: [number, number] = [estimate - half, estimate + half];
  return {
    difference,
    estimate,
    standardError,
    interval,
    significant: interval[0] > 0 || interval[1] < 0,
    testable: true,
  };
}
