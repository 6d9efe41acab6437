import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { AppError } from '../../../platform/errors.ts';
import { changedPrice } from './price-rounding.ts';

const EUR = 2;
const JPY = 0;

test('percent changes round once, exactly, to the nearest minor unit (halves up)', () => {
  assert.equal(changedPrice(1999, { by: 'percent', percent: 10 }, { mode: 'none' }, EUR), 2199); // 2198.9
  assert.equal(changedPrice(1005, { by: 'percent', percent: -50 }, { mode: 'none' }, EUR), 503); // 502.5
  assert.equal(changedPrice(333, { by: 'percent', percent: 33.33 }, { mode: 'none' }, EUR), 444); // 443.98…
  // 0.1 + 0.2 style float error must not leak: 1.15 × 100 is 114.99999… in floating point.
  assert.equal(changedPrice(100, { by: 'percent', percent: 15 }, { mode: 'none' }, EUR), 115);
});

test('.99 endings pick the nearest price ending in 99; whole units round to the nearest unit', () => {
  const ending99 = { mode: 'ending', ending: 99 } as const;
  assert.equal(changedPrice(1000, { by: 'percent', percent: 10 }, ending99, EUR), 1099); // 11.00 → 10.99
  assert.equal(changedPrice(2550, { by: 'percent', percent: 10 }, ending99, EUR), 2799); // 28.05 → 27.99
  assert.equal(changedPrice(4999, { by: 'percent', percent: 10 }, ending99, EUR), 5499); // 54.989 → 54.99
  assert.equal(changedPrice(1049, { by: 'amount', amount: 0 }, ending99, EUR), 1099); // tie at 10.49: up
  assert.equal(
    changedPrice(30, { by: 'amount', amount: 0 }, ending99, EUR),
    99,
    'never below the first ending',
  );
  assert.equal(changedPrice(2550, { by: 'amount', amount: 100 }, { mode: 'whole' }, EUR), 2700); // 26.50 → 27
  assert.equal(changedPrice(2549, { by: 'amount', amount: 100 }, { mode: 'whole' }, EUR), 2600);
});

test('currencies without minor units use a step: ¥1,980-style endings', () => {
  const yen = { mode: 'ending', ending: 980, step: 1000 } as const;
  assert.equal(changedPrice(2000, { by: 'percent', percent: 5 }, yen, JPY), 1980); // 2100 → 1980
  assert.equal(changedPrice(2400, { by: 'percent', percent: 5 }, yen, JPY), 2980); // 2520 → 2980
  assert.throws(
    () => changedPrice(2000, { by: 'percent', percent: 5 }, { mode: 'ending', ending: 99 }, JPY),
    (err: unknown) => err instanceof AppError && err.code === 'invalid_rounding',
  );
});

test('a change below zero is refused, not clamped', () => {
  assert.throws(
    () => changedPrice(500, { by: 'amount', amount: -501 }, { mode: 'none' }, EUR),
    (err: unknown) => err instanceof AppError && err.code === 'price_below_zero',
  );
  assert.equal(changedPrice(500, { by: 'amount', amount: -500 }, { mode: 'none' }, EUR), 0);
});

test('property: an ending result always ends in the ending and is the nearest such price', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 10_000_000 }),
      fc.integer({ min: -9999, max: 50_000 }),
      fc.integer({ min: 0, max: 99 }),
      (amount, basisPoints, ending) => {
        const percent = basisPoints / 100;
        const result = changedPrice(amount, { by: 'percent', percent }, { mode: 'ending', ending }, EUR);
        assert.equal(result % 100, ending);
        const exact = (amount * (10_000 + basisPoints)) / 10_000;
        // No other price with this ending is strictly nearer (ties may go either way by a rounding hair).
        for (const other of [result - 100, result + 100]) {
          if (other < 0) continue;
          assert.ok(
            Math.abs(exact - result) <= Math.abs(exact - other) + 1e-6,
            `${amount} ${percent} → ${result}`,
          );
        }
      },
    ),
  );
});
