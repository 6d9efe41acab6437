import gammaln from '@stdlib/math-base-special-gammaln';
import type { BgNbdParameters } from './bg-nbd-parameters.ts';

/**
 * P(X(t) = n): the chance that a new customer makes exactly n repeat purchases in their first t time
 * units (Fader, Hardie & Lee 2005, eq. 8):
 *   B(a, b+n)/B(a, b) · NB(n)  +  [n>0]·B(a+1, b+n−1)/B(a, b) · P(NB ≥ n)
 * where NB(j) = Γ(r+j)/(Γ(r)·j!)·(α/(α+t))^r·(t/(α+t))^j is the count of a customer who never drops
 * out: still alive after n purchases, or gone right after the n-th while they would have bought more.
 */
export function probabilityOfPurchaseCount(parameters: BgNbdParameters, t: number, n: number): number {
  if (!Number.isFinite(t) || t < 0) throw new RangeError(`the horizon t must be finite and ≥ 0, got ${t}`);
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`n must be a whole number ≥ 0, got ${n}`);
  if (t === 0) return n === 0 ? 1 : 0;
  const { r, alpha, a, b } = parameters;
  const logBetaAB = logBeta(a, b);
  const stillAlive = Math.exp(logBeta(a, b + n) - logBetaAB + logNegativeBinomial(r, alpha, t, n));
  if (n === 0) return stillAlive;
  const goneAfterLast =
    Math.exp(logBeta(a + 1, b + n - 1) - logBetaAB) * negativeBinomialTail(r, alpha, t, n);
  return stillAlive + goneAfterLast;
}

function logBeta(x: number, y: number): number {
  return gammaln(x) + gammaln(y) - gammaln(x + y);
}

function logNegativeBinomial(r: number, alpha: number, t: number, j: number): number {
  return (
    gammaln(r + j) -
    gammaln(r) -
    gammaln(j + 1) +
    r * Math.log(alpha / (alpha + t)) +
    j * Math.log(t / (alpha + t))
  );
}

/**
 * P(NB ≥ n). As 1 − P(NB < n) while that is not near 0; beyond, the tail is summed directly, since
 * the subtraction would keep only the few digits by which P(NB < n) differs from 1.
 */
function negativeBinomialTail(r: number, alpha: number, t: number, n: number): number {
  let below = 0;
  for (let j = 0; j < n; j++) below += Math.exp(logNegativeBinomial(r, alpha, t, j));
  if (below <= 0.5) return 1 - below;
  const z = t / (alpha + t);
  let term = Math.exp(logNegativeBinomial(r, alpha, t, n));
  let tail = 0;
  // Terms shrink by (r+j)/(j+1)·z → z < 1 per step; stop when they no longer change the sum.
  for (let j = n; term > tail * 1e-17 && j < n + 10_000_000; j++) {
    tail += term;
    term *= ((r + j) / (j + 1)) * z;
  }
  return tail;
}
