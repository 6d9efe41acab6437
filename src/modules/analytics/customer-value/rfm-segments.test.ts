import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rfmSegment, rfmSegmentDescriptions, rfmSegments } from './rfm-segments.ts';

// statistics.md §5, the common R×F grid, written out cell by cell (rows R = 5 … 1, columns F = 1 … 5);
// the R1·F1 corner is Hibernating here and splits off Lost by spend (docs/customer-value.md).
const expectedGrid = [
  ['new', 'potential_loyalists', 'potential_loyalists', 'champions', 'champions'],
  ['promising', 'potential_loyalists', 'potential_loyalists', 'loyal', 'loyal'],
  ['about_to_sleep', 'about_to_sleep', 'need_attention', 'loyal', 'loyal'],
  ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cannot_lose'],
  ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cannot_lose'],
];

test('every recency × frequency cell gets the segment of the published grid, whatever the spend', () => {
  for (let row = 0; row < 5; row++) {
    const recency = 5 - row;
    for (let frequency = 1; frequency <= 5; frequency++) {
      if (recency === 1 && frequency === 1) continue;
      for (let monetary = 1; monetary <= 5; monetary++) {
        assert.equal(
          rfmSegment({ recency, frequency, monetary }),
          expectedGrid[row]![frequency - 1],
          `R${recency} F${frequency} M${monetary}`,
        );
      }
    }
  }
});

test('the oldest, least frequent corner is Lost when spend was low, Hibernating otherwise', () => {
  assert.equal(rfmSegment({ recency: 1, frequency: 1, monetary: 1 }), 'lost');
  assert.equal(rfmSegment({ recency: 1, frequency: 1, monetary: 2 }), 'lost');
  assert.equal(rfmSegment({ recency: 1, frequency: 1, monetary: 3 }), 'hibernating');
  assert.equal(rfmSegment({ recency: 1, frequency: 1, monetary: 5 }), 'hibernating');
});

test('scores outside 1–5 are refused', () => {
  for (const scores of [
    { recency: 0, frequency: 3, monetary: 3 },
    { recency: 3, frequency: 6, monetary: 3 },
    { recency: 3, frequency: 3, monetary: 2.5 },
  ]) {
    assert.throws(() => rfmSegment(scores), RangeError);
  }
});

test('there are eleven segments, each with words for the store owner', () => {
  assert.equal(rfmSegments.length, 11);
  for (const segment of rfmSegments) {
    const { label, meaning, action } = rfmSegmentDescriptions[segment];
    assert.ok(label && meaning && action, segment);
  }
});
