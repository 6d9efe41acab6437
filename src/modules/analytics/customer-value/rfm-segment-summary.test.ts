import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scoreRfm } from './rfm-scores.ts';
import { summariseRfmSegments } from './rfm-segment-summary.ts';

// 25 customers, one in each recency × frequency cell: n = 25, so rank k scores ⌈k/5⌉ and each block of
// five equal frequencies fills one quintile. Customer r{R}f{F}: bought (6−R)·30 + F days ago, F orders,
// spent 2500·F + 100·R cents — so M = F, and r1f1 (2600, the lowest spend) is Lost.
const customers = [1, 2, 3, 4, 5].flatMap((R) =>
  [1, 2, 3, 4, 5].map((F) => ({
    customerId: `r${R}f${F}`,
    recencyDays: (6 - R) * 30 + F,
    frequency: F,
    monetary: 2500 * F + 100 * R,
  })),
);

test('a hand-computed set that reaches every segment, with counts and revenue per segment', () => {
  const scored = scoreRfm(customers);
  for (const { customerId, scores } of scored) {
    assert.equal(`r${scores.recency}f${scores.frequency}`, customerId);
    assert.equal(scores.monetary, scores.frequency, customerId);
  }
  // Counts are the grid's cells per segment; revenue the sum of 2500·F + 100·R over them (by hand).
  const expected = [
    ['champions', 2, 23500],
    ['loyal', 4, 46400],
    ['potential_loyalists', 4, 26800],
    ['new', 1, 3000],
    ['promising', 1, 2900],
    ['need_attention', 1, 7800],
    ['about_to_sleep', 2, 8100],
    ['at_risk', 4, 35600],
    ['cannot_lose', 2, 25300],
    ['hibernating', 3, 13000],
    ['lost', 1, 2600],
  ];
  const summary = summariseRfmSegments(scored, 'EUR');
  assert.deepEqual(
    summary.map((row) => [row.segment, row.customers, row.revenue.amount]),
    expected,
  );
  for (const row of summary) assert.equal(row.revenue.currency, 'EUR');
  const champions = summary[0]!;
  assert.equal(champions.customerShare, 2 / 25);
  assert.equal(champions.revenueShare, 23500 / 195000);
});

test('an empty store still has every segment, with zeros', () => {
  const summary = summariseRfmSegments([], 'JPY');
  assert.equal(summary.length, 11);
  for (const row of summary) {
    assert.equal(row.customers, 0);
    assert.deepEqual(row.revenue, { amount: 0, currency: 'JPY' });
    assert.equal(row.customerShare, 0);
    assert.equal(row.revenueShare, 0);
  }
});
