import assert from 'node:assert/strict';
import { test } from 'node:test';
import { priceBuckets, priceLadder } from './price-buckets.ts';

test('the ladder is 1-2-5 round prices in the currency’s minor units', () => {
  assert.deepEqual(priceLadder('EUR').slice(0, 7), [0, 100, 200, 500, 1000, 2000, 5000]);
  assert.deepEqual(priceLadder('JPY').slice(0, 4), [0, 1, 2, 5]);
  assert.deepEqual(priceLadder('KWD').slice(0, 2), [0, 1000]);
});

/** Step numbers as width_bucket gives them: step i covers [ladder[i-1], ladder[i]). */
function stepOf(ladder: number[], price: number): number {
  let step = 0;
  while (step < ladder.length && ladder[step]! <= price) step++;
  return step;
}

test('ranges meet end to end, hold every product, and start and end on round prices', () => {
  const ladder = priceLadder('EUR');
  const prices = [550, 800, 1200, 1500, 1900, 2500, 3000, 4200, 9900, 12000, 15000, 48000, 51000];
  const counts = new Map<number, number>();
  for (const price of prices) counts.set(stepOf(ladder, price), (counts.get(stepOf(ladder, price)) ?? 0) + 1);
  const buckets = priceBuckets(ladder, counts);
  assert.ok(buckets.length <= 5 && buckets.length >= 3, JSON.stringify(buckets));
  assert.equal(
    buckets.reduce((n, b) => n + b.count, 0),
    prices.length,
  );
  for (const [i, bucket] of buckets.entries()) {
    assert.ok(ladder.includes(bucket.min), `min ${bucket.min} is on the ladder`);
    if (bucket.max !== null) assert.ok(ladder.includes(bucket.max), `max ${bucket.max} is on the ladder`);
    if (i > 0) assert.equal(bucket.min, buckets[i - 1]!.max, 'no gap between ranges');
    const inside = prices.filter((p) => p >= bucket.min && (bucket.max === null || p < bucket.max));
    assert.equal(inside.length, bucket.count, `the count of ${bucket.min}–${bucket.max} is its prices`);
  }
});

test('one price step makes one range; nothing makes none; prices past the ladder are open-ended', () => {
  const ladder = priceLadder('USD');
  assert.deepEqual(priceBuckets(ladder, new Map([[5, 12]])), [{ min: 1000, max: 2000, count: 12 }]);
  assert.deepEqual(priceBuckets(ladder, new Map()), []);
  const top = priceBuckets(ladder, new Map([[ladder.length, 3]]));
  assert.deepEqual(top, [{ min: ladder.at(-1)!, max: null, count: 3 }]);
});
