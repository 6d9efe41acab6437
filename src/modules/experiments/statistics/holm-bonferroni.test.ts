import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { holmAdjusted } from './holm-bonferroni.ts';

describe('holmAdjusted', () => {
  it('matches R p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm")', () => {
    // Sorted 0.005, 0.01, 0.03, 0.04 → 4×, 3×, 2×, 1× → 0.02, 0.03, 0.06, max(0.06, 0.04).
    const adjusted = holmAdjusted([0.01, 0.04, 0.03, 0.005]);
    const expected = [0.03, 0.06, 0.06, 0.02];
    for (const [i, p] of adjusted.entries()) {
      assert.ok(Math.abs(p - (expected[i] ?? Number.NaN)) < 1e-12, `${adjusted}`);
    }
  });

  it('leaves a single variant alone and never exceeds 1', () => {
    assert.deepEqual(holmAdjusted([0.04]), [0.04]);
    assert.deepEqual(holmAdjusted([0.6, 0.7]), [1, 1]);
    assert.deepEqual(holmAdjusted([]), []);
  });
});
