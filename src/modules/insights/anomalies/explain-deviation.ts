/**
 * Why a flagged day moved: which values of which breakdown (channel, campaign, device, country,
 * product) account for the deviation, in numbers and in one sentence.
 *
 * Additive metrics (counts, amounts): each value's contribution is its own actual − expected, and
 * its share of the deviation is that over the dimension's total change.
 * Ratio metrics (conversion = orders ÷ sessions, AOV = revenue ÷ orders): the ratio is a weighted
 * mean of the values' ratios, R = Σ sᵥ rᵥ with sᵥ each value's share of the denominator, so
 * R − R̂ = Σ [ŝᵥ (rᵥ − r̂ᵥ)  +  (sᵥ − ŝᵥ)(rᵥ − R̂)]: a rate effect (the value converts differently)
 * plus a mix effect (it brought a different share of the sessions, at a rate different from the
 * average). The two terms sum exactly to R − R̂, because Σ (sᵥ − ŝᵥ) R̂ = 0.
 *
 * The dimension that explains the day is the one that concentrates the change: take, in each
 * dimension, the fewest values (at most three) that make two thirds of the change, and score
 * Σ (share of the change − usual share of the volume) over them. A value that makes 95% of a drop
 * while bringing 30% of the sessions scores 0.65; a country that makes 90% of every change because
 * it is 90% of the store scores 0 — proportional is not an explanation. For a ratio the volume is the
 * numerator (a site-wide conversion drop takes most from the channels that bring most orders, not
 * most sessions). If no dimension scores at least `minConcentration`, the change is spread alike
 * over every breakdown: a site-wide cause.
 */
import {
  capitalised,
  formatValue,
  signedPercent,
  signedValue,
  type WordingOptions,
} from './deviation-words.ts';
import type { MetricKind } from './metric-series.ts';

export interface SegmentDay {
  value: string;
  /** Additive metrics: the value's count or amount; ratio metrics: its rate or mean. */
  actual: number;
  expected: number;
  /** Ratio metrics: the value's denominator today (sessions, orders) and its expected denominator. */
  denominator?: number;
  expectedDenominator?: number;
}

export interface BreakdownDay {
  dimension: string;
  segments: SegmentDay[];
}

export interface ExplainInput extends WordingOptions {
  /** Words for the metric in a sentence: "sessions", "conversion rate". */
  metric: string;
  kind: MetricKind;
  /** The overall day, as judged. */
  actual: number;
  expected: number;
  breakdowns: BreakdownDay[];
  /** Ratio metrics: what the denominator counts (default: sessions for a proportion, orders for a mean). */
  denominatorWord?: string;
  /** Smallest concentration that names a dimension (default 0.2). */
  minConcentration?: number;
}

export interface Contributor {
  dimension: string;
  value: string;
  actual: number;
  expected: number;
  /** Its part of the deviation, in the metric's unit (ratio metrics: in the overall ratio). */
  change: number;
  /** The value's own relative change (its count, or its rate); null when it was expected at 0. */
  changePct: number | null;
  /** change ÷ the dimension's total change: positive when it moved with the day. */
  shareOfDeviation: number;
  /**
   * Its usual share of the volume: of the expected count, or for a ratio of the expected numerator
   * (orders for conversion, revenue for AOV) — the share of the change it would make if every value
   * moved by the same proportion.
   */
  usualShare: number;
  /** Ratio metrics: its share of the denominator today, and usually. */
  share?: number;
  usualDenominatorShare?: number;
  /** Ratio metrics: whether its own rate or its share of the volume made most of its part. */
  effect?: 'rate' | 'mix';
}

export interface DimensionExplanation {
  dimension: string;
  /** The dimension's whole change: Σ of every value's part (ratio metrics: R − R̂ in its own terms). */
  change: number;
  /** Σ (share of deviation − usual share) over `contributors`. */
  concentration: number;
  /** The fewest values (≤ 3) making two thirds of the change, largest first. */
  contributors: Contributor[];
}

export interface Explanation {
  metric: string;
  direction: 'up' | 'down' | 'none';
  actual: number;
  expected: number;
  changePct: number | null;
  /** The dimension that concentrates the change, or null when it is spread alike (site-wide). */
  dimension: string | null;
  contributors: Contributor[];
  /** Every dimension, most concentrated first. */
  dimensions: DimensionExplanation[];
  sentence: string;
}

const coverage = 2 / 3;
const maxContributors = 3;

function contributionsOf(kind: MetricKind, breakdown: BreakdownDay): Contributor[] {
  const { dimension, segments } = breakdown;
  if (kind === 'count' || kind === 'amount') {
    const expectedTotal = segments.reduce((sum, segment) => sum + Math.max(0, segment.expected), 0);
    return segments.map((segment) => ({
      dimension,
      value: segment.value,
      actual: segment.actual,
      expected: segment.expected,
      change: segment.actual - segment.expected,
      changePct: segment.expected > 0 ? segment.actual / segment.expected - 1 : null,
      shareOfDeviation: 0,
      usualShare: expectedTotal > 0 ? Math.max(0, segment.expected) / expectedTotal : 0,
    }));
  }
  const denominatorTotal = segments.reduce((sum, segment) => sum + (segment.denominator ?? 0), 0);
  const expectedDenominatorTotal = segments.reduce(
    (sum, segment) => sum + (segment.expectedDenominator ?? 0),
    0,
  );
  const usual = (segment: SegmentDay) =>
    expectedDenominatorTotal > 0 ? (segment.expectedDenominator ?? 0) / expectedDenominatorTotal : 0;
  const expectedRatio = segments.reduce((sum, segment) => sum + usual(segment) * segment.expected, 0);
  return segments.map((segment) => {
    const share = denominatorTotal > 0 ? (segment.denominator ?? 0) / denominatorTotal : 0;
    // A value with no denominator today has no rate of its own; its rate effect is then nil.
    const rate = (segment.denominator ?? 0) > 0 ? segment.actual : segment.expected;
    const rateEffect = usual(segment) * (rate - segment.expected);
    const mixEffect = (share - usual(segment)) * (rate - expectedRatio);
    return {
      dimension: breakdown.dimension,
      value: segment.value,
      actual: rate,
      expected: segment.expected,
      change: rateEffect + mixEffect,
      changePct: segment.expected > 0 ? rate / segment.expected - 1 : null,
      shareOfDeviation: 0,
      usualShare: expectedRatio > 0 ? (usual(segment) * segment.expected) / expectedRatio : 0,
      share,
      usualDenominatorShare: usual(segment),
      effect: Math.abs(rateEffect) >= Math.abs(mixEffect) ? 'rate' : 'mix',
    };
  });
}

