/**
 * The Theil–Sen slope: the median of the slopes between every pair of points. It ignores up to about
 * 29% of wild points, which is why the baseline's trend uses it on weekly medians: a week hit by an
 * incident bends a least-squares line, not this one.
 */
import { medianInPlace } from './median-in-place.ts';

let slopes = new Float64Array(128);

export function theilSenSlope(
  times: ArrayLike<number>,
  values: ArrayLike<number>,
  count = times.length,
): number {
  const pairs = (count * (count - 1)) / 2;
  if (slopes.length < pairs) slopes = new Float64Array(pairs);
  let n = 0;
  for (let i = 0; i < count; i++) {
    for (let j = i + 1; j < count; j++) {
      const run = times[j]! - times[i]!;
      if (run !== 0) slopes[n++] = (values[j]! - values[i]!) / run;
    }
  }
  return n === 0 ? 0 : medianInPlace(slopes, n);
}
