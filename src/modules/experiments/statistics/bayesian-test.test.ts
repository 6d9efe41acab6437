import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { meanMoments, proportionMoments } from './arm-moments.ts';
import { bayesianTest } from './bayesian-test.ts';
import { effectMoments } from './effect-moments.ts';

function agrees(actual: number, expected: number): void {
  assert.ok(
    Math.abs(actual - expected) <= 5e-5 * Math.abs(expected) + 1e-5,
    `${actual} differs from the reference ${expected}`,
  );
}

// Test vectors from GrowthBook's stats engine (EffectBayesianABTest, flat prior): repository
// growthbook/growthbook, packages/stats/tests/bayesian/test_tests.py, TestBinom and TestNorm.
// gbstats' risk is [risk of control, risk of variant].
describe('bayesianTest (normal posterior on the lift, flat prior)', () => {
  it('matches gbstats TestBinom.test_bayesian_binomial_ab_test (49/100 vs 51/100)', () => {
    const result = bayesianTest(
      effectMoments(
        proportionMoments({ conversions: 49, n: 100 }),
        proportionMoments({ conversions: 51, n: 100 }),
      ),
    );
    agrees(result.estimate, 0.04082);
    agrees(result.interval[0], -0.24779);
    agrees(result.interval[1], 0.32943);
    agrees(result.posteriorStandardDeviation, 0.14725);
    agrees(result.chanceToBeatControl, 0.60918);
    agrees(result.riskOfControl, 0.0814);
    agrees(result.riskOfVariant, 0.04058);
  });

  it('matches gbstats TestNorm.test_bayesian_gaussian_ab_test (means from sums)', () => {
    const result = bayesianTest(
      effectMoments(
        meanMoments({ sum: 100, sumSquares: 1002.25, n: 10 }),
        meanMoments({ sum: 105, sumSquares: 1111.5, n: 10 }),
      ),
    );
    agrees(result.estimate, 0.05);
    agrees(result.interval[0], -0.02);
    agrees(result.interval[1], 0.12);
    agrees(result.posteriorStandardDeviation, 0.03572);
    agrees(result.chanceToBeatControl, 0.91923);
    agrees(result.riskOfControl, 0.05131);
    agrees(result.riskOfVariant, 0.00131);
  });

  it('gives a coin flip with no data, like gbstats test_missing_data', () => {
    const empty = proportionMoments({ conversions: 0, n: 0 });
    const result = bayesianTest(effectMoments(empty, empty));
    assert.equal(result.chanceToBeatControl, 0.5);
    assert.equal(result.estimate, 0);
    assert.equal(result.testable, false);
  });

  it('combines a proper prior by precision (textbook normal–normal update)', () => {
    // Likelihood N(0.1, 0.01) and prior N(0, 0.01): posterior N(0.05, 0.005).
    const moments = effectMoments({ n: 100, mean: 1, variance: 0 }, { n: 100, mean: 1.1, variance: 0 });
    moments.relative = { estimate: 0.1, variance: 0.01 };
    const result = bayesianTest(moments, { prior: { proper: true, mean: 0, variance: 0.01 } });
    assert.ok(Math.abs(result.estimate - 0.05) < 1e-12);
    assert.ok(Math.abs(result.posteriorStandardDeviation - Math.sqrt(0.005)) < 1e-12);
  });

  it('swaps win and loss when lower is better', () => {
    const moments = effectMoments(
      proportionMoments({ conversions: 49, n: 100 }),
      proportionMoments({ conversions: 51, n: 100 }),
    );
    const higher = bayesianTest(moments);
    const lower = bayesianTest(moments, { inverse: true });
    assert.ok(Math.abs(higher.chanceToBeatControl + lower.chanceToBeatControl - 1) < 1e-12);
    assert.equal(lower.riskOfVariant, higher.riskOfControl);
  });
});
