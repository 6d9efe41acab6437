import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bgNbdLogLikelihood, bgNbdTotalLogLikelihood } from './bg-nbd-likelihood.ts';
import { cdnowCustomers } from './testing/cdnow.ts';

// Stable-LL vectors: docs statistics.md §2, from the `lifetimes` BG/NBD fitter's tests
// (r .25, α 4, a .8, b 2.5, T 40).
const stableCase = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };

test('log-likelihood of a customer who never came back (lifetimes vector −0.59947382)', () => {
  const ll = bgNbdLogLikelihood(stableCase, { repeatPurchases: 0, lastPurchaseTime: 0, age: 40 });
  assert.ok(Math.abs(ll - -0.59947382) < 5e-9, `${ll}`);
});

test('log-likelihood of a 200-purchase customer stays finite (lifetimes vector 100.7957)', () => {
  // (α+T)^−200 alone is ~1e−320: a direct sum of the two powers would give ln 0 = −∞.
  const ll = bgNbdLogLikelihood(stableCase, { repeatPurchases: 200, lastPurchaseTime: 38, age: 40 });
  assert.ok(Math.abs(ll - 100.7957) < 5e-5, `${ll}`);
});

test('the total over CDNOW is the sum over its customers, shared (x, t_x, T) rows included', () => {
  const customers = cdnowCustomers();
  const parameters = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
  const sum = customers.reduce((total, history) => total + bgNbdLogLikelihood(parameters, history), 0);
  const total = bgNbdTotalLogLikelihood(parameters, customers);
  assert.ok(Math.abs(total - sum) < 1e-8, `${total} vs ${sum}`);
  // statistics.md §2: LL −9582.43 at the MLE (Fader, Hardie & Lee 2005; lifetimes). The likelihood is
  // flat at its maximum, so the paper's 3-decimal estimates give the same value to 0.01.
  assert.ok(Math.abs(total - -9582.43) < 0.01, `${total}`);
});

test('refuses histories no order data can produce', () => {
  const bad = [
    { repeatPurchases: 1.5, lastPurchaseTime: 3, age: 10 },
    { repeatPurchases: 2, lastPurchaseTime: 11, age: 10 },
    { repeatPurchases: 0, lastPurchaseTime: 2, age: 10 },
    { repeatPurchases: -1, lastPurchaseTime: 0, age: 10 },
    { repeatPurchases: 1, lastPurchaseTime: 1, age: Number.NaN },
  ];
  for (const history of bad) assert.throws(() => bgNbdLogLikelihood(stableCase, history), RangeError);
});
