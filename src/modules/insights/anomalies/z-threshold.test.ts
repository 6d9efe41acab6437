import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { zThreshold } from './z-threshold.ts';

describe('zThreshold', () => {
  it('keeps the normal tail of 3.5 when σ is estimated from n errors (Student t, 0.6 n degrees of freedom)', () => {
    // Φ(−3.5) = 2.326e−4 (normal tables). Student-t quantiles at 1 − 2.326e−4, from SciPy 1.17
    // (scipy.stats.t.ppf): 50.4 df → 3.7443, 16.8 df → 4.3309.
    assert.ok(Math.abs(zThreshold(3.5, 84) - 3.7443) < 1e-4, `${zThreshold(3.5, 84)}`);
    assert.ok(Math.abs(zThreshold(3.5, 28) - 4.3309) < 1e-4, `${zThreshold(3.5, 28)}`);
    // Many errors: back to the normal cut-off.
    assert.ok(Math.abs(zThreshold(3.5, 100_000) - 3.5) < 1e-2);
  });
});
