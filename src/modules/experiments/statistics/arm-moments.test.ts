import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seededRandom } from '../../../platform/random/seeded-random.ts';
import { meanMoments, type RatioStatistic, ratioMoments, sampleVariance } from './arm-moments.ts';

interface Visitor {
  revenue: number;
  orders: number;
}

function ratioStatistic(visitors: readonly Visitor[]): RatioStatistic {
  const s = {
    n: visitors.length,
    numeratorSum: 0,
    numeratorSumSquares: 0,
    denominatorSum: 0,
    denominatorSumSquares: 0,
    crossProductSum: 0,
  };
  for (const v of visitors) {
    s.numeratorSum += v.revenue;
    s.numeratorSumSquares += v.revenue ** 2;
    s.denominatorSum += v.orders;
    s.denominatorSumSquares += v.orders ** 2;
    s.crossProductSum += v.revenue * v.orders;
  }
  return s;
}

/** Visitors who mostly do not order; those who do place one to three orders of about 40 each. */
function simulateVisitors(n: number, seed: number): Visitor[] {
  const random = seededRandom(seed);
  const visitors: Visitor[] = [];
  for (let i = 0; i < n; i++) {
    const orders = random.uniform() < 0.08 ? 1 + random.binomial(2, 0.3) : 0;
    let revenue = 0;
    for (let o = 0; o < orders; o++) revenue += random.gamma(4, 10);
    visitors.push({ revenue, orders });
  }
  return visitors;
}

describe('arm moments from sufficient statistics', () => {
  it('gives the sample variance of the values (n − 1)', () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, Σ(y − 5)² = 32, variance 32/7.
    const ys = [2, 4, 4, 4, 5, 5, 7, 9];
    const m = meanMoments({
      n: ys.length,
      sum: ys.reduce((s, y) => s + y, 0),
      sumSquares: ys.reduce((s, y) => s + y * y, 0),
    });
    assert.equal(m.mean, 5);
    assert.ok(Math.abs(m.variance - 32 / 7) < 1e-12);
    assert.ok(Number.isNaN(sampleVariance(3, 30, 10)));
  });

  it('gives the delta-method variance of a ratio as the variance of its linearisation', () => {
    // Var(r̂) ≈ Var(m − r d) / (n D̄²): computed here from the visitors themselves.
    const visitors = simulateVisitors(3000, 7);
    const moments = ratioMoments(ratioStatistic(visitors));
    const n = visitors.length;
    const dBar = visitors.reduce((s, v) => s + v.orders, 0) / n;
    const r = visitors.reduce((s, v) => s + v.revenue, 0) / (n * dBar);
    assert.ok(Math.abs(moments.mean - r) < 1e-12);
    const z = visitors.map((v) => (v.revenue - r * v.orders) / dBar);
    const zMean = z.reduce((s, v) => s + v, 0) / n;
    const zVariance = z.reduce((s, v) => s + (v - zMean) ** 2, 0) / (n - 1);
    assert.ok(Math.abs(moments.variance - zVariance) < 1e-9 * zVariance);
  });

  it('predicts the spread of average order value over repeated experiments', () => {
    const ratios: number[] = [];
    let predicted = 0;
    for (let r = 0; r < 400; r++) {
      const moments = ratioMoments(ratioStatistic(simulateVisitors(1000, 100 + r)));
      ratios.push(moments.mean);
      predicted += moments.variance / moments.n / 400;
    }
    const mean = ratios.reduce((s, v) => s + v, 0) / ratios.length;
    const empirical = ratios.reduce((s, v) => s + (v - mean) ** 2, 0) / (ratios.length - 1);
    // 400 draws estimate a variance to about ±7%.
    assert.ok(Math.abs(empirical / predicted - 1) < 0.2, `empirical ${empirical}, predicted ${predicted}`);
  });

  it('is the mean when every visitor has a denominator of one', () => {
    const ys = [3, 0, 12.5, 7, 0, 1];
    const ratio = ratioMoments({
      n: ys.length,
      numeratorSum: ys.reduce((s, y) => s + y, 0),
      numeratorSumSquares: ys.reduce((s, y) => s + y * y, 0),
      denominatorSum: ys.length,
      denominatorSumSquares: ys.length,
      crossProductSum: ys.reduce((s, y) => s + y, 0),
    });
    const mean = meanMoments({
      n: ys.length,
      sum: ys.reduce((s, y) => s + y, 0),
      sumSquares: ys.reduce((s, y) => s + y * y, 0),
    });
    assert.ok(Math.abs(ratio.mean - mean.mean) < 1e-12);
    assert.ok(Math.abs(ratio.variance - mean.variance) < 1e-9);
  });
});
