import { conditionalExpectedPurchases } from './bg-nbd-expectations.ts';
import type { BgNbdParameters } from './bg-nbd-parameters.ts';
import { expectedAverageSpend } from './expected-average-spend.ts';
import type { GammaGammaParameters } from './gamma-gamma-parameters.ts';
import type { SpendHistory } from './purchase-history.ts';

/** Average lengths of a month (365.25 / 12 days) in the two usual time units of the histories. */
export const daysPerMonth = 365.25 / 12;
export const weeksPerMonth = 365.25 / 12 / 7;

export interface LifetimeValueHorizon {
  /** H: how many months ahead to count. */
  readonly months: number;
  /** d: discount per month, e.g. 0.01 for 1 %. */
  readonly monthlyDiscountRate: number;
  /**
   * f: time units of the histories in one month (daysPerMonth for histories in days, weeksPerMonth in
   * weeks). Required, not defaulted: a days-per-month factor on weekly histories reads 30 weeks as
   * one month and inflates every value several-fold without any error.
   */
  readonly periodsPerMonth: number;
}

/**
 * Discounted value of the customer's purchases over the next H months:
 *   Σᵢ₌₁..H E[M]·(E[X(i·f) | history] − E[X((i−1)·f) | history]) / (1+d)^i
 * with E[X] from BG/NBD and E[M] from Gamma-Gamma. Same unit as meanRepeatSpend; a prediction, to be
 * rounded to minor units only where it is stored or shown.
 */
export function customerLifetimeValue(
  bgNbd: BgNbdParameters,
  gammaGamma: GammaGammaParameters,
  history: SpendHistory,
  horizon: LifetimeValueHorizon,
): number {
  const { months, monthlyDiscountRate: d, periodsPerMonth: f } = horizon;
  if (!Number.isSafeInteger(months) || months < 0) {
    throw new RangeError(`months must be a whole number ≥ 0, got ${months}`);
  }
  if (!Number.isFinite(d) || d <= -1) throw new RangeError(`monthlyDiscountRate must be > −1, got ${d}`);
  if (!Number.isFinite(f) || f <= 0) throw new RangeError(`periodsPerMonth must be > 0, got ${f}`);
  const spend = expectedAverageSpend(gammaGamma, history);
  let value = 0;
  let purchasesSoFar = 0;
  for (let month = 1; month <= months; month++) {
    const purchases = conditionalExpectedPurchases(bgNbd, history, month * f);
    value += (spend * (purchases - purchasesSoFar)) / (1 + d) ** month;
    purchasesSoFar = purchases;
  }
  return value;
}
