import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type BreakdownDay, explainDeviation } from './explain-deviation.ts';

const segments = (rows: [string, number, number][]) =>
  rows.map(([value, actual, expected]) => ({ value, actual, expected }));
const close = (actual: number, expected: number, tolerance: number) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} vs ${expected}`);

describe('explainDeviation: additive metrics', () => {
  // A campaign's budget ran out: Paid Search sessions went from 900 to 30; device and country moved
  // in proportion to their size, so they explain nothing.
  const breakdowns: BreakdownDay[] = [
    {
      dimension: 'device',
      segments: segments([
        ['mobile', 1278, 1800],
        ['desktop', 745, 1050],
        ['tablet', 107, 150],
      ]),
    },
    {
      dimension: 'channel',
      segments: segments([
        ['Organic Search', 1010, 1000],
        ['Paid Search', 30, 900],
        ['Social', 490, 500],
        ['Email', 305, 300],
        ['Direct', 295, 300],
      ]),
    },
    {
      dimension: 'country',
      segments: segments([
        ['DE', 1700, 2400],
        ['FR', 430, 600],
      ]),
    },
  ];

  it('picks the channel that made the drop, not the big device or country', () => {
    const explanation = explainDeviation({
      metric: 'sessions',
      kind: 'count',
      actual: 2130,
      expected: 3000,
      breakdowns,
    });
    assert.equal(explanation.dimension, 'channel');
    assert.equal(explanation.contributors.length, 1);
    const [paid] = explanation.contributors;
    assert.equal(paid!.value, 'Paid Search');
    assert.equal(paid!.change, -870);
    close(paid!.changePct!, -870 / 900, 1e-12);
    // Channel changes: −870 + 10 − 10 + 5 − 5 = −870, all of it Paid Search's; it usually brings 30%.
    close(paid!.shareOfDeviation, 1, 1e-12);
    close(paid!.usualShare, 0.3, 1e-12);
    close(explanation.dimensions[0]!.concentration, 0.7, 1e-12);
    // mobile (60% of the drop, 60% of sessions) and desktop (35%, 35%): nothing beyond their size.
    const device = explanation.dimensions.find((d) => d.dimension === 'device')!;
    close(device.concentration, 0, 0.01);
    assert.equal(
      explanation.sentence,
      'Sessions −29% (2,130 vs 3,000 expected), mostly from channel Paid Search −870 (−97%): 100% of the drop.',
    );
  });

  it('calls a drop spread alike over every breakdown site-wide', () => {
    const scaled = (rows: [string, number][]) =>
      rows.map(([value, expected]) => ({ value, actual: expected * 0.2, expected }));
    const explanation = explainDeviation({
      metric: 'orders',
      kind: 'count',
      actual: 60,
      expected: 300,
      breakdowns: [
        {
          dimension: 'channel',
          segments: scaled([
            ['Organic Search', 150],
            ['Paid Search', 100],
            ['Email', 50],
          ]),
        },
        {
          dimension: 'country',
          segments: scaled([
            ['DE', 200],
            ['FR', 100],
          ]),
        },
      ],
    });
    assert.equal(explanation.dimension, null);
    assert.equal(
      explanation.sentence,
      'Orders −80% (60 vs 300 expected), alike across channels and countries: a site-wide cause rather than one source.',
    );
  });

  it('writes money with the store currency', () => {
    const explanation = explainDeviation({
      metric: 'revenue',
      kind: 'amount',
      actual: 150_000,
      expected: 250_000,
      currency: 'EUR',
      breakdowns: [
        {
          dimension: 'product',
          segments: segments([
            ['Linen shirt', 20_000, 120_000],
            ['Wool scarf', 130_000, 130_000],
          ]),
        },
      ],
    });
    assert.equal(
      explanation.sentence,
      'Revenue −40% (€1,500.00 vs €2,500.00 expected), mostly from product Linen shirt −€1,000.00 (−83%): 100% of the drop.',
    );
  });
});

describe('explainDeviation: ratio metrics (rate and mix effects)', () => {
  const channel = (rows: [string, number, number, number, number][]): BreakdownDay => ({
    dimension: 'channel',
    segments: rows.map(([value, sessions, rate, expectedSessions, expectedRate]) => ({
      value,
      actual: rate,
      expected: expectedRate,
      denominator: sessions,
      expectedDenominator: expectedSessions,
    })),
  });

  it('a channel converting worse is a rate effect', () => {
    // Expected: three channels of 1,000 sessions at 3%, 2.5% and 1% → 2.1667%. Paid Search's landing
    // page breaks: 0.5%. Overall (5 + 25 + 10) / 3000 = 1.3333%; Paid Search's part (1/3)(0.5% − 3%).
    const explanation = explainDeviation({
      metric: 'conversion rate',
      kind: 'proportion',
      actual: 40 / 3000,
      expected: 0.065 / 3,
      breakdowns: [
        channel([
          ['Paid Search', 1000, 0.005, 1000, 0.03],
          ['Organic Search', 1000, 0.025, 1000, 0.025],
          ['Social', 1000, 0.01, 1000, 0.01],
        ]),
      ],
    });
    const [paid] = explanation.contributors;
    assert.equal(paid!.value, 'Paid Search');
    assert.equal(paid!.effect, 'rate');
    close(paid!.change, (1 / 3) * (0.005 - 0.03), 1e-15);
    close(paid!.shareOfDeviation, 1, 1e-12);
    // Usually Paid Search brings (1/3 × 3%) / 2.1667% = 46.15% of the orders: concentration 0.5385.
    close(paid!.usualShare, 0.461538, 1e-6);
    close(explanation.dimensions[0]!.concentration, 0.538462, 1e-6);
    assert.equal(
      explanation.sentence,
      'Conversion rate −38% (1.33% vs 2.17% expected), mostly from channel Paid Search converting 0.5% vs 3% expected: 100% of the drop.',
    );
  });

  it('a flood of low-converting visitors is a mix effect, and the parts add up to the change', () => {
    // Social goes viral: 5,000 sessions at 0.6% instead of 1,000 at 1%. Overall 85 / 7000 = 1.2143%.
    // Social: rate (1/3)(0.6% − 1%) = −0.13333%, mix (5/7 − 1/3)(0.6% − 2.1667%) = −0.59683%;
    // Paid Search: mix (1/7 − 1/3)(3% − 2.1667%) = −0.15873%; Organic: −0.063492%.
    // Total −0.95238% = 1.2143% − 2.1667%; Social's share 0.73016 / 0.95238 = 0.76667.
    const explanation = explainDeviation({
      metric: 'conversion rate',
      kind: 'proportion',
      actual: 85 / 7000,
      expected: 0.065 / 3,
      breakdowns: [
        channel([
          ['Paid Search', 1000, 0.03, 1000, 0.03],
          ['Organic Search', 1000, 0.025, 1000, 0.025],
          ['Social', 5000, 0.006, 1000, 0.01],
        ]),
      ],
    });
    assert.equal(explanation.dimension, 'channel');
    // The decomposition is exact: summed over every channel it is R − R̂.
    close(explanation.dimensions[0]!.change, 85 / 7000 - 0.065 / 3, 1e-15);
    const [social] = explanation.contributors;
    assert.equal(social!.value, 'Social');
    assert.equal(social!.effect, 'mix');
    close(social!.change, -0.0073016, 1e-7);
    close(social!.shareOfDeviation, 0.76667, 1e-5);
    close(social!.share!, 5 / 7, 1e-12);
    assert.equal(
      explanation.sentence,
      'Conversion rate −44% (1.21% vs 2.17% expected), mostly from channel Social 71% of sessions vs 33% usually, converting 0.6%: 77% of the drop.',
    );
  });
});
