/**
 * The fixed-horizon two-sided test of "variant differs from control": Welch's t test on the
 * absolute difference or on the relative lift (delta-method variance), with its confidence
 * interval. This is the test GrowthBook's gbstats runs (TwoSidedTTest), and ours is checked against
 * its published test cases.
 */
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { studentTTwoSidedTail } from '../../../platform/statistics/incomplete-gamma-beta.ts';
import { type DifferenceType, type EffectMoments, isTestable } from './effect-moments.ts';

export interface FrequentistOptions {
  /** Significance level (default 0.05 → a 95% interval). */
  alpha?: number;
  /** Default 'relative'. */
  difference?: DifferenceType;
}

export interface FrequentistResult {
  difference: DifferenceType;
  estimate: number;
  standardError: number;
  /** Two-sided (1 − alpha) confidence interval. */
  interval: [number, number];
  pValue: number;
  alpha: number;
  /** False when there is nothing to test (an empty arm, no variance, a zero control). */
  testable: boolean;
}

export function frequentistTest(moments: EffectMoments, options: FrequentistOptions = {}): FrequentistResult {
  const alpha = options.alpha ?? 0.05;
  const difference = options.difference ?? 'relative';
  if (!isTestable(moments, difference)) {
    return {
      difference,
      estimate: 0,
      standardError: 0,
      interval: [0, 0],
      pValue: 1,
      alpha,
      testable: false,
    };
  }
  const { estimate, variance } = moments[difference];
  const standardError = Math.sqrt(variance);
  const df = moments.degreesOfFreedom;
  const halfWidth = tQuantile(1 - alpha / 2, df) * standardError;
  return {
    difference,
    estimate,
    standardError,
    interval: [estimate - halfWidth, estimate + halfWidth],
    pValue: studentTTwoSidedTail(estimate / standardError, df),
    alpha,
    testable: true,
  };
}
