// Service-level z, safety stock and reorder point against the reference examples.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reorderPoint, safetyStock, serviceLevelZ } from './safety-stock.ts';

test('95% service is z 1.644854 (standard normal table)', () => {
  assert.ok(Math.abs(serviceLevelZ(0.95) - 1.6448536) < 1e-7);
  assert.ok(Math.abs(serviceLevelZ(0.5)) < 1e-12);
});

// /work/shared/reference/statistics.md §4, safety stock [derived]: d̄ 100 a day, σ_d 20, L 4 days, 95%.
test('σ 20 a day over a 4-day lead time at 95%: safety stock 65.79, reorder point 465.79', () => {
  const safety = safetyStock({ serviceLevel: 0.95, demandSd: 20, days: 4 });
  assert.ok(Math.abs(safety - 65.79) < 0.005, `${safety}`);
  const point = reorderPoint(100 * 4, safety);
  assert.ok(Math.abs(point - 465.79) < 0.005, `${point}`);
});

test('the same with a lead time varying by 1 day (sd): safety stock 177.16', () => {
  const safety = safetyStock({
    serviceLevel: 0.95,
    demandSd: 20,
    days: 4,
    meanDemand: 100,
    leadTimeSdDays: 1,
  });
  assert.ok(Math.abs(safety - 177.16) < 0.005, `${safety}`);
});

test('refuses a service level of 0 or 100%, a varying lead time without the mean, and negative spreads', () => {
  assert.throws(() => serviceLevelZ(1), RangeError);
  assert.throws(() => serviceLevelZ(0), RangeError);
  assert.throws(
    () => safetyStock({ serviceLevel: 0.9, demandSd: 1, days: 2, leadTimeSdDays: 1 }),
    RangeError,
  );
  assert.throws(() => safetyStock({ serviceLevel: 0.9, demandSd: -1, days: 2 }), RangeError);
});
