import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { visitorsPerArmNeeded } from './sample-size.ts';

describe('visitorsPerArmNeeded', () => {
  it('is (z₀.₉₇₅ + z₀.₈)² · 2σ²/Δ²: 10% conversion, a 5% relative change', () => {
    // Δ = 0.005, σ² = 0.09: (1.959964 + 0.841621)² × 0.18 / 0.000025 = 56,511.9 → 56,512.
    assert.equal(visitorsPerArmNeeded(0.05, 0.1, 0.09), 56512);
    // Close to van Belle's rule of thumb 16σ²/Δ² (16 ≈ 2 × 2.8²) = 57,600.
    assert.ok(Math.abs(visitorsPerArmNeeded(0.05, 0.1, 0.09) / 57600 - 1) < 0.02);
  });

  it('needs four times the visitors for half the change, and none can detect nothing', () => {
    const n = visitorsPerArmNeeded(0.1, 0.1, 0.09);
    assert.ok(Math.abs(visitorsPerArmNeeded(0.05, 0.1, 0.09) / n - 4) < 0.001);
    assert.equal(visitorsPerArmNeeded(0.05, 0, 0.09), Number.POSITIVE_INFINITY);
  });
});
