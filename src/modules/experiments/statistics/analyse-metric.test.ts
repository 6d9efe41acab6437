import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type SeededRandom, seededRandom } from '../../../platform/random/seeded-random.ts';
import { analyseMetric } from './analyse-metric.ts';
import { meanMoments, type ProportionStatistic, proportionMoments } from './arm-moments.ts';
import { effectMoments } from './effect-moments.ts';

function conversionInput(
  engine: 'bayesian' | 'frequentist' | 'sequential',
  control: ProportionStatistic,
  variants: { name: string; arm: ProportionStatistic }[],
) {
  const controlMoments = proportionMoments(control);
  return {
    metric: 'conversion rate',
    engine,
    control: controlMoments,
    variants: variants.map((v) => ({
      name: v.name,
      effect: effectMoments(controlMoments, proportionMoments(v.arm)),
    })),
    visitors: [control.n, ...variants.map((v) => v.arm.n)],
    weights: [1, ...variants.map(() => 1)],
  };
}

/** Exact Bernoulli draws: the generator's binomial is a normal approximation at these sizes. */
function visitorsConverting(random: SeededRandom, n: number, rate: number): ProportionStatistic {
  let conversions = 0;
  for (let i = 0; i < n; i++) if (random.uniform() < rate) conversions++;
  return { n, conversions };
}

describe('analyseMetric', () => {
  it('finds about 5% significant A/A tests at α = 0.05 (1,000 simulated experiments)', () => {
    const random = seededRandom(4242);
    let significant = 0;
    let revenueSignificant = 0;
    for (let experiment = 0; experiment < 1000; experiment++) {
      const a = visitorsConverting(random, 4000, 0.08);
      const b = visitorsConverting(random, 4000, 0.08);
      const analysis = analyseMetric(conversionInput('frequentist', a, [{ name: 'Variant B', arm: b }]));
      if (analysis.variants[0]?.decision !== 'undecided') significant++;

      // Revenue per visitor: skewed, mostly zero (8% buy, gamma-distributed baskets).
      const revenueArm = () => {
        const s = { n: 500, sum: 0, sumSquares: 0 };
        for (let i = 0; i < 500; i++) {
          const y = random.uniform() < 0.08 ? random.gamma(2, 25) : 0;
          s.sum += y;
          s.sumSquares += y * y;
        }
        return meanMoments(s);
      };
      const control = revenueArm();
      const revenue = analyseMetric({
        metric: 'revenue per visitor',
        engine: 'frequentist',
        control,
        variants: [{ name: 'Variant B', effect: effectMoments(control, revenueArm()) }],
        visitors: [500, 500],
        weights: [1, 1],
      });
      if (revenue.variants[0]?.decision !== 'undecided') revenueSignificant++;
    }
    assert.ok(significant >= 30 && significant <= 70, `${significant} of 1,000`);
    assert.ok(revenueSignificant >= 30 && revenueSignificant <= 70, `${revenueSignificant} of 1,000`);
  });

  it('keeps the family-wise false positive rate near 5% with three variants (Holm)', () => {
    const random = seededRandom(99);
    let anySignificant = 0;
    for (let experiment = 0; experiment < 1000; experiment++) {
      const draw = () => visitorsConverting(random, 3000, 0.1);
      const analysis = analyseMetric(
        conversionInput('frequentist', draw(), [
          { name: 'B', arm: draw() },
          { name: 'C', arm: draw() },
          { name: 'D', arm: draw() },
        ]),
      );
      if (analysis.variants.some((v) => v.decision !== 'undecided')) anySignificant++;
    }
    // Uncorrected, three comparisons would give about 12–13%.
    assert.ok(anySignificant >= 25 && anySignificant <= 70, `${anySignificant} of 1,000`);
  });

  it('calls a real 10% uplift a winner with enough visitors, in all three engines', () => {
    for (const engine of ['bayesian', 'frequentist', 'sequential'] as const) {
      const analysis = analyseMetric(
        conversionInput(engine, { n: 60_000, conversions: 6000 }, [
          { name: 'Variant B', arm: { n: 60_000, conversions: 6600 } },
        ]),
      );
      assert.equal(analysis.verdict.kind, 'winner', `${engine}: ${analysis.verdict.sentence}`);
      assert.match(analysis.verdict.sentence, /^Variant B is winning: .*\+10\.0% \(95% CI \+\d/);
    }
  });

  it('sizes the remaining visitors for a 5% change from the control rate', () => {
    const analysis = analyseMetric(
      conversionInput('bayesian', { n: 10_000, conversions: 1000 }, [
        { name: 'Variant B', arm: { n: 10_000, conversions: 1010 } },
      ]),
    );
    assert.equal(analysis.visitorsPerArmNeeded, 56512);
    assert.equal(analysis.visitorsStillNeeded, 46512);
    assert.equal(analysis.verdict.kind, 'no_winner_yet');
  });

  it('reports a broken split whatever the metric says', () => {
    const analysis = analyseMetric(
      conversionInput('bayesian', { n: 10_000, conversions: 1000 }, [
        { name: 'Variant B', arm: { n: 11_000, conversions: 1500 } },
      ]),
    );
    assert.equal(analysis.verdict.kind, 'sample_ratio_mismatch');
  });
});
