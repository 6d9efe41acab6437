/**
 * Rosner's generalised extreme Studentised deviate (ESD) test for up to `maxOutliers` outliers in a
 * roughly normal sample: repeatedly take the point farthest from the centre, measure its distance in
 * units of spread (Rᵢ), compare it with the critical value λᵢ, remove it and go on. The number of
 * outliers is the largest i with Rᵢ > λᵢ (not the first i where it fails: a masked outlier can hide
 * behind a bigger one).
 *
 * λᵢ = t(p, n−i−1)·(n−i) / √((n−i−1 + t²)(n−i+1)), p = 1 − α/(2(n−i+1)) two-sided or 1 − α/(n−i+1)
 * one-sided. With `centre: 'median'` the centre is the median and the spread 1.4826 × MAD, the robust
 * variant Seasonal-Hybrid-ESD uses on a seasonal series' residuals.
 */
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { mean, median, medianAbsoluteDeviation, sampleStandardDeviation } from 'simple-statistics';

export interface EsdOptions {
  /** The most outliers to look for (Rosner's r). */
  maxOutliers: number;
  /** Significance level of the whole test (default 0.05). */
  alpha?: number;
  /** 'mean' with the sample standard deviation (Rosner), or 'median' with 1.4826 × MAD (robust). */
  centre?: 'mean' | 'median';
  /** Which side may hold outliers (default both). */
  alternative?: 'two-sided' | 'greater' | 'less';
}

export interface EsdStep {
  /** Index in the input of the point removed at this step. */
  index: number;
  value: number;
  /** Rᵢ: its distance from the centre in units of spread. */
  statistic: number;
  /** λᵢ: the critical value at this step. */
  critical: number;
}

export interface EsdResult {
  /** Indices (into the input) of the outliers, most extreme first. */
  outliers: number[];
  /** Every step taken, flagged or not, for inspection. */
  steps: EsdStep[];
}

/** Scales a MAD to the standard deviation of a normal sample. */
export const madToStandardDeviation = 1.4826;

export function generalizedEsd(values: readonly number[], options: EsdOptions): EsdResult {
  const alpha = options.alpha ?? 0.05;
  const centreKind = options.centre ?? 'mean';
  const alternative = options.alternative ?? 'two-sided';
  const n = values.length;
  if (!Number.isInteger(options.maxOutliers) || options.maxOutliers < 1) {
    throw new RangeError('maxOutliers must be a positive integer');
  }
  if (options.maxOutliers > n - 3) throw new RangeError('maxOutliers must leave at least 3 values');
  if (!(alpha > 0 && alpha < 1)) throw new RangeError('alpha must be in (0, 1)');

  const remaining = values.map((value, index) => ({ value, index }));
  const steps: EsdStep[] = [];
  for (let i = 1; i <= options.maxOutliers; i++) {
    const sample = remaining.map((point) => point.value);
    const centre = centreKind === 'mean' ? mean(sample) : median(sample);
    const spread =
      centreKind === 'mean'
        ? sampleStandardDeviation(sample)
        : madToStandardDeviation * medianAbsoluteDeviation(sample);
    if (!(spread > 0)) break; // every remaining value is the same: nothing stands out

    let farthest = 0;
    let farthestDistance = Number.NEGATIVE_INFINITY;
    remaining.forEach((point, position) => {
      const signed = point.value - centre;
      const distance =
        alternative === 'two-sided' ? Math.abs(signed) : alternative === 'greater' ? signed : -signed;
      if (distance > farthestDistance) {
        farthestDistance = distance;
        farthest = position;
      }
    });

    const left = n - i + 1; // points in the sample at this step
    const p = alternative === 'two-sided' ? 1 - alpha / (2 * left) : 1 - alpha / left;
    const t = tQuantile(p, left - 2);
    const critical = ((left - 1) * t) / Math.sqrt((left - 2 + t * t) * left);
    const [removed] = remaining.splice(farthest, 1);
    steps.push({
      index: removed!.index,
      value: removed!.value,
      statistic: farthestDistance / spread,
      critical,
    });
  }

  let count = 0;
  steps.forEach((step, position) => {
    if (step.statistic > step.critical) count = position + 1;
  });
  return { outliers: steps.slice(0, count).map((step) => step.index), steps };
}
