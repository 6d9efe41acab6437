import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { allocate, splitEvenly } from './allocation.ts';

const MAX = Number.MAX_SAFE_INTEGER;
const invalidWeights = { name: 'AppError', status: 400, code: 'invalid_weights' };
const sum = (parts: readonly number[]) => parts.reduce((a, b) => a + BigInt(b), 0n);

describe('allocate', () => {
  it('splits by weight with the largest remainder, ties to the earlier line', () => {
    assert.deepEqual(allocate(100, [1, 1, 1]), [34, 33, 33]);
    assert.deepEqual(allocate(-100, [1, 1, 1]), [-34, -33, -33]);
    assert.deepEqual(allocate(100, [1, 2]), [33, 67]);
    assert.deepEqual(allocate(5, [3, 7]), [2, 3]);
    assert.deepEqual(allocate(1000, [2999, 1999, 5002]), [300, 200, 500]);
    assert.deepEqual(allocate(2, [1, 1, 1]), [1, 1, 0]);
    assert.deepEqual(allocate(1, [1, 1, 2]), [0, 0, 1]);
    assert.deepEqual(allocate(10, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]), [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
    assert.deepEqual(allocate(0, [5, 3]), [0, 0]);
    assert.deepEqual(allocate(7, [4]), [7]);
  });

  it('gives nothing to zero weights and splits evenly when all weights are zero', () => {
    assert.deepEqual(allocate(100, [0, 1, 0, 1]), [0, 50, 0, 50]);
    assert.deepEqual(allocate(3, [0, 1, 0, 1]), [0, 2, 0, 1]);
    assert.deepEqual(allocate(100, [0, 0, 0]), [34, 33, 33]);
    assert.deepEqual(allocate(-1, [0, 0]), [-1, 0]);
  });

  it('is exact where total × weight exceeds 2^53', () => {
    assert.deepEqual(allocate(MAX, [1, 1]), [(MAX + 1) / 2, (MAX - 1) / 2]);
    assert.deepEqual(allocate(MAX, [MAX, 1]), [MAX - 1, 1]);
    // Floors …495, …494 and 0 leave two units; the two largest remainders are the last two lines.
    assert.deepEqual(allocate(-MAX, [MAX, MAX - 1, 2]), [-4503599627370495, -4503599627370495, -1]);
  });

  it('never returns negative zero', () => {
    for (const part of allocate(-1, [1, 1, 1])) assert.ok(!Object.is(part, -0));
  });

  it('rejects bad input with 400 codes', () => {
    assert.throws(() => allocate(100, []), invalidWeights);
    assert.throws(() => allocate(100, [1, -1]), invalidWeights);
    assert.throws(() => allocate(100, [1, 0.5]), invalidWeights);
    assert.throws(() => allocate(100, [1, Number.NaN]), invalidWeights);
    assert.throws(() => allocate(100, [MAX + 1]), invalidWeights);
    assert.throws(() => allocate(100, 'abc' as unknown as number[]), invalidWeights);
    assert.throws(() => allocate(10.5, [1]), { status: 400, code: 'invalid_amount' });
    assert.throws(() => allocate(MAX + 1, [1]), { status: 400, code: 'invalid_amount' });
  });

  const weightLists = fc.oneof(
    fc.array(fc.nat({ max: 100 }), { minLength: 1, maxLength: 12 }),
    fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
    fc.array(fc.maxSafeNat(), { minLength: 1, maxLength: 8 }),
  );
  const totals = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.maxSafeInteger());

  it('always sums exactly to the total, each part within one unit of its exact share', () => {
    fc.assert(
      fc.property(totals, weightLists, (total, weights) => {
        const parts = allocate(total, weights);
        assert.equal(parts.length, weights.length);
        assert.equal(sum(parts), BigInt(total));
        const weightSum = sum(weights);
        parts.forEach((part, i) => {
          assert.ok(Number.isSafeInteger(part));
          if (weightSum === 0n) return;
          // |part − total × w / W| < 1, multiplied through by W.
          const error = BigInt(part) * weightSum - BigInt(total) * BigInt(weights[i]!);
          assert.ok(error < weightSum && -error < weightSum, `part ${i} = ${part}`);
          if (weights[i] === 0) assert.equal(part, 0);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('rounds up exactly the lines with the largest remainders, earlier lines first on ties', () => {
    fc.assert(
      fc.property(totals, weightLists, (total, weights) => {
        const weightSum = sum(weights);
        fc.pre(weightSum > 0n);
        const magnitude = BigInt(Math.abs(total));
        const parts = allocate(total, weights).map((p) => BigInt(Math.abs(p)));
        const remainder = (i: number) => (magnitude * BigInt(weights[i]!)) % weightSum;
        const roundedUp = parts.map((p, i) => p !== (magnitude * BigInt(weights[i]!)) / weightSum);
        roundedUp.forEach((up, i) => {
          if (!up) return;
          roundedUp.forEach((otherUp, j) => {
            if (otherUp) return;
            assert.ok(
              remainder(i) > remainder(j) || (remainder(i) === remainder(j) && i < j),
              `${i} over ${j}`,
            );
          });
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('mirrors negative totals and keeps larger weights at least as large', () => {
    fc.assert(
      fc.property(totals, weightLists, (total, weights) => {
        const parts = allocate(total, weights);
        assert.deepEqual(
          allocate(-total, weights),
          parts.map((p) => (p === 0 ? 0 : -p)),
        );
        for (let i = 0; i < weights.length; i++) {
          for (let j = 0; j < weights.length; j++) {
            if (weights[i]! > weights[j]!) assert.ok(Math.abs(parts[i]!) >= Math.abs(parts[j]!));
            if (weights[i] === weights[j]) assert.ok(Math.abs(parts[i]! - parts[j]!) <= 1);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('splitEvenly', () => {
  it('splits into parts that differ by at most one, larger first', () => {
    assert.deepEqual(splitEvenly(100, 3), [34, 33, 33]);
    assert.deepEqual(splitEvenly(-100, 3), [-34, -33, -33]);
    assert.deepEqual(splitEvenly(1, 3), [1, 0, 0]);
    assert.deepEqual(splitEvenly(0, 2), [0, 0]);
    assert.deepEqual(splitEvenly(MAX, 1), [MAX]);
    assert.deepEqual(splitEvenly(MAX, 2), [(MAX + 1) / 2, (MAX - 1) / 2]);
  });

  it('rejects a count below one or not whole', () => {
    for (const count of [0, -1, 1.5, Number.NaN])
      assert.throws(() => splitEvenly(100, count), invalidWeights);
    assert.throws(() => splitEvenly(1.5, 2), { status: 400, code: 'invalid_amount' });
  });

  it('sums to the total and agrees with allocate over equal weights', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.integer({ min: 1, max: 50 }), (total, count) => {
        const parts = splitEvenly(total, count);
        assert.equal(sum(parts), BigInt(total));
        assert.ok(Math.max(...parts) - Math.min(...parts) <= 1);
        assert.deepEqual(allocate(total, Array(count).fill(7)), parts);
      }),
    );
  });
});
