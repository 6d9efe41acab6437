import { createHash } from 'node:crypto';

/** Buckets a visitor is hashed into; a variant owns a contiguous range of them. */
export const BUCKETS = 10_000;

/**
 * The visitor's bucket in an experiment: the first 32 bits of SHA-256(visitor | key | seed) modulo
 * 10,000 (the modulo bias is below 3 in a million). The same on every instance and every restart;
 * the seed keeps two experiments on the same visitors independent.
 */
export function bucketOf(visitorId: string, experimentKey: string, seed: string): number {
  const digest = createHash('sha256').update(`${visitorId}|${experimentKey}|${seed}`).digest();
  return digest.readUInt32BE(0) % BUCKETS;
}

/**
 * The variant owning `bucket` when the buckets are cut in order of the variants by their
 * cumulative weight (weights are any positive numbers; shares are weight / total).
 */
export function variantAtBucket<V extends { weight: number }>(variants: readonly V[], bucket: number): V {
  const total = variants.reduce((sum, v) => sum + v.weight, 0);
  let upper = 0;
  let cumulative = 0;
  for (const variant of variants) {
    cumulative += variant.weight;
    upper = Math.round((cumulative / total) * BUCKETS);
    if (bucket < upper) return variant;
  }
  return variants[variants.length - 1]!;
}
