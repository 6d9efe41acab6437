import { currencyExponent } from '../../../platform/money.ts';
import type { PriceBucket } from './search-request.ts';

/**
 * Price ranges for the price facet. The database counts products on a fixed 1-2-5 ladder of round
 * prices (1, 2, 5, 10, 20 … in the store currency), in one pass; the ladder's steps are then joined
 * into a few ranges of similar size, whose bounds are therefore always round numbers.
 */

/** The ladder in minor units, from 0 up to ten million major units. */
export function priceLadder(currency: string): number[] {
  const unit = 10 ** currencyExponent(currency);
  const edges = [0];
  for (let decade = 1; decade <= 10_000_000; decade *= 10) {
    for (const step of [1, 2, 5]) edges.push(step * decade * unit);
  }
  return edges;
}

/**
 * Joins ladder steps into at most `wanted` ranges. `counts` maps a step number, as PostgreSQL's
 * `width_bucket(price, ladder)` numbers them (step i covers [ladder[i-1], ladder[i])), to its count.
 */
export function priceBuckets(
  ladder: number[],
  counts: ReadonlyMap<number, number>,
  wanted = 5,
): PriceBucket[] {
  const steps = [...counts.entries()].filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
  const total = steps.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return [];
  const lower = (step: number) => ladder[step - 1] ?? 0;
  const upper = (step: number) => ladder[step] ?? null;
  const buckets: PriceBucket[] = [];
  let current: PriceBucket | null = null;
  let seen = 0;
  for (const [step, n] of steps) {
    current ??= { min: lower(step), max: upper(step), count: 0 };
    current.count += n;
    current.max = upper(step);
    seen += n;
    // Close the range once it holds its share of what is left, keeping room for the ranges to come.
    const share = (total - (seen - current.count)) / (wanted - buckets.length);
    if (buckets.length < wanted - 1 && current.count >= share) {
      buckets.push(current);
      current = null;
    }
  }
  if (current) buckets.push(current);
  // Ranges meet: each starts where the previous ended, so no price falls between two of them.
  for (let i = 1; i < buckets.length; i++) buckets[i]!.min = buckets[i - 1]!.max ?? buckets[i]!.min;
  return buckets;
}
