import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSampleRatio } from './sample-ratio-mismatch.ts';

describe('checkSampleRatio (chi-square goodness of fit, flagged at p < 0.001)', () => {
  it('matches gbstats test_srm: 1,000 vs 1,200 on a 50/50 split', () => {
    // Repository growthbook/growthbook, packages/stats/tests/test_gbstats.py, test_srm:
    // check_srm([1000, 1200], [0.5, 0.5]) == 0.000020079 (9 decimals).
    const check = checkSampleRatio([1000, 1200], [0.5, 0.5]);
    assert.ok(Math.abs(check.pValue - 0.000020079) < 5e-10, `${check.pValue}`);
    assert.equal(check.mismatch, true);
  });

  it('uses arms − 1 degrees of freedom (three arms: Q = e^(−χ²/2) for 2 df)', () => {
    // 50 / 30 / 20 against equal thirds: χ² = 14, p = e^−7 = 0.000911882.
    const check = checkSampleRatio([50, 30, 20], [1, 1, 1]);
    assert.ok(Math.abs(check.statistic - 14) < 1e-12);
    assert.equal(check.degreesOfFreedom, 2);
    assert.ok(Math.abs(check.pValue - Math.exp(-7)) < 1e-12);
    assert.equal(check.mismatch, true);
  });

  it('passes a split that follows unequal weights, and a slightly uneven one', () => {
    const exact = checkSampleRatio([8000, 2000], [80, 20]);
    assert.equal(exact.pValue, 1);
    assert.equal(exact.mismatch, false);
    // 5,050 vs 4,950: χ² = 1, p = 0.3173.
    const uneven = checkSampleRatio([5050, 4950], [1, 1]);
    assert.ok(Math.abs(uneven.pValue - 0.3173105) < 1e-6);
    assert.equal(uneven.mismatch, false);
  });

  it('flags visitors in an arm configured with weight 0, and passes no visitors at all', () => {
    assert.equal(checkSampleRatio([100, 100, 3], [1, 1, 0]).mismatch, true);
    assert.equal(checkSampleRatio([0, 0], [1, 1]).mismatch, false);
    assert.throws(() => checkSampleRatio([1, 2], [1]));
  });
});
