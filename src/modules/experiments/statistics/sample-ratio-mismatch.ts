/**
 * Sample ratio mismatch: are the visitors split between the arms the way the experiment was
 * configured? A broken split (a redirect that loses visitors in one arm, a bot filter that hits
 * one arm harder) biases every metric, so the results cannot be trusted whatever they say.
 *
 * Pearson's chi-square goodness of fit of the observed visitors per arm against the configured
 * weights: χ² = Σ (observed − expected)² / expected, expected = total × weight / Σ weights, with
 * (arms − 1) degrees of freedom. Flagged at p < 0.001 — strict, because the check runs every day
 * on every experiment and a false alarm tells people to throw away good data (GrowthBook's default
 * threshold; the check itself is Kohavi et al., "Trustworthy Online Controlled Experiments", ch. 21).
 */
import { chiSquareUpperTail } from '../../../platform/statistics/incomplete-gamma-beta.ts';

export const sampleRatioMismatchThreshold = 0.001;

export interface SampleRatioCheck {
  statistic: number;
  degreesOfFreedom: number;
  pValue: number;
  expected: number[];
  /** p < threshold. */
  mismatch: boolean;
}

export function checkSampleRatio(
  observed: readonly number[],
  weights: readonly number[],
  threshold: number = sampleRatioMismatchThreshold,
): SampleRatioCheck {
  if (observed.length !== weights.length) {
    throw new RangeError('checkSampleRatio: one weight per arm');
  }
  const total = observed.reduce((s, v) => s + v, 0);
  const weightTotal = weights.reduce((s, w) => s + w, 0);
  const expected = weights.map((w) => (weightTotal > 0 ? (total * w) / weightTotal : 0));
  let statistic = 0;
  let arms = 0;
  let visitorsInUnweightedArm = false;
  observed.forEach((count, i) => {
    const share = expected[i] ?? 0;
    if (share > 0) {
      statistic += (count - share) ** 2 / share;
      arms++;
    } else if (count > 0) {
      visitorsInUnweightedArm = true;
    }
  });
  if (visitorsInUnweightedArm) {
    return {
      statistic: Number.POSITIVE_INFINITY,
      degreesOfFreedom: arms - 1,
      pValue: 0,
      expected,
      mismatch: true,
    };
  }
  const degreesOfFreedom = arms - 1;
  const pValue = total > 0 && degreesOfFreedom > 0 ? chiSquareUpperTail(statistic, degreesOfFreedom) : 1;
  return { statistic, degreesOfFreedom, pValue, expected, mismatch: pValue < threshold };
}
