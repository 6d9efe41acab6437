import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectedPurchases } from './bg-nbd-expectations.ts';
import { probabilityOfPurchaseCount } from './bg-nbd-purchase-count.ts';

// Fader, Hardie & Lee (2005), the published CDNOW estimates.
const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

function assertRelative(actual: number, expected: number, tolerance: number, what: string): void {
  assert.ok(Math.abs(actual / expected - 1) <= tolerance, `${what}: ${actual}, expected ${expected}`);
}

test('P(X(39) = 0) and P(X(2) = 10) match the published values', () => {
  // statistics.md §2, from `lifetimes`' tests of the BG/NBD fitter with the paper's parameters.
  assertRelative(probabilityOfPurchaseCount(published, 39, 0), 0.5737864, 1e-6, 'P(X(39)=0)');
  assertRelative(probabilityOfPurchaseCount(published, 2, 10), 1.07869e-7, 1e-5, 'P(X(2)=10)');
});

test('P(X(30) = n) for n = 11 … 20 matches the published values', () => {
  // statistics.md §2 (lifetimes tests), to the ten decimals given.
  const expected = [
    0.0019995214, 0.0015170236, 0.001163315, 0.0009003148, 0.0007023638, 0.0005517902, 0.0004361913,
    0.0003467171, 0.0002769613, 0.000222226,
  ];
  expected.forEach((value, i) => {
    const n = 11 + i;
    const actual = probabilityOfPurchaseCount(published, 30, n);
    assert.ok(Math.abs(actual - value) <= 5e-11, `P(X(30)=${n}): ${actual}, expected ${value}`);
  });
});

test('the probabilities sum to 1 and their mean is E[X(t)], two formulas that share no code', () => {
  // The second set has frequent buyers (mean of 13 purchases in 52 weeks for one who stays), so that
  // both ways of taking the tail P(NB ≥ n) are used.
  for (const parameters of [published, { r: 2.5, alpha: 10, a: 1.2, b: 4 }]) {
    for (const t of [1, 13, 52]) {
      let total = 0;
      let mean = 0;
      // By n = 500 the terms are below 1e-15 (they shrink by about t/(α+t) per step).
      for (let n = 0; n < 500; n++) {
        const p = probabilityOfPurchaseCount(parameters, t, n);
        total += p;
        mean += n * p;
      }
      assert.ok(Math.abs(total - 1) < 1e-9, `t ${t}: Σ P = ${total}`);
      assertRelative(mean, expectedPurchases(parameters, t), 1e-8, `t ${t}: Σ n·P`);
    }
  }
});

test('at t = 0 no purchase has happened yet; bad arguments are refused', () => {
  assert.equal(probabilityOfPurchaseCount(published, 0, 0), 1);
  assert.equal(probabilityOfPurchaseCount(published, 0, 3), 0);
  assert.throws(() => probabilityOfPurchaseCount(published, 5, 1.5), RangeError);
  assert.throws(() => probabilityOfPurchaseCount(published, -1, 0), RangeError);
});
