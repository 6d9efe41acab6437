import assert from 'node:assert/strict';
import { test } from 'node:test';
import { conditionalExpectedPurchases } from './bg-nbd-expectations.ts';
import { customerLifetimeValue, weeksPerMonth } from './customer-lifetime-value.ts';
import { expectedAverageSpend } from './expected-average-spend.ts';
import { fitBgNbd } from './fit-bg-nbd.ts';
import { fitGammaGamma } from './fit-gamma-gamma.ts';
import { cdnowCustomers } from './testing/cdnow.ts';

const customers = cdnowCustomers();
const bgNbd = fitBgNbd(customers).parameters;
const gammaGamma = fitGammaGamma(customers).parameters;

function assertWithin(actual: number, expected: number, tolerance: number, what: string): void {
  assert.ok(
    Math.abs(actual - expected) <= tolerance,
    `${what}: ${actual}, expected ${expected} ± ${tolerance}`,
  );
}

test('12-month CLV of the first ten CDNOW customers, weekly data (4.345 weeks a month, 1 % a month)', () => {
  // statistics.md §2 [derived]: both models fitted on CDNOW, f = 4.345, H = 12, d = 0.01.
  const expected = [36.2785, 4.6375, 8.3441, 8.3441, 8.3441, 283.5236, 6.8814, 8.3441, 43.3536, 8.3441];
  const horizon = { months: 12, monthlyDiscountRate: 0.01, periodsPerMonth: 4.345 };
  customers.slice(0, 10).forEach((history, i) => {
    const value = customerLifetimeValue(bgNbd, gammaGamma, history, horizon);
    assertWithin(value, expected[i]!, 1e-4, `customer ${i + 1}`);
  });
});

test('the known trap: 30 periods a month on weekly data gives the lifetimes quick-start figures', () => {
  // statistics.md §2 [pub]: the `lifetimes` quick-start prints 140.0962 (customer 1) and 1003.868
  // (customer 6) because its default counts 30 periods a month — 30 weeks here. With the month in
  // weeks the values are about a quarter of that; this is why periodsPerMonth has no default.
  const trap = { months: 12, monthlyDiscountRate: 0.01, periodsPerMonth: 30 };
  assertWithin(customerLifetimeValue(bgNbd, gammaGamma, customers[0]!, trap), 140.0962, 1e-4, 'customer 1');
  assertWithin(customerLifetimeValue(bgNbd, gammaGamma, customers[5]!, trap), 1003.868, 1e-3, 'customer 6');
  const right = { ...trap, periodsPerMonth: weeksPerMonth };
  assert.ok(customerLifetimeValue(bgNbd, gammaGamma, customers[0]!, right) < 40);
});

test('without discounting, CLV is expected spend × expected purchases over the whole horizon', () => {
  // The monthly increments telescope to E[X(H·f) | history] when d = 0; discounting each month's share
  // by 1.01^1 … 1.01^H puts the discounted value between the total / 1.01^H and the total / 1.01.
  const history = customers[5]!;
  const months = 24;
  const horizon = { months, monthlyDiscountRate: 0, periodsPerMonth: weeksPerMonth };
  const undiscounted = customerLifetimeValue(bgNbd, gammaGamma, history, horizon);
  const total =
    expectedAverageSpend(gammaGamma, history) *
    conditionalExpectedPurchases(bgNbd, history, months * weeksPerMonth);
  assertWithin(undiscounted, total, 1e-9 * total, 'undiscounted');
  const discounted = customerLifetimeValue(bgNbd, gammaGamma, history, {
    ...horizon,
    monthlyDiscountRate: 0.01,
  });
  assert.ok(total / 1.01 ** months < discounted && discounted < total / 1.01, `${discounted} vs ${total}`);
});

test('a zero-month horizon is worth nothing; nonsense horizons are refused', () => {
  const history = customers[0]!;
  const horizon = { months: 0, monthlyDiscountRate: 0.01, periodsPerMonth: weeksPerMonth };
  assert.equal(customerLifetimeValue(bgNbd, gammaGamma, history, horizon), 0);
  for (const bad of [
    { ...horizon, months: 1.5 },
    { ...horizon, months: 12, periodsPerMonth: 0 },
    { ...horizon, months: 12, monthlyDiscountRate: -1 },
  ]) {
    assert.throws(() => customerLifetimeValue(bgNbd, gammaGamma, history, bad), RangeError);
  }
});
