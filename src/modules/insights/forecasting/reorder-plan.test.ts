// The whole reorder plan for one variant, worked by hand: 10 a day forecast with error sd 3.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planReorder, type ReorderPlanInput } from './reorder-plan.ts';

const input: ReorderPlanInput = {
  demand: { forecast: new Array<number>(60).fill(10), residualSd: 3 },
  firstDay: '2025-03-01',
  available: 50,
  incoming: [{ units: 40, arrivesOn: '2025-03-04' }],
  leadTimeDays: 7,
  reviewPeriodDays: 14,
  serviceLevel: 0.95,
  packSize: 12,
  minimumOrderQuantity: 24,
};
const z95 = 1.6448536269514722;

test('safety stock and reorder point over the 7-day lead time', () => {
  const plan = planReorder(input);
  // 1.644854 × 3 × √7 = 13.06; 70 + 13.06 = 83.06; 50 + 40 on hand and on the way is above it.
  assert.ok(Math.abs(plan.safetyStock - 13.0557) < 5e-4, `${plan.safetyStock}`);
  assert.ok(Math.abs(plan.reorderPoint - 83.0557) < 5e-4, `${plan.reorderPoint}`);
  assert.equal(plan.inventoryPosition, 90);
  assert.equal(plan.reorderNow, false);
});

test('the 40 arriving on 4 March carry the stock to day 9: out of stock on 10 March', () => {
  const plan = planReorder(input);
  // 50 + 40 = 90 units at 10 a day last exactly 9 days; on day 9 (10 March) demand reaches 100.
  assert.equal(plan.daysOfCover, 9);
  assert.equal(plan.stockOutDate, '2025-03-10');
});

test('the order covers 21 days plus their safety stock, in packs of 12', () => {
  const { order } = planReorder(input);
  // 210 + 1.644854 × 3 × √21 (22.61) = 232.61 → 233; 233 − 50 − 40 = 143 → 12 packs = 144.
  assert.ok(Math.abs(order.safetyStock - z95 * 3 * Math.sqrt(21)) < 1e-9);
  assert.equal(order.targetUnits, 233);
  assert.equal(order.shortfall, 143);
  assert.equal(order.quantity, 144);
  assert.equal(order.roundedUpBy, 'packs');
});

test('a lead time varying by 2 days (sd) widens the safety stock: 1.644854 × √(7·9 + 10²·4) = 35.39', () => {
  const plan = planReorder({ ...input, leadTimeSdDays: 2 });
  assert.ok(Math.abs(plan.safetyStock - 35.393) < 5e-3, `${plan.safetyStock}`);
});

test('with the economic lot: √(2 × 5000 × 3650 / 250) = 382.1 → 32 packs of 12', () => {
  // Order cost 50.00 and holding cost 2.50 per unit-year, both in cents.
  const plan = planReorder({ ...input, economicLot: { orderCost: 5000, holdingCostPerUnitYear: 250 } });
  assert.ok(Math.abs(plan.economicOrderQuantity! - 382.099) < 1e-3, `${plan.economicOrderQuantity}`);
  assert.equal(plan.order.quantity, 384);
  assert.equal(plan.order.roundedUpBy, 'economic-lot');
});

test('stock on its way with no date is taken to arrive after the lead time', () => {
  const plan = planReorder({ ...input, incoming: [{ units: 40 }] });
  // They arrive on day 7; the 50 available last 5 days, and on day 5 (6 March) demand reaches 60.
  assert.equal(plan.stockOutDate, '2025-03-06');
});

test('refuses a forecast too short for lead time + review period, and a bad first day', () => {
  assert.throws(
    () => planReorder({ ...input, demand: { forecast: new Array<number>(14).fill(10), residualSd: 3 } }),
    RangeError,
  );
  assert.throws(() => planReorder({ ...input, firstDay: 'soon' }), RangeError);
});
