/**
 * ln(eᵃ + eᵇ) without overflow or underflow: likelihood terms such as −(r+x)·ln(α+T) reach −1000s for
 * heavy buyers, where exp() of either term alone is 0.
 */
export function logAddExp(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  const larger = Math.max(a, b);
  return larger + Math.log1p(Math.exp(-Math.abs(a - b)));
}
