import assert from 'node:assert/strict';
import { test } from 'node:test';
import { conditionalExpectedPurchases, expectedPurchases, probabilityAlive } from './bg-nbd-expectations.ts';
import { fitBgNbd } from './fit-bg-nbd.ts';
import { cdnowCustomers } from './testing/cdnow.ts';

// Fader, Hardie & Lee (2005), the published CDNOW estimates.
const published = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

function assertWithin(actual: number, expected: number, tolerance: number, what: string): void {
  assert.ok(
    Math.abs(actual - expected) <= tolerance,
    `${what}: ${actual}, expected ${expected} ± ${tolerance}`,
  );
}

test('E[X(t)] of a new CDNOW customer matches the published curve', () => {
  // statistics.md §2, from `lifetimes`' test against Hardie's spreadsheet for the BG/NBD paper, with
  // the parameters fitted on CDNOW: t in weeks → E[X(t)].
  const fitted = fitBgNbd(cdnowCustomers()).parameters;
  const curve: [number, number][] = [
    [0.1429, 0.0078],
    [1, 0.0532],
    [3, 0.1506],
    [31.8571, 1.0405],
    [32, 1.0437],
  ];
  for (const [t, expected] of curve) assertWithin(expectedPurchases(fitted, t), expected, 5e-5, `E[X(${t})]`);
  // The spreadsheet's 1.8576 at t = 78 sums too few terms of ₂F₁ at z = 78/82.4 = 0.95 (lifetimes
  // checks it to 3 decimals only); the series summed to convergence gives 1.857972 (mpmath 1.3.0,
  // 30 digits, at these fitted parameters).
  const at78 = expectedPurchases(fitted, 78);
  assertWithin(at78, 1.8576, 5e-4, 'E[X(78)] against the spreadsheet');
  assertWithin(at78, 1.857972, 5e-6, 'E[X(78)] against the converged series');
});

test('customer 1 of CDNOW (x 2, t_x 30.43, T 38.86): E[X(39)] 1.226, P(alive) 0.7266', () => {
  // statistics.md §2: E[X(39)] 1.226 [pub], from the BG/NBD paper's CDNOW example; P(alive) 0.7266 [derived].
  const history = { repeatPurchases: 2, lastPurchaseTime: 30.43, age: 38.86 };
  assertWithin(conditionalExpectedPurchases(published, history, 39), 1.226, 5e-4, 'E[X(39)]');
  assertWithin(probabilityAlive(published, history), 0.7266, 5e-5, 'P(alive)');
});

test('E[X(39) | history] for the first ten CDNOW customers', () => {
  // statistics.md §2 [derived] with the published (rounded) parameters.
  const expected = [1.226, 0.2032, 0.1951, 0.1951, 0.1951, 3.3371, 0.3016, 0.1951, 1.3243, 0.1951];
  cdnowCustomers()
    .slice(0, 10)
    .forEach((history, i) => {
      assertWithin(
        conditionalExpectedPurchases(published, history, 39),
        expected[i]!,
        5e-5,
        `customer ${i + 1}`,
      );
    });
});

test('heavy buyers and long horizons, where the direct ₂F₁ overflows', () => {
  // Reference values from mpmath 1.3.0 (30 digits) on the untransformed formula, published parameters.
  const cases: [number, number, number, number, number][] = [
    // x, t_x, T, t, E[X(t) | x, t_x, T]
    [11, 37.14, 38.86, 39, 7.23952142590162],
    [200, 38, 40, 39, 3.294027318129615],
    [200, 38, 40, 1000, 21.887000769591],
    [5, 0.5, 40, 365, 0.00134448394672184],
  ];
  for (const [x, tx, T, t, expected] of cases) {
    const actual = conditionalExpectedPurchases(
      published,
      { repeatPurchases: x, lastPurchaseTime: tx, age: T },
      t,
    );
    assertWithin(actual, expected, 1e-9 * expected, `x ${x}, t_x ${tx}, T ${T}, t ${t}`);
  }
  // Gone for good: P(alive) ~1e-178, and the expectation with it, without NaN on the way.
  const gone = conditionalExpectedPurchases(
    published,
    { repeatPurchases: 200, lastPurchaseTime: 1, age: 40 },
    1000,
  );
  assertWithin(gone / 2.1650700725129474e-178, 1, 1e-6, 'x 200, t_x 1, T 40, t 1000');
});

test('a customer without repeat purchases is certainly alive, and at t = 0 nothing is expected', () => {
  const newcomer = { repeatPurchases: 0, lastPurchaseTime: 0, age: 12 };
  assert.equal(probabilityAlive(published, newcomer), 1);
  assert.equal(conditionalExpectedPurchases(published, newcomer, 0), 0);
  assert.equal(expectedPurchases(published, 0), 0);
});

test('a = 1, where the formula is 0/0, gives the limit the neighbouring values approach', () => {
  const history = { repeatPurchases: 3, lastPurchaseTime: 20, age: 30 };
  const at = (a: number) => conditionalExpectedPurchases({ ...published, a }, history, 26);
  const limit = at(1);
  assert.ok(Number.isFinite(limit));
  // The expectation is smooth in a: the value at 1 lies between, and close to, those at 1 ± 1e-3.
  const [below, above] = [at(1 - 1e-3), at(1 + 1e-3)];
  assert.ok(Math.min(below, above) <= limit && limit <= Math.max(below, above), `${below} ${limit} ${above}`);
  assertWithin(limit, (below + above) / 2, 1e-6, 'a = 1');
});

test('never negative, and more time never means fewer expected purchases', () => {
  const history = { repeatPurchases: 4, lastPurchaseTime: 25, age: 38.86 };
  let previous = 0;
  for (let t = 1; t <= 520; t += 13) {
    const value = conditionalExpectedPurchases(published, history, t);
    assert.ok(value >= previous, `t ${t}: ${value} < ${previous}`);
    previous = value;
  }
});
