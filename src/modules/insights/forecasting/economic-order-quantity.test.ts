// EOQ and the EOQ + safety stock (r, Q) approximation against stockpyl's published example.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { economicOrderQuantity, eoqWithSafetyStock } from './economic-order-quantity.ts';

// stockpyl tests/test_rq.py, Snyder & Shen, Fundamentals of Supply Chain Theory, Example 5.1, as
// listed in /work/shared/reference/statistics.md §4: h 0.225, p 7.5, K 8, λ 1300, σ 150, L 1/12.
test('Example 5.1: Q 304.0467800264368, r 190.3369965715624', () => {
  const { orderQuantity, reorderPoint } = eoqWithSafetyStock({
    holdingCostPerUnit: 0.225,
    stockoutCostPerUnit: 7.5,
    orderCost: 8,
    demandRate: 1300,
    demandSd: 150,
    leadTime: 1 / 12,
  });
  assert.ok(Math.abs(orderQuantity - 304.0467800264368) < 1e-9, `${orderQuantity}`);
  assert.ok(Math.abs(reorderPoint - 190.3369965715624) < 1e-9, `${reorderPoint}`);
});

test('only the ratio of order cost to holding cost matters: minor units give the same lot', () => {
  const major = economicOrderQuantity({ annualDemand: 1300, orderCost: 8, holdingCostPerUnitYear: 0.225 });
  const minor = economicOrderQuantity({ annualDemand: 1300, orderCost: 800, holdingCostPerUnitYear: 22.5 });
  assert.ok(Math.abs(major - minor) < 1e-9 && Math.abs(major - 304.0467800264368) < 1e-9);
});

test('refuses a holding cost of zero', () => {
  assert.throws(
    () => economicOrderQuantity({ annualDemand: 10, orderCost: 5, holdingCostPerUnitYear: 0 }),
    RangeError,
  );
});
