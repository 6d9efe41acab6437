import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seededRandom } from '../../../platform/random/seeded-random.ts';
import { meanMoments, proportionMoments } from './arm-moments.ts';
import { cupedEffectMoments } from './cuped.ts';
import { effectMoments } from './effect-moments.ts';
import { frequentistTest } from './frequentist-test.ts';
import { sequentialTest } from './sequential-interval.ts';

function agrees(actual: number, expected: number): void {
  assert.ok(
    Math.abs(actual - expected) <= 5e-5 * Math.abs(expected) + 1e-5,
    `${actual} differs from the reference ${expected}`,
  );
}

const control = meanMoments({ sum: 1396.87, sumSquares: 52377.9767, n: 3000 });
const variant = meanMoments({ sum: 2422.7, sumSquares: 134698.29, n: 3461 });

// Test vectors from GrowthBook's stats engine: repository growthbook/growthbook,
// packages/stats/tests/frequentist/test_tests.py, class TestSequentialTTest.
describe('sequentialTest (asymptotic confidence sequence)', () => {
  it('matches gbstats test_sequential_test_runs (tuning 1,000)', () => {
    const result = sequentialTest(effectMoments(control, variant), { tuning: 1000 });
    agrees(result.estimate, 0.50336);
    agrees(result.interval[0], -0.55844);
    agrees(result.interval[1], 1.56516);
    agrees(result.standardError, 0.33341);
    assert.equal(result.significant, false);
  });

  it('matches gbstats test_sequential_test_runs_prop (default tuning 5,000)', () => {
    const result = sequentialTest(
      effectMoments(
        proportionMoments({ conversions: 1396, n: 3000 }),
        proportionMoments({ conversions: 2422, n: 3461 }),
      ),
    );
    agrees(result.estimate, 0.50386);
    agrees(result.interval[0], 0.40098);
    agrees(result.interval[1], 0.60675);
    agrees(result.standardError, 0.03386);
    assert.equal(result.significant, true);
  });

  it('matches gbstats test_sequential_test_runs_ra (with CUPED)', () => {
    const result = sequentialTest(
      cupedEffectMoments(
        {
          n: 3000,
          sum: 1396.87,
          sumSquares: 52377.9767,
          preSum: 16.87,
          preSumSquares: 527.9767,
          crossProductSum: 1,
        },
        {
          n: 3461,
          sum: 2422.7,
          sumSquares: 134698.29,
          preSum: 22.7,
          preSumSquares: 1348.29,
          crossProductSum: 1,
        },
      ),
    );
    agrees(result.estimate, 0.50338);
    agrees(result.interval[0], -0.50969);
    agrees(result.interval[1], 1.51646);
    agrees(result.standardError, 0.33341);
  });

  it('is tightest when tuned near the actual visitors, like gbstats test_sequential_test_tuning_as_expected', () => {
    const moments = effectMoments(control, variant);
    const width = (tuning: number) => {
      const [low, high] = sequentialTest(moments, { tuning }).interval;
      return high - low;
    };
    assert.ok(width(10) > width(10_000));
    assert.ok(width(10_000) > width(6461));
    // And always wider than the fixed-horizon interval.
    const fixed = frequentistTest(moments).interval;
    assert.ok(width(6461) > fixed[1] - fixed[0]);
  });

  it('keeps false positives under 5% when an A/A test is looked at every day, where a fixed-horizon test does not', () => {
    // 400 A/A experiments at 10% conversion, 500 visitors per arm per day, read each of 20 days.
    const random = seededRandom(20261124);
    let sequentialFalseWinners = 0;
    let peekingFalseWinners = 0;
    for (let experiment = 0; experiment < 400; experiment++) {
      const a = { n: 0, conversions: 0 };
      const b = { n: 0, conversions: 0 };
      let sequentialFired = false;
      let peekingFired = false;
      for (let day = 0; day < 20; day++) {
        a.n += 500;
        b.n += 500;
        a.conversions += random.binomial(500, 0.1);
        b.conversions += random.binomial(500, 0.1);
        const moments = effectMoments(proportionMoments(a), proportionMoments(b));
        if (sequentialTest(moments, { tuning: 20_000 }).significant) sequentialFired = true;
        if (frequentistTest(moments).pValue < 0.05) peekingFired = true;
      }
      if (sequentialFired) sequentialFalseWinners++;
      if (peekingFired) peekingFalseWinners++;
    }
    assert.ok(sequentialFalseWinners / 400 <= 0.05, `${sequentialFalseWinners} of 400`);
    assert.ok(peekingFalseWinners / 400 > 0.1, `${peekingFalseWinners} of 400`);
  });
});
