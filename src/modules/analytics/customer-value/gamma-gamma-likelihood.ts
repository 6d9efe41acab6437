import gammaln from '@stdlib/math-base-special-gammaln';
import type { GammaGammaParameters } from './gamma-gamma-parameters.ts';
import { assertPurchaseHistory, type SpendHistory } from './purchase-history.ts';

/**
 * ln f(m̄ | x) for a repeat buyer (x > 0), the density of the mean of x purchase values:
 *   lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q·ln v + (px−1)·ln m̄ + px·ln x − (px+q)·ln(x·m̄ + v)
 */
export function gammaGammaLogLikelihood(parameters: GammaGammaParameters, history: SpendHistory): number {
  assertRepeatBuyer(history);
  return preparedSpendLogLikelihood(parameters, prepareSpendSample([history]));
}

/** Σ ln f over the repeat buyers; the others carry no spend information and are skipped. */
export function gammaGammaTotalLogLikelihood(
  parameters: GammaGammaParameters,
  histories: readonly SpendHistory[],
): number {
  return preparedSpendLogLikelihood(parameters, prepareSpendSample(histories));
}

/**
 * Repeat buyers grouped by x for repeated evaluation during a fit: the gamma functions depend on x
 * only, and ln m̄ and ln x not on the parameters at all, which leaves one logarithm per buyer.
 */
export interface SpendSample {
  readonly repeatBuyers: number;
  readonly meanSpend: number;
  readonly groups: readonly {
    readonly repeatPurchases: number;
    readonly meanRepeatSpends: Float64Array;
    /** Σ ln m̄ over the group. */
    readonly sumLogSpend: number;
  }[];
}

/** Reads the repeat buyers (x > 0) of the list; the others are passed over. */
export function prepareSpendSample(histories: readonly SpendHistory[]): SpendSample {
  const byCount = new Map<number, number[]>();
  let repeatBuyers = 0;
  let spend = 0;
  histories.forEach((history, position) => {
    if (history.repeatPurchases === 0) return;
    assertRepeatBuyer(history, position);
    const spends = byCount.get(history.repeatPurchases) ?? [];
    byCount.set(history.repeatPurchases, spends);
    spends.push(history.meanRepeatSpend);
    repeatBuyers++;
    spend += history.meanRepeatSpend;
  });
  const groups = [...byCount.entries()].map(([repeatPurchases, spends]) => ({
    repeatPurchases,
    meanRepeatSpends: Float64Array.from(spends),
    sumLogSpend: spends.reduce((sum, m) => sum + Math.log(m), 0),
  }));
  return { repeatBuyers, meanSpend: repeatBuyers > 0 ? spend / repeatBuyers : 0, groups };
}

export function preparedSpendLogLikelihood(parameters: GammaGammaParameters, sample: SpendSample): number {
  const { p, q, v } = parameters;
  let total = 0;
  for (const { repeatPurchases: x, meanRepeatSpends, sumLogSpend } of sample.groups) {
    const px = p * x;
    const n = meanRepeatSpends.length;
    let sumLogTotal = 0;
    for (let i = 0; i < n; i++) sumLogTotal += Math.log(x * meanRepeatSpends[i]! + v);
    total +=
      n * (gammaln(px + q) - gammaln(px) - gammaln(q) + q * Math.log(v) + px * Math.log(x)) +
      (px - 1) * sumLogSpend -
      (px + q) * sumLogTotal;
  }
  return total;
}

export function assertRepeatBuyer(history: SpendHistory, position = 0): void {
  assertPurchaseHistory(history, position);
  const m = history.meanRepeatSpend;
  if (history.repeatPurchases === 0) {
    throw new RangeError(`purchase history #${position}: the spend model reads repeat buyers only`);
  }
  if (!Number.isFinite(m) || m <= 0) {
    throw new RangeError(`purchase history #${position}: meanRepeatSpend must be > 0, got ${m}`);
  }
}
