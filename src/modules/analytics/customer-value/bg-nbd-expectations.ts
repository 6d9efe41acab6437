import hyp2f1 from '@stdlib/math-base-special-hyp2f1';
import type { BgNbdParameters } from './bg-nbd-parameters.ts';
import { assertPurchaseHistory, type PurchaseHistory } from './purchase-history.ts';

/**
 * P(alive at T | x, t_x, T) = 1 / (1 + [x>0]·a/(b+x−1)·((α+T)/(α+t_x))^(r+x)): the chance that a
 * customer has not dropped out, given how long it has been since their last purchase.
 */
export function probabilityAlive(parameters: BgNbdParameters, history: PurchaseHistory): number {
  assertPurchaseHistory(history);
  const { repeatPurchases: x, lastPurchaseTime: tx, age: T } = history;
  if (x === 0) return 1;
  const { r, alpha, a, b } = parameters;
  const logOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * Math.log((alpha + T) / (alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * E[X(t)]: purchases expected in the first t time units of a new customer (repeat purchases, the
 * first is not counted), (a+b−1)/(a−1)·[1 − (α/(α+t))^r·₂F₁(r, b; a+b−1; t/(α+t))].
 */
export function expectedPurchases(parameters: BgNbdParameters, t: number): number {
  assertHorizon(t);
  return purchasesWhileAlive(parameters, 0, 0, t);
}

/**
 * E[X(t) | x, t_x, T]: purchases expected in the next t time units from a customer with this history,
 * (a+b+x−1)/(a−1)·[1 − ((α+T)/(α+T+t))^(r+x)·₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]·P(alive).
 */
export function conditionalExpectedPurchases(
  parameters: BgNbdParameters,
  history: PurchaseHistory,
  t: number,
): number {
  assertHorizon(t);
  const alive = probabilityAlive(parameters, history);
  return purchasesWhileAlive(parameters, history.repeatPurchases, history.age, t) * alive;
}

function assertHorizon(t: number): void {
  if (!Number.isFinite(t) || t < 0) throw new RangeError(`the horizon t must be finite and ≥ 0, got ${t}`);
}

/**
 * (a+b+x−1)/(a−1)·[1 − (1−z)^(r+x)·₂F₁(r+x, b+x; a+b+x−1; z)] with z = t/(α+T+t).
 *
 * Evaluated through Euler's transformation ₂F₁(A,B;C;z) = (1−z)^(C−A−B)·₂F₁(C−A, C−B; C; z), which
 * turns the bracket into 1 − (1−z)^(a−1)·₂F₁(a+b−1−r, a−1; a+b+x−1; z). In the direct form, a heavy
 * buyer's ₂F₁ overflows (x = 200, z = 0.99 gives ~1e400) before the power brings it back down; the
 * transformed series has small parameters whatever x is, and @stdlib's hyp2f1 is accurate to 1e-10
 * on it for z ≤ 0.99 (checked against mpmath on 3,000 random parameter sets, docs/customer-value.md;
 * the extreme cases are in bg-nbd-expectations.test.ts).
 */
function purchasesWhileAlive(parameters: BgNbdParameters, x: number, T: number, t: number): number {
  if (t === 0) return 0;
  // At a = 1 the formula is 0/0 with a finite limit. The function is smooth in a, so the mean of its
  // values at 1 ± h is that limit to O(h²); near 1 the cancellation costs ~1e-16/h of precision.
  const h = 1e-6;
  if (Math.abs(parameters.a - 1) < h) {
    return (
      (purchasesAwayFromAOne({ ...parameters, a: 1 + 2 * h }, x, T, t) +
        purchasesAwayFromAOne({ ...parameters, a: 1 - 2 * h }, x, T, t)) /
      2
    );
  }
  return purchasesAwayFromAOne(parameters, x, T, t);
}

function purchasesAwayFromAOne(parameters: BgNbdParameters, x: number, T: number, t: number): number {
  const { r, alpha, a, b } = parameters;
  const z = t / (alpha + T + t);
  const survivingShare = ((alpha + T) / (alpha + T + t)) ** (a - 1);
  const bracket = 1 - survivingShare * hyp2f1(a + b - 1 - r, a - 1, a + b + x - 1, z);
  return ((a + b + x - 1) / (a - 1)) * bracket;
}
