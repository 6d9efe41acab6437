import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectedAverageSpend } from './expected-average-spend.ts';
import { fitGammaGamma } from './fit-gamma-gamma.ts';
import { gammaGammaLogLikelihood, gammaGammaTotalLogLikelihood } from './gamma-gamma-likelihood.ts';
import { cdnowCustomers } from './testing/cdnow.ts';

function assertWithin(actual: number, expected: number, tolerance: number, what: string): void {
  assert.ok(
    Math.abs(actual - expected) <= tolerance,
    `${what}: ${actual}, expected ${expected} ± ${tolerance}`,
  );
}

test('fits the 946 CDNOW repeat buyers to the published Gamma-Gamma estimates', () => {
  const started = performance.now();
  const fit = fitGammaGamma(cdnowCustomers());
  // Logged, not asserted: the figure quoted in docs/customer-value.md.
  console.log(`Gamma-Gamma fit on CDNOW: ${(performance.now() - started).toFixed(0)} ms`);
  const { p, q, v } = fit.parameters;
  assert.equal(fit.converged, true);
  assert.equal(fit.repeatBuyers, 946);
  // Fader & Hardie (2013), "The Gamma-Gamma model of monetary value": p 6.25, q 3.74, γ 15.44 — within 1 %.
  assertWithin(p, 6.25, 0.01 * 6.25, 'p');
  assertWithin(q, 3.74, 0.01 * 3.74, 'q');
  assertWithin(v, 15.44, 0.01 * 15.44, 'γ');
  // statistics.md §2, the `lifetimes` fit to four decimals: p 6.2488, q 3.7446, v 15.4477; LL −4055.92 [derived].
  assertWithin(p, 6.2488, 1e-4, 'p (4 decimals)');
  assertWithin(q, 3.7446, 1e-4, 'q (4 decimals)');
  assertWithin(v, 15.4477, 1e-4, 'v (4 decimals)');
  assertWithin(fit.logLikelihood, -4055.92, 0.005, 'LL');
});

test('expected average spend of the first ten CDNOW customers', () => {
  // statistics.md §2 [pub] (lifetimes' Gamma-Gamma quick-start), at the fitted parameters; customers
  // without a repeat purchase get the store-wide mean v·p/(q−1).
  const customers = cdnowCustomers();
  const { parameters } = fitGammaGamma(customers);
  const expected = [24.6586, 18.9115, 35.171, 35.171, 35.171, 71.4629, 18.9115, 35.171, 27.2824, 35.171];
  customers.slice(0, 10).forEach((history, i) => {
    assertWithin(expectedAverageSpend(parameters, history), expected[i]!, 1e-4, `customer ${i + 1}`);
  });
});

test('one buyer’s log-likelihood written out by hand', () => {
  // p 2, q 3, v 10, x 2, m̄ 5: lnΓ(7) − lnΓ(4) − lnΓ(3) + 3·ln 10 + 3·ln 5 + 4·ln 2 − 7·ln 20
  //   = ln(720·1000·125·16 / 12) − 7·ln 20 = ln 1.2e8 − 7·ln 20 = −2.3671236 (hand-computed).
  const ll = gammaGammaLogLikelihood(
    { p: 2, q: 3, v: 10 },
    { repeatPurchases: 2, lastPurchaseTime: 3, age: 5, meanRepeatSpend: 5 },
  );
  const byHand =
    Math.log(720) -
    Math.log(6) -
    Math.log(2) +
    Math.log(1000) +
    Math.log(125) +
    Math.log(16) -
    7 * Math.log(20);
  assertWithin(ll, byHand, 1e-12, 'LL');
  assertWithin(ll, -2.3671236, 1e-7, 'LL');
});

test('the total skips customers without repeat purchases; such a customer alone is refused', () => {
  const parameters = { p: 6, q: 4, v: 15 };
  const buyer = { repeatPurchases: 3, lastPurchaseTime: 20, age: 30, meanRepeatSpend: 40 };
  const newcomer = { repeatPurchases: 0, lastPurchaseTime: 0, age: 30, meanRepeatSpend: 0 };
  assert.equal(
    gammaGammaTotalLogLikelihood(parameters, [buyer, newcomer]),
    gammaGammaLogLikelihood(parameters, buyer),
  );
  assert.throws(() => gammaGammaLogLikelihood(parameters, newcomer), RangeError);
  assert.throws(() => fitGammaGamma([newcomer]), RangeError);
  assert.throws(() => fitGammaGamma([{ ...buyer, meanRepeatSpend: 0 }]), RangeError);
});

test('a spend model without a finite mean gives no expected spend rather than a wrong one', () => {
  const heavyTailed = { p: 2, q: 0.8, v: 10 };
  const newcomer = { repeatPurchases: 0, lastPurchaseTime: 0, age: 30, meanRepeatSpend: 0 };
  assert.throws(() => expectedAverageSpend(heavyTailed, newcomer), RangeError);
  // A repeat buyer's own purchases make the conditional mean finite: p(v + x·m̄)/(px + q − 1) = 2·(10+40)/1.8.
  const buyer = { repeatPurchases: 1, lastPurchaseTime: 2, age: 30, meanRepeatSpend: 40 };
  assertWithin(expectedAverageSpend(heavyTailed, buyer), 100 / 1.8, 1e-12, 'E[M]');
});
