import type { GammaGammaParameters } from './gamma-gamma-parameters.ts';
import type { SpendHistory } from './purchase-history.ts';

/**
 * E[M | x, m̄]: the value a customer's future purchases are expected to have on average,
 * (1−w)·v·p/(q−1) + w·m̄ with w = px/(px+q−1) — the store-wide mean spend, pulled towards the
 * customer's own mean the more repeat purchases back it. With no repeat purchase it is the store-wide
 * mean. Same unit as meanRepeatSpend.
 */
export function expectedAverageSpend(parameters: GammaGammaParameters, history: SpendHistory): number {
  const { p, q, v } = parameters;
  const x = history.repeatPurchases;
  const m = x > 0 ? history.meanRepeatSpend : 0;
  if (!Number.isSafeInteger(x) || x < 0) {
    throw new RangeError(`repeatPurchases must be a whole number ≥ 0, got ${x}`);
  }
  if (x > 0 && !(Number.isFinite(m) && m > 0)) {
    throw new RangeError(`meanRepeatSpend must be > 0 for a repeat buyer, got ${m}`);
  }
  // The same expression as above, rearranged: p·(v + x·m̄)/(px + q − 1).
  const denominator = p * x + q - 1;
  if (!(denominator > 0)) {
    // q ≤ 1: the fitted spread of spend is so wide that the mean spend is infinite; no figure to give.
    throw new RangeError(`the spend model has no finite mean for this customer (p·x + q = ${p * x + q} ≤ 1)`);
  }
  return (p * (v + x * m)) / denominator;
}