function explainDimension(kind: MetricKind, breakdown: BreakdownDay): DimensionExplanation | null {
  const contributions = contributionsOf(kind, breakdown);
  const total = contributions.reduce((sum, contribution) => sum + contribution.change, 0);
  if (contributions.length === 0 || !Number.isFinite(total) || Math.abs(total) < 1e-12) return null;
  for (const contribution of contributions) contribution.shareOfDeviation = contribution.change / total;
  contributions.sort((a, b) => b.shareOfDeviation - a.shareOfDeviation);
  const contributors: Contributor[] = [];
  let covered = 0;
  for (const contribution of contributions) {
    if (contribution.shareOfDeviation <= 0 || contributors.length === maxContributors || covered >= coverage)
      break;
    contributors.push(contribution);
    covered += contribution.shareOfDeviation;
  }
  const concentration = contributors.reduce((sum, c) => sum + c.shareOfDeviation - c.usualShare, 0);
  return { dimension: breakdown.dimension, change: total, concentration, contributors };
}

function dimensionList(dimensions: readonly string[]): string {
  const plural = dimensions.map((dimension) =>
    dimension.endsWith('y') ? `${dimension.slice(0, -1)}ies` : `${dimension}s`,
  );
  if (plural.length <= 1) return plural.join('');
  return `${plural.slice(0, -1).join(', ')} and ${plural.at(-1)}`;
}

function contributorPhrase(input: ExplainInput, contributor: Contributor): string {
  const wording: WordingOptions = { currency: input.currency, locale: input.locale };
  if (input.kind === 'count' || input.kind === 'amount') {
    const pct = contributor.changePct === null ? 'new' : signedPercent(contributor.changePct);
    return `${contributor.value} ${signedValue(input.kind, contributor.actual - contributor.expected, wording)} (${pct})`;
  }
  const verb = input.kind === 'proportion' ? 'converting' : 'averaging';
  const rate = `${verb} ${formatValue(input.kind, contributor.actual, wording)} vs ${formatValue(input.kind, contributor.expected, wording)} expected`;
  if (contributor.effect === 'rate') return `${contributor.value} ${rate}`;
  const word = input.denominatorWord ?? (input.kind === 'proportion' ? 'sessions' : 'orders');
  const share = `${Math.round((contributor.share ?? 0) * 100)}% of ${word} vs ${Math.round((contributor.usualDenominatorShare ?? 0) * 100)}% usually`;
  return `${contributor.value} ${share}, ${verb} ${formatValue(input.kind, contributor.actual, wording)}`;
}

export function explainDeviation(input: ExplainInput): Explanation {
  const minConcentration = input.minConcentration ?? 0.2;
  const wording: WordingOptions = { currency: input.currency, locale: input.locale };
  const direction = input.actual > input.expected ? 'up' : input.actual < input.expected ? 'down' : 'none';
  const changePct = input.expected > 0 ? input.actual / input.expected - 1 : null;
  const dimensions = input.breakdowns
    .map((breakdown) => explainDimension(input.kind, breakdown))
    .filter((dimension): dimension is DimensionExplanation => dimension !== null)
    .sort((a, b) => b.concentration - a.concentration);
  const best = dimensions[0] && dimensions[0].concentration >= minConcentration ? dimensions[0] : null;

  const headline = `${capitalised(input.metric)} ${changePct === null ? 'up from nothing' : signedPercent(changePct)} (${formatValue(input.kind, input.actual, wording)} vs ${formatValue(input.kind, input.expected, wording)} expected)`;
  const drop = direction === 'up' ? 'the rise' : 'the drop';
  let sentence: string;
  if (best) {
    const covered = best.contributors.reduce((sum, c) => sum + c.shareOfDeviation, 0);
    const parts = best.contributors.map((contributor) => contributorPhrase(input, contributor));
    const joined = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join('; ')} and ${parts.at(-1)}`;
    sentence = `${headline}, mostly from ${best.dimension} ${joined}: ${Math.round(Math.min(1, covered) * 100)}% of ${drop}.`;
  } else if (dimensions.length > 0) {
    sentence = `${headline}, alike across ${dimensionList(input.breakdowns.map((b) => b.dimension))}: a site-wide cause rather than one source.`;
  } else {
    sentence = `${headline}.`;
  }
  return {
    metric: input.metric,
    direction,
    actual: input.actual,
    expected: input.expected,
    changePct,
    dimension: best?.dimension ?? null,
    contributors: best?.contributors ?? [],
    dimensions,
    sentence,
  };
}
