import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fitBgNbd } from './fit-bg-nbd.ts';
import { cdnowCustomers } from './testing/cdnow.ts';

function assertWithin(actual: number, expected: number, tolerance: number, what: string): void {
  assert.ok(
    Math.abs(actual - expected) <= tolerance,
    `${what}: ${actual}, expected ${expected} ± ${tolerance}`,
  );
}

test('fits CDNOW to the published BG/NBD estimates', () => {
  const customers = cdnowCustomers();
  const started = performance.now();
  const fit = fitBgNbd(customers);
  // Logged, not asserted: the figure quoted in docs/customer-value.md.
  console.log(
    `BG/NBD fit on ${customers.length} CDNOW customers: ${(performance.now() - started).toFixed(0)} ms`,
  );
  const { r, alpha, a, b } = fit.parameters;
  assert.equal(fit.converged, true);
  // Fader, Hardie & Lee (2005), "Counting your customers the easy way", Marketing Science 24(2):
  // r 0.243, α 4.414, a 0.793, b 2.426 — within 1 %.
  assertWithin(r, 0.243, 0.01 * 0.243, 'r');
  assertWithin(alpha, 4.414, 0.01 * 4.414, 'α');
  assertWithin(a, 0.793, 0.01 * 0.793, 'a');
  assertWithin(b, 2.426, 0.01 * 2.426, 'b');
  // statistics.md §2, the `lifetimes` fit to four decimals: r 0.2426, α 4.4135, a 0.7929, b 2.4258,
  // LL −9582.43 — to rounding of the last digit.
  assertWithin(r, 0.2426, 1e-4, 'r (4 decimals)');
  assertWithin(alpha, 4.4135, 1e-4, 'α (4 decimals)');
  assertWithin(a, 0.7929, 1e-4, 'a (4 decimals)');
  assertWithin(b, 2.4258, 1e-4, 'b (4 decimals)');
  assertWithin(fit.logLikelihood, -9582.43, 0.005, 'LL');
});

test('histories in days give the same customers the same model: α seven times the weekly one', () => {
  const weekly = cdnowCustomers();
  const daily = weekly.map((history) => ({
    ...history,
    lastPurchaseTime: history.lastPurchaseTime * 7,
    age: history.age * 7,
  }));
  const inWeeks = fitBgNbd(weekly).parameters;
  const inDays = fitBgNbd(daily);
  assert.equal(inDays.converged, true);
  assertWithin(inDays.parameters.alpha / 7, inWeeks.alpha, 1e-4 * inWeeks.alpha, 'α / 7');
  assertWithin(inDays.parameters.r, inWeeks.r, 1e-4 * inWeeks.r, 'r');
  assertWithin(inDays.parameters.a, inWeeks.a, 1e-4 * inWeeks.a, 'a');
  assertWithin(inDays.parameters.b, inWeeks.b, 1e-4 * inWeeks.b, 'b');
});

test('reports no convergence when nobody ever came back (the model cannot be identified)', () => {
  const histories = Array.from({ length: 50 }, (_, i) => ({
    repeatPurchases: 0,
    lastPurchaseTime: 0,
    age: 10 + i,
  }));
  assert.equal(fitBgNbd(histories).converged, false);
});

test('refuses an empty list rather than returning made-up parameters', () => {
  assert.throws(() => fitBgNbd([]), RangeError);
});
