// Hash buckets split visitors in the proportions asked for: a chi-square goodness-of-fit test over
// 100,000 simulated visitor ids (from a fixed seed) for 50/50 and 20/30/50, at the 1% level; and
// the mapping from buckets to variants keeps earlier variants' ranges where weights do not move.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chiSquaredDistributionTable } from 'simple-statistics';
import { seededRandom } from '../../../platform/random/seeded-random.ts';
import { BUCKETS, bucketOf, variantAtBucket } from './bucket.ts';

const VISITORS = 100_000;
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Visitor ids shaped like the analytics cookie's (`v_` + 16 base64url characters), from a seed. */
function visitorIds(seed: number, count: number): string[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    let id = 'v_';
    for (let i = 0; i < 16; i++) id += alphabet[Math.floor(random.uniform() * alphabet.length)];
    return id;
  });
}

function chiSquare(observed: number[], shares: number[]): number {
  const total = observed.reduce((a, b) => a + b, 0);
  return observed.reduce((sum, o, i) => {
    const expected = total * shares[i]!;
    return sum + (o - expected) ** 2 / expected;
  }, 0);
}

function split(weights: number[], seed: number) {
  const variants = weights.map((weight, i) => ({ key: `v${i}`, weight }));
  const counts = variants.map(() => 0);
  for (const id of visitorIds(seed, VISITORS)) {
    const variant = variantAtBucket(variants, bucketOf(id, 'checkout-banner', 'seed-1'));
    counts[variants.indexOf(variant)]!++;
  }
  return counts;
}

describe('experiment assignment buckets', () => {
  test('50/50 over 100,000 visitors passes a chi-square test at the 1% level', () => {
    const counts = split([50, 50], 20261124);
    const statistic = chiSquare(counts, [0.5, 0.5]);
    assert.ok(statistic < chiSquaredDistributionTable[1]['0.01'], `χ² ${statistic} for ${counts}`);
  });

  test('20/30/50 (given as 2, 3, 5) passes a chi-square test at the 1% level', () => {
    const counts = split([2, 3, 5], 7);
    const statistic = chiSquare(counts, [0.2, 0.3, 0.5]);
    assert.ok(statistic < chiSquaredDistributionTable[2]['0.01'], `χ² ${statistic} for ${counts}`);
  });

  test('the test can fail: a visitor split that is off by two points is caught', () => {
    const counts = split([52, 48], 20261124);
    assert.ok(chiSquare(counts, [0.5, 0.5]) > chiSquaredDistributionTable[1]['0.01']);
  });

  test('buckets are the same on every call and differ between experiments', () => {
    const ids = visitorIds(3, 1_000);
    const first = ids.map((id) => bucketOf(id, 'a', 's'));
    assert.deepEqual(
      ids.map((id) => bucketOf(id, 'a', 's')),
      first,
    );
    const other = ids.map((id) => bucketOf(id, 'a', 'another seed'));
    const same = first.filter((b, i) => b === other[i]).length;
    assert.ok(same < 5, `${same} of 1,000 buckets equal under another seed`);
    assert.ok(first.every((b) => Number.isInteger(b) && b >= 0 && b < BUCKETS));
  });

  test('variants own contiguous bucket ranges by cumulative weight', () => {
    const variants = [
      { key: 'a', weight: 20 },
      { key: 'b', weight: 30 },
      { key: 'c', weight: 50 },
    ];
    assert.equal(variantAtBucket(variants, 0).key, 'a');
    assert.equal(variantAtBucket(variants, 1_999).key, 'a');
    assert.equal(variantAtBucket(variants, 2_000).key, 'b');
    assert.equal(variantAtBucket(variants, 4_999).key, 'b');
    assert.equal(variantAtBucket(variants, 5_000).key, 'c');
    assert.equal(variantAtBucket(variants, 9_999).key, 'c');
  });
});
