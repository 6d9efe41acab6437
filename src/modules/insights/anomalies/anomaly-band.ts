/**
 * The band around a day's expected value outside which the day is flagged, built from three gates
 * that must all agree before a day is flagged:
 * 1. robust z: beyond ±threshold × σ on the log scale;
 * 2. material: at least `minRelativeChange` of the expected value, and at least `minEvents`
 *    orders/sessions/refunds worth (plus `minAbsoluteChange` in the metric's own unit); an amount
 *    can only be flagged high when it is made of at least `minEvents` orders or refunds;
 * 3. beyond chance (count-like metrics): the day's count is in a tail of probability below
 *    `tailAlpha` of a negative binomial (Poisson when the store's days vary no more than Poisson)
 *    whose extra variance comes from the same σ: on the log scale Var ≈ 1/mean + overdispersion, so
 *    overdispersion = max(0, σ² − 1/typical count). The law's mean is the expected value moved by the
 *    recent average gap between actual and expected values, in the direction that makes the flag
 *    harder: the baseline is a median, and on a sparse series (refunds, a small store) the median is
 *    0 while the mean is not — a median of 0 must not make one refund "impossible".
 * A day is flagged when it is beyond every gate, so the band's lower edge is the lowest of the
 * gates' lower edges and its upper edge the highest of their upper edges.
 */

import { type CountLaw, countLowerTail, countRange, countUpperTail } from './count-tail.ts';
import { type MetricKind, unscale } from './metric-series.ts';

export interface BandInput {
  kind: MetricKind;
  /** Expected value on the log scale, and the spread there. */
  centre: number;
  sigma: number;
  /** Expected value in the metric's own unit (count, minor units, rate, mean). */
  expected: number;
  /** Recent average of (actual − expected) in the same unit (rates: per trial), or null. */
  meanGap: number | null;
  /** The day's trials (proportion) — a rate's band depends on how many sessions it is from. */
  denominator: number | null;
  /** Amount per order (amounts with order counts), or null. */
  unitValue: number | null;
  /** The day's own units behind an amount (orders, refunds), or null. */
  units: number | null;
  /** The z cut-off actually used (the caller turns 3.5 into a Student-t quantile: z-threshold.ts). */
  threshold: number;
  minRelativeChange: number;
  minEvents: number;
  minAbsoluteChange: number;
  tailAlpha: number;
  orderValueVariation: number;
}

export interface Band {
  lower: number;
  upper: number;
}

/**
 * How a value maps onto a Poisson count for the chance gate: count = value × perValue, mean =
 * expected × perValue. Null when the metric has no count behind it (a mean, or an amount without
 * its orders).
 */
function countScale(input: BandInput): number | null {
  if (input.kind === 'count') return 1;
  if (input.kind === 'proportion')
    return input.denominator && input.denominator > 0 ? input.denominator : null;
  if (input.kind === 'amount' && input.unitValue && input.unitValue > 0) {
    // An amount from a Poisson number of orders of average value v, each varying with squared
    // coefficient of variation cv², has variance = mean × v(1 + cv²): it behaves like a Poisson
    // count of units worth v(1 + cv²) each.
    return 1 / (input.unitValue * (1 + input.orderValueVariation));
  }
  return null;
}

/** The count laws for a drop and for a rise, in count units (value × perValue). */
export function chanceLaws(input: BandInput, perValue: number): { low: CountLaw; high: CountLaw } {
  const gap = input.meanGap ?? 0;
  const low = Math.max(0, input.expected + Math.min(0, gap)) * perValue;
  const high = Math.max(0, input.expected + Math.max(0, gap)) * perValue;
  const overdispersion = high > 0 ? Math.max(0, input.sigma * input.sigma - 1 / high) : 0;
  return { low: { mean: low, overdispersion }, high: { mean: high, overdispersion } };
}

export function anomalyBand(input: BandInput): Band {
  const halfWidth = input.threshold * input.sigma;
  const zLower = unscale(input.kind, input.centre - halfWidth, input.denominator);
  const zUpper = unscale(input.kind, input.centre + halfWidth, input.denominator);

  let minChange = input.minAbsoluteChange;
  if (input.kind === 'count') minChange = Math.max(minChange, input.minEvents);
  if (input.kind === 'amount' && input.unitValue)
    minChange = Math.max(minChange, input.minEvents * input.unitValue);
  if (input.kind === 'proportion' && input.denominator) {
    minChange = Math.max(minChange, input.minEvents / input.denominator);
  }
  const materialLower = Math.min(input.expected * (1 - input.minRelativeChange), input.expected - minChange);
  // A rise made of fewer than `minEvents` orders or refunds is one big order, not an incident.
  const tooFewUnits = input.kind === 'amount' && input.units !== null && input.units < input.minEvents;
  const materialUpper = tooFewUnits
    ? Number.POSITIVE_INFINITY
    : Math.max(input.expected * (1 + input.minRelativeChange), input.expected + minChange);

  let chanceLower = Number.POSITIVE_INFINITY;
  let chanceUpper = Number.NEGATIVE_INFINITY;
  const perValue = countScale(input);
  if (perValue !== null) {
    const laws = chanceLaws(input, perValue);
    chanceLower = countRange(laws.low, input.tailAlpha).lowest / perValue;
    chanceUpper = countRange(laws.high, input.tailAlpha).highest / perValue;
  }
  return {
    lower: Math.max(0, Math.min(zLower, materialLower, chanceLower)),
    upper: Math.max(zUpper, materialUpper, chanceUpper),
  };
}

/**
 * The probability of a count at least as far out as the day's, in its direction, with the
 * same means the chance gate uses; null for metrics without a count behind them.
 */
export function chanceOf(input: BandInput, actual: number): number | null {
  const perValue = countScale(input);
  if (perValue === null) return null;
  const laws = chanceLaws(input, perValue);
  const count = actual * perValue;
  if (actual < input.expected) return countLowerTail(Math.floor(count + 1e-9), laws.low);
  if (actual > input.expected) return countUpperTail(Math.ceil(count - 1e-9), laws.high);
  return 1;
}
