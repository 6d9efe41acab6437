/**
 * The z beyond which a day is flagged, once σ is itself an estimate.
 *
 * `threshold` (3.5) is meant on the normal scale: a one-sided tail of Φ(−3.5) = 2.3 × 10⁻⁴ per day.
 * But σ comes from a few dozen one-day-ahead errors and wobbles by about ±10% from week to week; on
 * the days it comes out low, an ordinary day crosses 3.5. Dividing by an estimated σ makes z a
 * Student-t variable, so the cut-off is the t quantile with the same tail probability, with
 * 0.6 × (number of errors) degrees of freedom (the trimmed scale's efficiency, and neighbouring
 * errors sharing the same baseline error, leave about that many independent ones — the week-to-week
 * ±10% measured on the labelled series matches 1/√(2ν) at 84 errors). With 84 errors the cut-off is
 * 3.74; with 28 (the first judged day), 4.33.
 */
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/** Degrees of freedom per error in the pool. */
export const degreesOfFreedomPerError = 0.6;

const memo = new Map<string, number>();

export function zThreshold(threshold: number, errors: number): number {
  const key = `${threshold}:${errors}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const tail = normalCdf(-threshold, 0, 1);
  const value = tQuantile(1 - tail, Math.max(1, degreesOfFreedomPerError * errors));
  memo.set(key, value);
  return value;
}
