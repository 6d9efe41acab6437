import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ratioMoments } from './arm-moments.ts';
import { cupedRatioEffectMoments, type RatioCovariateStatistic } from './cuped-ratio.ts';
import { effectMoments } from './effect-moments.ts';
import { frequentistTest } from './frequentist-test.ts';
import { sequentialTest } from './sequential-interval.ts';

function agrees(actual: number, expected: number): void {
  assert.ok(
    Math.abs(actual - expected) <= 5e-5 * Math.abs(expected) + 1e-5,
    `${actual} differs from the reference ${expected}`,
  );
}

// Test vectors from GrowthBook's stats engine: repository growthbook/growthbook,
// packages/stats/tests/frequentist/test_tests.py, TestTwoSidedTTest.test_two_sided_ttest_test_runs_ratio_ra
// and TestSequentialTTest.test_sequential_test_runs_ratio_ra (RegressionAdjustedRatioStatistic,
// 100 visitors per arm; m = numerator, d = denominator, post = experiment, pre = pre-period).
const control: RatioCovariateStatistic = {
  n: 100,
  numeratorSum: 485.112236689623,
  numeratorSumSquares: 2715.484666118136,
  denominatorSum: 679.9093275844917,
  denominatorSumSquares: 4939.424001640236,
  preNumeratorSum: 192.59138069991536,
  preNumeratorSumSquares: 460.076026390857,
  preDenominatorSum: 290.1398399750233,
  preDenominatorSumSquares: 920.9461385038898,
  numeratorPreNumeratorSum: 1113.6215759318352,
  denominatorPreDenominatorSum: 2130.9404074446747,
  preNumeratorPreDenominatorSum: 634.239482353647,
  numeratorDenominatorSum: 3602.146836776702,
  numeratorPreDenominatorSum: 1559.2878434944676,
  denominatorPreNumeratorSum: 1460.3181079276983,
};
const variant: RatioCovariateStatistic = {
  n: 100,
  numeratorSum: 514.7757826608777,
  numeratorSumSquares: 2994.897482705013,
  denominatorSum: 705.4090874383759,
  denominatorSumSquares: 5291.36604146392,
  preNumeratorSum: 206.94157227402536,
  preNumeratorSumSquares: 514.2903702246757,
  preDenominatorSum: 302.54389139107326,
  preDenominatorSumSquares: 994.4506208125663,
  numeratorPreNumeratorSum: 1237.0953021125997,
  denominatorPreDenominatorSum: 2292.081739775257,
  preNumeratorPreDenominatorSum: 698.4173425817908,
  numeratorDenominatorSum: 3918.1561431600717,
  numeratorPreDenominatorSum: 1701.0287270040265,
  denominatorPreNumeratorSum: 1604.0759503266522,
};

function withoutPrePeriod(s: RatioCovariateStatistic) {
  return ratioMoments({
    n: s.n,
    numeratorSum: s.numeratorSum,
    numeratorSumSquares: s.numeratorSumSquares,
    denominatorSum: s.denominatorSum,
    denominatorSumSquares: s.denominatorSumSquares,
    crossProductSum: s.numeratorDenominatorSum,
  });
}

describe('CUPED for ratio metrics', () => {
  it('matches gbstats test_two_sided_ttest_test_runs_ratio_ra', () => {
    const result = frequentistTest(cupedRatioEffectMoments(control, variant));
    agrees(result.estimate, -0.0007);
    agrees(result.interval[0], -0.00841);
    agrees(result.interval[1], 0.007);
    agrees(result.standardError, 0.00391);
    agrees(result.pValue, 0.85771);
  });

  it('matches gbstats test_sequential_test_runs_ratio_ra', () => {
    const result = sequentialTest(cupedRatioEffectMoments(control, variant));
    agrees(result.estimate, -0.0007);
    agrees(result.interval[0], -0.02063);
    agrees(result.interval[1], 0.01923);
    agrees(result.standardError, 0.00391);
  });

  it('is the plain ratio test when θ = 0, and narrows it when the pre-period predicts', () => {
    const plain = effectMoments(withoutPrePeriod(control), withoutPrePeriod(variant));
    const unadjusted = cupedRatioEffectMoments(control, variant, 0);
    for (const scale of ['absolute', 'relative'] as const) {
      assert.ok(Math.abs(unadjusted[scale].estimate - plain[scale].estimate) < 1e-12);
      assert.ok(Math.abs(unadjusted[scale].variance / plain[scale].variance - 1) < 1e-9);
    }
    const adjusted = cupedRatioEffectMoments(control, variant);
    assert.ok(adjusted.relative.variance < 0.1 * plain.relative.variance);
  });
});
