import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seededRandom } from '../../../platform/random/seeded-random.ts';
import { meanMoments } from './arm-moments.ts';
import { type CovariateStatistic, cupedEffectMoments, pooledTheta } from './cuped.ts';
import { effectMoments } from './effect-moments.ts';

function simulateArm(n: number, lift: number, seed: number): CovariateStatistic {
  // Pre-period spend x and experiment spend y correlated at ρ = 0.8 (same visitors, same habits).
  const random = seededRandom(seed);
  const arm = { n, sum: 0, sumSquares: 0, preSum: 0, preSumSquares: 0, crossProductSum: 0 };
  for (let i = 0; i < n; i++) {
    const habit = random.normal();
    const x = 20 + 5 * habit;
    const y = (20 + 5 * (0.8 * habit + 0.6 * random.normal())) * (1 + lift);
    arm.sum += y;
    arm.sumSquares += y * y;
    arm.preSum += x;
    arm.preSumSquares += x * x;
    arm.crossProductSum += x * y;
  }
  return arm;
}

function plain(arm: CovariateStatistic) {
  return meanMoments({ n: arm.n, sum: arm.sum, sumSquares: arm.sumSquares });
}

describe('CUPED', () => {
  it('is the plain test when θ = 0', () => {
    const a = simulateArm(2000, 0, 1);
    const b = simulateArm(2000, 0.03, 2);
    const adjusted = cupedEffectMoments(a, b, 0);
    const unadjusted = effectMoments(plain(a), plain(b));
    for (const scale of ['absolute', 'relative'] as const) {
      assert.ok(Math.abs(adjusted[scale].estimate - unadjusted[scale].estimate) < 1e-12);
      assert.ok(
        Math.abs(adjusted[scale].variance - unadjusted[scale].variance) < 1e-9 * unadjusted[scale].variance,
      );
    }
  });

  it('estimates θ = Cov(Y, X)/Var(X) from both arms and cuts the variance by 1 − ρ² (Deng et al. 2013)', () => {
    const a = simulateArm(5000, 0, 3);
    const b = simulateArm(5000, 0.03, 4);
    // True θ = 0.8 × 5 × 5 / 25 = 0.8 (scaled slightly by the lift in one arm).
    assert.ok(Math.abs(pooledTheta(a, b) - 0.81) < 0.03, `${pooledTheta(a, b)}`);
    const adjusted = cupedEffectMoments(a, b);
    const unadjusted = effectMoments(plain(a), plain(b));
    const reduction = adjusted.absolute.variance / unadjusted.absolute.variance;
    assert.ok(Math.abs(reduction - 0.36) < 0.03, `variance ratio ${reduction}`);
    const relativeReduction = adjusted.relative.variance / unadjusted.relative.variance;
    assert.ok(Math.abs(relativeReduction - 0.36) < 0.04, `relative variance ratio ${relativeReduction}`);
  });

  it('gives delta-method relative variances that match the spread over repeated experiments', () => {
    // 300 repetitions: the empirical variance of the CUPED lift against the mean predicted one.
    const lifts: number[] = [];
    let predicted = 0;
    for (let r = 0; r < 300; r++) {
      const moments = cupedEffectMoments(simulateArm(400, 0, 1000 + r), simulateArm(400, 0.05, 5000 + r));
      lifts.push(moments.relative.estimate);
      predicted += moments.relative.variance / 300;
    }
    const mean = lifts.reduce((s, v) => s + v, 0) / lifts.length;
    const empirical = lifts.reduce((s, v) => s + (v - mean) ** 2, 0) / (lifts.length - 1);
    assert.ok(Math.abs(mean - 0.05) < 0.003, `mean lift ${mean}`);
    // 300 draws estimate a variance to about ±8% (√(2/299)).
    assert.ok(Math.abs(empirical / predicted - 1) < 0.2, `empirical ${empirical}, predicted ${predicted}`);
  });
});
