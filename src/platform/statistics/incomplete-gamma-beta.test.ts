import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  chiSquareUpperTail,
  regularisedBeta,
  studentTTwoSidedTail,
  upperRegularisedGamma,
} from './incomplete-gamma-beta.ts';

function close(actual: number, expected: number, relative: number): void {
  assert.ok(
    Math.abs(actual - expected) <= relative * Math.abs(expected),
    `${actual} is not within ${relative} of ${expected}`,
  );
}

describe('incomplete gamma and beta', () => {
  it('gives chi-square upper tails from tables', () => {
    // Critical values (Abramowitz & Stegun table 26.8; any chi-square table).
    close(chiSquareUpperTail(3.841459, 1), 0.05, 1e-6);
    close(chiSquareUpperTail(10.827566, 1), 0.001, 1e-6);
    close(chiSquareUpperTail(5.991465, 2), 0.05, 1e-6);
    close(chiSquareUpperTail(13.815511, 2), 0.001, 1e-6);
    close(chiSquareUpperTail(18.307038, 10), 0.05, 1e-6);
    close(chiSquareUpperTail(124.342113, 100), 0.05, 1e-6);
    // One degree of freedom: Q(1/2, x) = erfc(√x); erfc(3) = 2.209049699858544e-5.
    close(upperRegularisedGamma(0.5, 9), 2.209049699858544e-5, 1e-9);
    assert.equal(chiSquareUpperTail(0, 3), 1);
  });

  it('gives Student-t two-sided tails from tables, also for fractional and huge degrees of freedom', () => {
    // t tables: t_{0.975, 10} = 2.228139, t_{0.995, 30} = 2.749996, t_{0.975, 1} = 12.706205.
    close(studentTTwoSidedTail(2.228139, 10), 0.05, 1e-6);
    close(studentTTwoSidedTail(2.749996, 30), 0.01, 1e-6);
    close(studentTTwoSidedTail(12.706205, 1), 0.05, 1e-6);
    // Towards the normal: 2 Φ(−1.959964) = 0.05.
    close(studentTTwoSidedTail(1.959964, 1e9), 0.05, 1e-6);
    close(studentTTwoSidedTail(4, 2e6), 6.334248e-5, 1e-4);
    assert.equal(studentTTwoSidedTail(0, 5), 1);
  });

  it('keeps I_x(a, b) symmetric: I_x(a, b) = 1 − I_{1−x}(b, a)', () => {
    for (const [x, a, b] of [
      [0.3, 2, 5],
      [0.9, 0.5, 40],
      [0.01, 300, 0.5],
    ] as const) {
      close(regularisedBeta(x, a, b), 1 - regularisedBeta(1 - x, b, a), 1e-10);
    }
    // I_x(1, 1) = x; I_x(a, 1) = x^a.
    close(regularisedBeta(0.37, 1, 1), 0.37, 1e-12);
    close(regularisedBeta(0.5, 3, 1), 0.125, 1e-12);
  });
});
