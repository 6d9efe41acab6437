import {
  type ArmMoments,
  cupedEffectMoments,
  cupedRatioEffectMoments,
  type EffectMoments,
  effectMoments,
  meanMoments,
  proportionMoments,
  type RatioCovariateStatistic,
  ratioMoments,
} from '../statistics/index.ts';
import type { MetricDefinition } from './experiment-metrics.ts';

/** One arm's value of a metric without adjustment: what the results table shows. */
export function armMoments(definition: MetricDefinition, sums: RatioCovariateStatistic): ArmMoments {
  if (definition.kind === 'proportion') {
    return proportionMoments({ n: sums.n, conversions: sums.numeratorSum });
  }
  if (definition.kind === 'mean') {
    return meanMoments({ n: sums.n, sum: sums.numeratorSum, sumSquares: sums.numeratorSumSquares });
  }
  return ratioMoments({
    n: sums.n,
    numeratorSum: sums.numeratorSum,
    numeratorSumSquares: sums.numeratorSumSquares,
    denominatorSum: sums.denominatorSum,
    denominatorSumSquares: sums.denominatorSumSquares,
    crossProductSum: sums.numeratorDenominatorSum,
  });
}

/** Whether the pre-period varies at all across the two arms (else CUPED has nothing to use). */
function preVaries(definition: MetricDefinition, arms: RatioCovariateStatistic[]): boolean {
  if (!definition.hasPrePeriod) return false;
  const n = arms.reduce((s, a) => s + a.n, 0);
  const sum = arms.reduce((s, a) => s + a.preNumeratorSum, 0);
  const squares = arms.reduce((s, a) => s + a.preNumeratorSumSquares, 0);
  const varies = n > 1 && squares - (sum * sum) / n > 1e-9;
  // A ratio's pre-period needs pre-period orders in both arms to have a pre-period ratio.
  if (definition.kind === 'ratio') return varies && arms.every((a) => a.preDenominatorSum > 0);
  return varies;
}

/**
 * The variant's effect against control, CUPED-adjusted when the visitors' pre-period behaviour
 * varies (docs/experiments-stats.md): the estimate is unbiased either way, the interval narrower
 * by 1 − ρ² with the adjustment. `cuped` says which was used.
 */
export function variantEffect(
  definition: MetricDefinition,
  control: RatioCovariateStatistic,
  variant: RatioCovariateStatistic,
): { effect: EffectMoments; cuped: boolean } {
  if (preVaries(definition, [control, variant]) && control.n >= 2 && variant.n >= 2) {
    if (definition.kind === 'ratio') {
      return { effect: cupedRatioEffectMoments(control, variant), cuped: true };
    }
    const covariate = (s: RatioCovariateStatistic) => ({
      n: s.n,
      sum: s.numeratorSum,
      sumSquares: s.numeratorSumSquares,
      preSum: s.preNumeratorSum,
      preSumSquares: s.preNumeratorSumSquares,
      crossProductSum: s.numeratorPreNumeratorSum,
    });
    return { effect: cupedEffectMoments(covariate(control), covariate(variant)), cuped: true };
  }
  return {
    effect: effectMoments(armMoments(definition, control), armMoments(definition, variant)),
    cuped: false,
  };
}
