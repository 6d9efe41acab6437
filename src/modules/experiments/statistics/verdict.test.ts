import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkSampleRatio } from './sample-ratio-mismatch.ts';
import { type VariantEvidence, verdict } from './verdict.ts';

const fairSplit = checkSampleRatio([10_000, 10_000], [1, 1]);

function evidence(partial: Partial<VariantEvidence>): VariantEvidence {
  return {
    name: 'Variant B',
    lift: 0,
    interval: [-0.05, 0.05],
    intervalLevel: 0.95,
    decision: 'undecided',
    testable: true,
    ...partial,
  };
}

describe('verdict', () => {
  it('names the winner with its chance, lift and interval', () => {
    const result = verdict({
      metric: 'conversion rate',
      sampleRatio: fairSplit,
      variants: [
        evidence({
          lift: 0.041,
          interval: [0.012, 0.07],
          chanceToBeatControl: 0.9712,
          decision: 'better',
        }),
      ],
      visitorsStillNeeded: 0,
      targetChange: 0.05,
    });
    assert.equal(result.kind, 'winner');
    assert.equal(result.variantName, 'Variant B');
    assert.equal(
      result.sentence,
      'Variant B is winning: 97% chance to beat control, +4.1% (95% CI +1.2% to +7.0%) conversion rate.',
    );
  });

  it('picks the best of several winners and quotes a p-value for a frequentist result', () => {
    const result = verdict({
      metric: 'revenue per visitor',
      sampleRatio: checkSampleRatio([5000, 5000, 5000], [1, 1, 1]),
      variants: [
        evidence({
          name: 'Variant B',
          lift: 0.03,
          interval: [0.01, 0.05],
          pValue: 0.004,
          decision: 'better',
        }),
        evidence({
          name: 'Variant C',
          lift: 0.06,
          interval: [0.02, 0.1],
          pValue: 0.0004,
          decision: 'better',
        }),
      ],
      visitorsStillNeeded: 0,
      targetChange: 0.05,
    });
    assert.equal(
      result.sentence,
      'Variant C is winning: p < 0.001, +6.0% (95% CI +2.0% to +10.0%) revenue per visitor.',
    );
  });

  it('says what decided a sequential winner, which has no p-value', () => {
    const result = verdict({
      metric: 'conversion rate',
      sampleRatio: fairSplit,
      variants: [evidence({ lift: 0.1, interval: [0.04, 0.16], decision: 'better' })],
      visitorsStillNeeded: 0,
      targetChange: 0.05,
    });
    assert.equal(
      result.sentence,
      'Variant B is winning: a difference that holds however often the results are checked, +10.0% (95% CI +4.0% to +16.0%) conversion rate.',
    );
  });

  it('warns against peeking when a fixed-horizon test is read before its planned sample', () => {
    const result = verdict({
      metric: 'conversion rate',
      sampleRatio: fairSplit,
      variants: [evidence({ lift: 0.12, interval: [0.01, 0.23], pValue: 0.031, decision: 'better' })],
      visitorsStillNeeded: 30_400,
      targetChange: 0.05,
      fixedHorizon: true,
    });
    assert.equal(result.kind, 'early_lead');
    assert.equal(
      result.sentence,
      'Variant B is ahead (p = 0.031, +12.0% (95% CI +1.0% to +23.0%) conversion rate), but not final: about 30k more visitors per variant are planned, and reading a fixed-horizon test before then inflates false positives.',
    );
  });

  it('puts a broken split before anything else', () => {
    const result = verdict({
      metric: 'conversion rate',
      sampleRatio: checkSampleRatio([1000, 1200], [1, 1]),
      variants: [evidence({ lift: 0.2, chanceToBeatControl: 0.999, decision: 'better' })],
      visitorsStillNeeded: 0,
      targetChange: 0.05,
    });
    assert.equal(result.kind, 'sample_ratio_mismatch');
    assert.equal(
      result.sentence,
      'Sample ratio mismatch: the split is broken (p < 0.0001), do not trust the results.',
    );
  });

  it('says how many more visitors are needed when nothing is decided', () => {
    const result = verdict({
      metric: 'conversion rate',
      sampleRatio: fairSplit,
      variants: [evidence({ chanceToBeatControl: 0.71 })],
      visitorsStillNeeded: 46_512,
      targetChange: 0.05,
    });
    assert.equal(result.kind, 'no_winner_yet');
    assert.equal(
      result.sentence,
      'No winner yet: about 47k more visitors per variant needed to detect a 5% change in conversion rate.',
    );
  });

  it('says control is winning when every variant is worse', () => {
    const result = verdict({
      metric: 'add-to-cart rate',
      sampleRatio: fairSplit,
      variants: [
        evidence({ lift: -0.052, interval: [-0.081, -0.023], chanceToBeatControl: 0.004, decision: 'worse' }),
      ],
      visitorsStillNeeded: 0,
      targetChange: 0.05,
    });
    assert.equal(result.kind, 'control_winning');
    assert.equal(
      result.sentence,
      'Control is winning: Variant B does worse, over 99% chance control is better, −5.2% (95% CI −8.1% to −2.3%) add-to-cart rate.',
    );
  });

  it('says there is no winner once the planned visitors are reached, and when there is no data', () => {
    const done = verdict({
      metric: 'conversion rate',
      sampleRatio: fairSplit,
      variants: [evidence({})],
      visitorsStillNeeded: 0,
      targetChange: 0.05,
    });
    assert.equal(done.kind, 'no_difference');
    const empty = verdict({
      metric: 'conversion rate',
      sampleRatio: checkSampleRatio([0, 0], [1, 1]),
      variants: [evidence({ testable: false })],
      visitorsStillNeeded: 56_512,
      targetChange: 0.05,
    });
    assert.equal(empty.kind, 'no_data');
  });
});
