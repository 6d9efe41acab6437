import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generalizedEsd } from './generalized-esd.ts';

// Rosner (1983), "Percentage points for a generalized ESD many-outlier procedure", Technometrics 25(2),
// the 54-value example reproduced in the NIST/SEMATECH e-Handbook of Statistical Methods §1.3.5.17.3
// and in scikit-posthocs' test_outliers_gesd (docs/shared reference statistics.md §3).
const rosner = [
  -0.25, 0.68, 0.94, 1.15, 1.2, 1.26, 1.26, 1.34, 1.38, 1.43, 1.49, 1.49, 1.55, 1.56, 1.58, 1.65, 1.69, 1.7,
  1.76, 1.77, 1.81, 1.91, 1.94, 1.96, 1.99, 2.06, 2.09, 2.1, 2.14, 2.15, 2.23, 2.24, 2.26, 2.35, 2.37, 2.4,
  2.47, 2.54, 2.62, 2.64, 2.9, 2.92, 2.92, 2.93, 3.21, 3.26, 3.3, 3.59, 3.68, 4.3, 4.64, 5.34, 5.42, 6.01,
];

describe('generalizedEsd', () => {
  it('finds exactly 6.01, 5.42 and 5.34 in Rosner’s 54 values with at most 5 outliers', () => {
    const result = generalizedEsd(rosner, { maxOutliers: 5, alpha: 0.05 });
    assert.deepEqual(
      result.outliers.map((index) => rosner[index]),
      [6.01, 5.42, 5.34],
    );
  });

  it('reproduces the reference (Rᵢ, λᵢ) pairs to their three published decimals', () => {
    // statistics.md §3, from the Rosner / NIST example; each computed value must round to the listed one.
    const expected = [
      [3.119, 3.159],
      [2.943, 3.151],
      [3.179, 3.144],
      [2.81, 3.136],
      [2.816, 3.128],
    ];
    const { steps } = generalizedEsd(rosner, { maxOutliers: 5, alpha: 0.05 });
    assert.equal(steps.length, 5);
    steps.forEach((step, i) => {
      assert.ok(Math.abs(step.statistic - expected[i]![0]!) <= 0.0005, `R${i + 1} = ${step.statistic}`);
      assert.ok(Math.abs(step.critical - expected[i]![1]!) <= 0.0005, `λ${i + 1} = ${step.critical}`);
    });
    // The second statistic is below its critical value and the third above: the test must keep going
    // past a failure (masking), which is what makes it "generalised".
    assert.ok(steps[1]!.statistic < steps[1]!.critical);
    assert.ok(steps[2]!.statistic > steps[2]!.critical);
  });

  it('finds nothing in a sample without outliers and stops when the spread is zero', () => {
    const calm = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    assert.deepEqual(generalizedEsd(calm, { maxOutliers: 3 }).outliers, []);
    const flat = [5, 5, 5, 5, 5, 5, 5, 5];
    assert.deepEqual(generalizedEsd(flat, { maxOutliers: 2 }), { outliers: [], steps: [] });
  });

  it('with the robust centre, one huge value cannot hide a second one (median and MAD)', () => {
    const values = [10, 11, 9, 10, 12, 10, 9, 11, 10, 10, 11, 9, 10, 1000, 60];
    const robust = generalizedEsd(values, { maxOutliers: 3, centre: 'median' });
    assert.deepEqual(
      robust.outliers.map((index) => values[index]!).sort((a, b) => a - b),
      [60, 1000],
    );
  });

  it('one-sided: looks only at the side asked for', () => {
    const values = [...rosner.slice(0, 50), -9];
    assert.deepEqual(generalizedEsd(values, { maxOutliers: 2, alternative: 'greater' }).outliers, []);
    const low = generalizedEsd(values, { maxOutliers: 2, alternative: 'less' });
    assert.deepEqual(
      low.outliers.map((index) => values[index]),
      [-9],
    );
  });

  it('refuses a maximum that leaves fewer than three values', () => {
    assert.throws(() => generalizedEsd([1, 2, 3, 4], { maxOutliers: 2 }), RangeError);
  });
});
