import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { meanMoments, proportionMoments } from './arm-moments.ts';
import { effectMoments } from './effect-moments.ts';
import { frequentistTest } from './frequentist-test.ts';

/** Reference values are rounded to 5 decimals: agree to 4 significant digits, allowing for that. */
function agrees(actual: number, expected: number): void {
  assert.ok(
    Math.abs(actual - expected) <= 5e-5 * Math.abs(expected) + 1e-5,
    `${actual} differs from the reference ${expected}`,
  );
}

// Test vectors from GrowthBook's stats engine: repository growthbook/growthbook,
// packages/stats/tests/frequentist/test_tests.py, class TestTwoSidedTTest.
const control = meanMoments({ sum: 1396.87, sumSquares: 52377.9767, n: 3407 });
const variant = meanMoments({ sum: 2422.7, sumSquares: 134698.29, n: 3461 });

describe('frequentistTest (Welch t test, delta-method lift)', () => {
  it('matches gbstats test_two_sided_ttest (relative lift)', () => {
    const result = frequentistTest(effectMoments(control, variant));
    agrees(result.estimate, 0.70732);
    agrees(result.interval[0], -0.03526);
    agrees(result.interval[1], 1.44989);
    agrees(result.standardError, 0.37879);
    agrees(result.pValue, 0.06191);
  });

  it('matches gbstats test_two_sided_ttest_absolute', () => {
    const result = frequentistTest(effectMoments(control, variant), { difference: 'absolute' });
    agrees(result.estimate, 0.29);
    agrees(result.interval[0], 0.04538);
    agrees(result.interval[1], 0.53462);
    agrees(result.standardError, 0.12478);
    agrees(result.pValue, 0.02016);
  });

  it('matches gbstats test_two_sided_ttest_binom (conversion rates 14/28 and 16/30)', () => {
    const result = frequentistTest(
      effectMoments(
        proportionMoments({ conversions: 14, n: 28 }),
        proportionMoments({ conversions: 16, n: 30 }),
      ),
    );
    agrees(result.estimate, 0.06667);
    agrees(result.interval[0], -0.47767);
    agrees(result.interval[1], 0.61101);
    agrees(result.standardError, 0.2717);
    agrees(result.pValue, 0.80707);
  });

  it('refuses impossible sums, like gbstats test_two_sided_ttest_missing_variance', () => {
    const broken = meanMoments({ sum: 1396.87, sumSquares: 52377.9767, n: 2 });
    const result = frequentistTest(effectMoments(broken, variant));
    assert.equal(result.testable, false);
    assert.equal(result.pValue, 1);
  });

  it('has nothing to test with an empty arm or a zero control', () => {
    const empty = meanMoments({ sum: 0, sumSquares: 0, n: 0 });
    assert.equal(frequentistTest(effectMoments(empty, variant)).testable, false);
    const zero = proportionMoments({ conversions: 0, n: 500 });
    assert.equal(frequentistTest(effectMoments(zero, variant)).testable, false);
    // The absolute difference is still testable against a zero control.
    assert.equal(frequentistTest(effectMoments(zero, variant), { difference: 'absolute' }).testable, true);
  });
});
