import gammaln from '@stdlib/math-base-special-gammaln';
import type { BgNbdParameters } from './bg-nbd-parameters.ts';
import { logAddExp } from './log-add-exp.ts';
import { assertPurchaseHistory, type PurchaseHistory } from './purchase-history.ts';

/**
 * ln L for one customer:
 *   lnΓ(r+x) − lnΓ(r) + r·ln α + lnΓ(a+b) + lnΓ(b+x) − lnΓ(b) − lnΓ(a+b+x)
 *   + ln[ (α+T)^−(r+x) + [x>0]·a/(b+x−1)·(α+t_x)^−(r+x) ]
 * The last term is summed in log space: either power underflows to 0 for a heavy buyer.
 */
export function bgNbdLogLikelihood(parameters: BgNbdParameters, history: PurchaseHistory): number {
  assertPurchaseHistory(history);
  const { repeatPurchases: x, lastPurchaseTime: tx, age: T } = history;
  return countTerm(parameters, x) + lastPurchaseTerm(parameters, x, tx, T);
}

/** Σ ln L over the customers. */
export function bgNbdTotalLogLikelihood(
  parameters: BgNbdParameters,
  histories: readonly PurchaseHistory[],
): number {
  return preparedLogLikelihood(parameters, prepareBgNbdSample(histories));
}

/**
 * Histories grouped for repeated evaluation during a fit: the gamma-function terms depend on x only,
 * and stores have many customers with the same (x, t_x, T) (every one-time buyer of a day is one row).
 */
export interface BgNbdSample {
  readonly groups: readonly {
    readonly repeatPurchases: number;
    /** How many customers have this x. */
    readonly customers: number;
    /** Distinct (t_x, T) pairs with how many customers share them. */
    readonly lastPurchaseTimes: Float64Array;
    readonly ages: Float64Array;
    readonly counts: Float64Array;
  }[];
}

export function prepareBgNbdSample(histories: readonly PurchaseHistory[]): BgNbdSample {
  const byCount = new Map<number, Map<string, { tx: number; T: number; count: number }>>();
  histories.forEach((history, position) => {
    assertPurchaseHistory(history, position);
    const { repeatPurchases: x, lastPurchaseTime: tx, age: T } = history;
    const rows = byCount.get(x) ?? new Map<string, { tx: number; T: number; count: number }>();
    byCount.set(x, rows);
    const key = `${tx}:${T}`;
    const row = rows.get(key);
    if (row) row.count++;
    else rows.set(key, { tx, T, count: 1 });
  });
  const groups = [...byCount.entries()]
    .sort(([x1], [x2]) => x1 - x2)
    .map(([repeatPurchases, rows]) => {
      const list = [...rows.values()];
      return {
        repeatPurchases,
        customers: list.reduce((sum, row) => sum + row.count, 0),
        lastPurchaseTimes: Float64Array.from(list, (row) => row.tx),
        ages: Float64Array.from(list, (row) => row.T),
        counts: Float64Array.from(list, (row) => row.count),
      };
    });
  return { groups };
}

export function preparedLogLikelihood(parameters: BgNbdParameters, sample: BgNbdSample): number {
  const { r, alpha, a, b } = parameters;
  let total = 0;
  for (const group of sample.groups) {
    const x = group.repeatPurchases;
    const { lastPurchaseTimes, ages, counts } = group;
    // lastPurchaseTerm unrolled over the rows, with its x-only parts taken out of the loop: this sum
    // is where a fit spends its time.
    const exponent = r + x;
    const dropoutOdds = x > 0 ? Math.log(a) - Math.log(b + x - 1) : 0;
    let sum = 0;
    for (let i = 0; i < counts.length; i++) {
      const aliveAtEnd = -exponent * Math.log(alpha + ages[i]!);
      const term =
        x === 0
          ? aliveAtEnd
          : logAddExp(aliveAtEnd, dropoutOdds - exponent * Math.log(alpha + lastPurchaseTimes[i]!));
      sum += counts[i]! * term;
    }
    total += countTerm(parameters, x) * group.customers + sum;
  }
  return total;
}

// The part that depends on x alone: the NBD count of purchases and the chance of surviving x of them.
function countTerm({ r, alpha, a, b }: BgNbdParameters, x: number): number {
  return (
    gammaln(r + x) -
    gammaln(r) +
    r * Math.log(alpha) +
    gammaln(a + b) +
    gammaln(b + x) -
    gammaln(b) -
    gammaln(a + b + x)
  );
}

// Alive at T, or (if there was a repeat purchase) dropped out right after the last one at t_x.
function lastPurchaseTerm({ r, alpha, a, b }: BgNbdParameters, x: number, tx: number, T: number): number {
  const aliveAtEnd = -(r + x) * Math.log(alpha + T);
  if (x === 0) return aliveAtEnd;
  const goneAfterLast = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
  return logAddExp(aliveAtEnd, goneAfterLast);
}
