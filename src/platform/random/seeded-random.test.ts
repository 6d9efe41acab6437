import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seededRandom } from './seeded-random.ts';

function moments(draws: number[]): { mean: number; variance: number } {
  const mean = draws.reduce((sum, x) => sum + x, 0) / draws.length;
  const variance = draws.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (draws.length - 1);
  return { mean, variance };
}

describe('seededRandom', () => {
  it('gives the same numbers for the same seed and different ones for another', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const c = seededRandom(8);
    const first = Array.from({ length: 5 }, () => a.uniform());
    assert.deepEqual(
      Array.from({ length: 5 }, () => b.uniform()),
      first,
    );
    assert.notDeepEqual(
      Array.from({ length: 5 }, () => c.uniform()),
      first,
    );
    for (const value of first) assert.ok(value >= 0 && value < 1);
  });

  it('draws with the moments of their laws', () => {
    // 40,000 draws: the sample mean is within 4 standard errors of the law's mean.
    const random = seededRandom(2024);
    const n = 40_000;
    const within = (draws: number[], mean: number, variance: number) => {
      const sample = moments(draws);
      assert.ok(Math.abs(sample.mean - mean) < 4 * Math.sqrt(variance / n), `mean ${sample.mean} vs ${mean}`);
      assert.ok(
        Math.abs(sample.variance / variance - 1) < 0.05,
        `variance ${sample.variance} vs ${variance}`,
      );
    };
    within(
      Array.from({ length: n }, () => random.uniform()),
      0.5,
      1 / 12,
    );
    within(
      Array.from({ length: n }, () => random.normal()),
      0,
      1,
    );
    within(
      Array.from({ length: n }, () => random.poisson(3.5)),
      3.5,
      3.5,
    );
    within(
      Array.from({ length: n }, () => random.poisson(400)),
      400,
      400,
    );
    within(
      Array.from({ length: n }, () => random.gamma(2.5, 4)),
      10,
      40,
    ); // mean kθ, variance kθ²
    within(
      Array.from({ length: n }, () => random.gamma(0.5, 2)),
      1,
      2,
    );
    within(
      Array.from({ length: n }, () => random.binomial(20, 0.3)),
      6,
      4.2,
    );
    const picks = Array.from({ length: n }, () => random.pick([1, 3]));
    within(picks, 0.75, 0.1875);
  });
});
