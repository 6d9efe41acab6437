import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { type RfmCustomer, scoreRfm } from './rfm-scores.ts';

// Seven customers scored by hand. With n = 7, rank k (1 = worst) scores ⌈5k/7⌉: 1, 2, 3, 3, 4, 5, 5.
//   recency, oldest first: e 400, b 200, f 90, c 45, g 30, then a and d tied at 10 (a before d by id)
//   frequency, fewest first: a, b, e, g tied at 1 (by id), d 2, c 3, f 6
//   monetary, lowest first: g 800, b and e tied at 1500 (b first), d 3000, a 5000, c 12000, f 40000
const seven: RfmCustomer[] = [
  { customerId: 'a', recencyDays: 10, frequency: 1, monetary: 5000 },
  { customerId: 'b', recencyDays: 200, frequency: 1, monetary: 1500 },
  { customerId: 'c', recencyDays: 45, frequency: 3, monetary: 12000 },
  { customerId: 'd', recencyDays: 10, frequency: 2, monetary: 3000 },
  { customerId: 'e', recencyDays: 400, frequency: 1, monetary: 1500 },
  { customerId: 'f', recencyDays: 90, frequency: 6, monetary: 40000 },
  { customerId: 'g', recencyDays: 30, frequency: 1, monetary: 800 },
];
const sevenByHand: Record<string, [number, number, number, string]> = {
  a: [5, 1, 4, 'new'],
  b: [2, 2, 2, 'hibernating'],
  c: [3, 5, 5, 'loyal'],
  d: [5, 4, 3, 'champions'],
  e: [1, 3, 3, 'at_risk'],
  f: [3, 5, 5, 'loyal'],
  g: [4, 3, 1, 'potential_loyalists'],
};

test('quintile scores and segments of a hand-computed set with ties', () => {
  const scored = scoreRfm(seven);
  assert.deepEqual(
    scored.map((customer) => customer.customerId),
    seven.map((customer) => customer.customerId),
    'results come in the order of the input',
  );
  for (const { customerId, scores, segment } of scored) {
    assert.deepEqual(
      [scores.recency, scores.frequency, scores.monetary, segment],
      sevenByHand[customerId],
      customerId,
    );
  }
});

test('the same customers in any order get the same scores (ties go by id, not by position)', () => {
  fc.assert(
    fc.property(fc.shuffledSubarray(seven, { minLength: 7, maxLength: 7 }), (shuffled) => {
      for (const { customerId, scores, segment } of scoreRfm(shuffled)) {
        const [recency, frequency, monetary, expected] = sevenByHand[customerId]!;
        if (scores.recency !== recency || scores.frequency !== frequency || scores.monetary !== monetary)
          return false;
        if (segment !== expected) return false;
      }
      return true;
    }),
  );
});

test('each score holds a fifth of the customers when n is a multiple of 5', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 40 }).chain((fifth) =>
        fc.array(
          fc.record({
            recencyDays: fc.integer({ min: 0, max: 400 }),
            frequency: fc.integer({ min: 1, max: 6 }),
            monetary: fc.integer({ min: 0, max: 100_000 }),
          }),
          { minLength: 5 * fifth, maxLength: 5 * fifth },
        ),
      ),
      (rows) => {
        const customers = rows.map((row, i) => ({ ...row, customerId: `cus_${i}` }));
        const scored = scoreRfm(customers);
        for (const dimension of ['recency', 'frequency', 'monetary'] as const) {
          const counts = [0, 0, 0, 0, 0];
          for (const customer of scored) counts[customer.scores[dimension] - 1]!++;
          if (!counts.every((count) => count === customers.length / 5)) return false;
        }
        return true;
      },
    ),
  );
});

test('fixed frequency breaks score equal frequencies alike', () => {
  const frequencies = [1, 2, 3, 4, 5, 7, 8, 20, 1];
  const customers = frequencies.map((frequency, i) => ({
    customerId: `cus_${i}`,
    recencyDays: i,
    frequency,
    monetary: 100,
  }));
  const scored = scoreRfm(customers, { frequencyBreaks: [2, 3, 5, 8] });
  // 1 → 1, 2 → 2, 3–4 → 3, 5–7 → 4, 8+ → 5 (worked out from the breaks by hand).
  assert.deepEqual(
    scored.map((customer) => customer.scores.frequency),
    [1, 2, 3, 3, 4, 4, 5, 5, 1],
  );
  assert.throws(() => scoreRfm(customers, { frequencyBreaks: [2, 2, 5, 8] }), RangeError);
});

test('refuses duplicate ids and values that are not what RFM reads', () => {
  const one = { customerId: 'a', recencyDays: 3, frequency: 2, monetary: 1000 };
  assert.throws(() => scoreRfm([one, { ...one }]), RangeError);
  assert.throws(() => scoreRfm([{ ...one, monetary: 10.5 }]), RangeError);
  assert.throws(() => scoreRfm([{ ...one, recencyDays: -1 }]), RangeError);
  assert.throws(() => scoreRfm([{ ...one, frequency: 1.5 }]), RangeError);
  assert.deepEqual(scoreRfm([]), []);
});
