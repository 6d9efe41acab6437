import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countLowerTail, countRange, countUpperTail } from './count-tail.ts';

const poisson = (mean: number) => ({ mean, overdispersion: 0 });
const close = (actual: number, expected: number, relative: number) =>
  assert.ok(Math.abs(actual - expected) <= relative * Math.abs(expected), `${actual} vs ${expected}`);

describe('count tails', () => {
  it('Poisson: the closed forms e^−λ Σ λ^k/k!', () => {
    // P(X ≤ 2 | 3) = e^−3 (1 + 3 + 4.5) = 8.5 e^−3; P(X ≤ 1 | 10) = 11 e^−10.
    close(countLowerTail(2, poisson(3)), 8.5 * Math.exp(-3), 1e-12);
    close(countLowerTail(0, poisson(3)), Math.exp(-3), 1e-12);
    close(countUpperTail(3, poisson(3)), 1 - 8.5 * Math.exp(-3), 1e-12);
    close(countLowerTail(1, poisson(10)), 11 * Math.exp(-10), 1e-12);
    assert.equal(countUpperTail(0, poisson(5)), 1);
    assert.equal(countLowerTail(-1, poisson(5)), 0);
  });

  it('negative binomial: the closed forms P(0) = (k/(k+μ))^k, P(1) = k·μ/(k+μ)·P(0)', () => {
    // μ = 10, overdispersion 0.5 (size k = 2): P(0) = (2/12)² = 1/36, P(1) = 2·(10/12)/36 = 5/108.
    const law = { mean: 10, overdispersion: 0.5 };
    close(countLowerTail(0, law), 1 / 36, 1e-12);
    close(countLowerTail(1, law), 1 / 36 + 5 / 108, 1e-12);
  });

  it('matches SciPy’s nbinom and poisson (scipy.stats 1.17) in the exact and the normal regimes', () => {
    // scipy.stats.nbinom(n = 1/a, p = n/(n + μ)); values printed by SciPy, an independent implementation.
    const narrow = { mean: 40, overdispersion: 0.05 };
    close(countLowerTail(15, narrow), 0.0032186994390033096, 1e-9);
    close(countUpperTail(80, narrow), 0.0013639868087235863, 1e-9);
    assert.deepEqual(countRange(narrow, 0.001), { lowest: 13, highest: 81 });
    assert.deepEqual(countRange(poisson(10), 0.001), { lowest: 2, highest: 21 });
    // Standard deviation 505: the Cornish–Fisher expansion stands in for the sums, within 5% in the
    // tails and one count in the quantiles (SciPy: 3582 and 6705).
    const wide = { mean: 5000, overdispersion: 0.01 };
    close(countLowerTail(3399, wide), 0.00019262225932245662, 0.05);
    close(countUpperTail(7000, wide), 0.00018233362597291734, 0.05);
    const range = countRange(wide, 0.001);
    assert.ok(Math.abs(range.lowest - 3582) <= 1, `lowest ${range.lowest}`);
    assert.ok(Math.abs(range.highest - 6705) <= 1, `highest ${range.highest}`);
  });

  it('no count is improbably low when zero itself is ordinary (λ = 3: P(0) = 0.0498)', () => {
    assert.equal(countRange(poisson(3), 0.001).lowest, 0);
    assert.deepEqual(countRange(poisson(0), 0.001), { lowest: 0, highest: 0 });
  });
});
