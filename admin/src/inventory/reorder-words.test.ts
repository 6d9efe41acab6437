/// <reference types="node" />
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReorderSuggestion } from './reorder-queries.ts';
import { coverWords, daysWords, quantityWords, reorderWhy } from './reorder-words.ts';

const suggestion = (
  patch: Partial<ReorderSuggestion['calculation']>,
  reason: ReorderSuggestion['reason'] = 'order',
) =>
  ({
    reason,
    calculation: {
      soldPerDay: 2,
      available: 12,
      incoming: 0,
      leadTimeDays: 10,
      bufferDays: 28,
      coverDays: 38,
      targetUnits: 76,
      shortfall: 64,
      packSize: 6,
      packs: 11,
      minimumOrderQuantity: 1,
      roundedUpBy: 'packs',
      ...patch,
    },
  }) as ReorderSuggestion;

describe('reorder words', () => {
  it('says days, weeks, packs and cover as people do', () => {
    assert.deepEqual(
      [daysWords(1), daysWords(10), daysWords(7), daysWords(28), daysWords(0)],
      ['1 day', '10 days', '1 week', '4 weeks', '0 days'],
    );
    assert.equal(quantityWords(66, 6), '66 (11 packs of 6)');
    assert.equal(quantityWords(6, 6), '6 (1 pack of 6)');
    assert.equal(quantityWords(64, 1), '64');
    assert.equal(coverWords(suggestion({})), 'covers lead time 10 days + 4 weeks');
    assert.equal(coverWords(suggestion({ leadTimeDays: 0 })), 'covers 4 weeks');
  });

  it('explains the arithmetic: packs, minimum, covered', () => {
    assert.equal(
      reorderWhy(suggestion({})),
      'Selling 2 a day × 38 days = 76 units; 12 available and 0 incoming leave 64 short, rounded up to 11 packs of 6.',
    );
    assert.equal(
      reorderWhy(suggestion({ roundedUpBy: 'minimum', minimumOrderQuantity: 100, packSize: 1 })),
      'Selling 2 a day × 38 days = 76 units; 12 available and 0 incoming leave 64 short, raised to the supplier’s minimum of 100.',
    );
    assert.equal(
      reorderWhy(suggestion({ incoming: 70, shortfall: 0 }, 'covered')),
      'Selling 2 a day × 38 days = 76 units; 12 available and 70 incoming cover that.',
    );
  });
});
