import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { logAddExp } from './log-add-exp.ts';

test('adds terms whose exponentials overflow or underflow on their own', () => {
  // ln(2·e^1000) = 1000 + ln 2; ln(e^−1000 + e^−1001) = −1000 + ln(1 + e^−1).
  assert.ok(Math.abs(logAddExp(1000, 1000) - (1000 + Math.LN2)) < 1e-12);
  assert.ok(Math.abs(logAddExp(-1000, -1001) - (-1000 + Math.log(1 + Math.exp(-1)))) < 1e-12);
});

test('an empty term (−∞) leaves the other unchanged', () => {
  assert.equal(logAddExp(Number.NEGATIVE_INFINITY, -3.5), -3.5);
  assert.equal(logAddExp(2, Number.NEGATIVE_INFINITY), 2);
});

test('agrees with the direct formula where that does not overflow', () => {
  fc.assert(
    fc.property(
      fc.double({ min: -50, max: 50, noNaN: true }),
      fc.double({ min: -50, max: 50, noNaN: true }),
      (a, b) => {
        const direct = Math.log(Math.exp(a) + Math.exp(b));
        return Math.abs(logAddExp(a, b) - direct) <= 1e-12 * Math.max(1, Math.abs(direct));
      },
    ),
  );
});
