import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { toBaseCurrencyCost, weightedAverageCost } from './receipt-costs.ts';

describe('receipt costs', () => {
  test("converting to the store's currency rounds half up and respects each currency's minor units", () => {
    assert.equal(toBaseCurrencyCost(1234, 'EUR', 'EUR', 1), 1234);
    // 10.55 USD × 0.9 = 9.495 EUR.
    assert.equal(toBaseCurrencyCost(1055, 'USD', 'EUR', 0.9), 950);
    // 1155 × 1.1 is 1270.4999999999998 in binary floating point; a person computes 1270.5.
    assert.equal(toBaseCurrencyCost(1155, 'USD', 'EUR', 1.1), 1271);
    assert.equal(toBaseCurrencyCost(1154, 'USD', 'EUR', 1.1), 1269);
    // ¥1000 at 0.0062 EUR per yen: 6.20 EUR.
    assert.equal(toBaseCurrencyCost(1000, 'JPY', 'EUR', 0.0062), 620);
    // 19.99 EUR at 160.5 JPY per euro: ¥3208.395.
    assert.equal(toBaseCurrencyCost(1999, 'EUR', 'JPY', 160.5), 3208);
    // 1.00 EUR at 0.3335 KWD: 0.3335 KWD = 333.5 fils.
    assert.equal(toBaseCurrencyCost(100, 'EUR', 'KWD', 0.3335), 334);
  });

  test('the weighted average over stock before and the receipt, rounded half up', () => {
    // (10 × 5.00 + 5 × 5.30) / 15 = 5.10 exactly.
    assert.equal(
      weightedAverageCost({ onHandBefore: 10, averageBefore: 500, quantity: 5, unitCost: 530 }),
      510,
    );
    // (14 × 5.00 + 10 × 5.30) / 24 = 5.125 → 5.13.
    assert.equal(
      weightedAverageCost({ onHandBefore: 14, averageBefore: 500, quantity: 10, unitCost: 530 }),
      513,
    );
    // In minor units: (3 × 1 + 1 × 2) / 4 = 1.25 → 1, and (1 × 1 + 1 × 2) / 2 = 1.5 → 2 (half up).
    assert.equal(weightedAverageCost({ onHandBefore: 3, averageBefore: 1, quantity: 1, unitCost: 2 }), 1);
    assert.equal(weightedAverageCost({ onHandBefore: 1, averageBefore: 1, quantity: 1, unitCost: 2 }), 2);
    // (17 × 7.99 + 7 × 8.49) / 24 = 8.1358… → 8.14.
    assert.equal(
      weightedAverageCost({ onHandBefore: 17, averageBefore: 799, quantity: 7, unitCost: 849 }),
      814,
    );
  });

  test('with no earlier average, or nothing or less on hand before, the receipt cost is the average', () => {
    assert.equal(
      weightedAverageCost({ onHandBefore: 40, averageBefore: null, quantity: 5, unitCost: 700 }),
      700,
    );
    assert.equal(
      weightedAverageCost({ onHandBefore: 0, averageBefore: 300, quantity: 5, unitCost: 700 }),
      700,
    );
    assert.equal(
      weightedAverageCost({ onHandBefore: -3, averageBefore: 300, quantity: 5, unitCost: 700 }),
      700,
    );
  });

  test('property: the average lies between the old average and the receipt cost, within half a minor unit of exact', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        (onHandBefore, averageBefore, quantity, unitCost) => {
          const average = weightedAverageCost({ onHandBefore, averageBefore, quantity, unitCost });
          assert.ok(
            average >= Math.min(averageBefore, unitCost) && average <= Math.max(averageBefore, unitCost),
          );
          const total = BigInt(onHandBefore) * BigInt(averageBefore) + BigInt(quantity) * BigInt(unitCost);
          const units = BigInt(onHandBefore + quantity);
          const error = BigInt(average) * units - total;
          // Half up: −units/2 < error ≤ units/2 (an exact half goes up).
          assert.ok(2n * error > -units && 2n * error <= units, `error ${error} over ${units} units`);
        },
      ),
    );
  });
});
