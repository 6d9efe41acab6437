/**
 * A customer's purchase history as the BG/NBD and Gamma-Gamma models read it. Times are in one unit
 * the caller chooses for the whole store (days or weeks) and counted from the customer's first
 * purchase, which itself is not a repeat: a customer who ordered once has no repeat purchases.
 */
export interface PurchaseHistory {
  /** x: purchases after the first one (a whole number ≥ 0). */
  readonly repeatPurchases: number;
  /** t_x: time of the last purchase after the first (0 when there is no repeat purchase). */
  readonly lastPurchaseTime: number;
  /** T: time from the first purchase to the end of the observation period (≥ lastPurchaseTime). */
  readonly age: number;
}

/** A purchase history with the spend the Gamma-Gamma model needs. */
export interface SpendHistory extends PurchaseHistory {
  /**
   * m̄: the mean value of the repeat purchases (the first purchase excluded), in one unit for the
   * whole store, e.g. minor units of its currency; 0 or absent for a customer with no repeat purchase.
   * Predictions come back in the same unit.
   */
  readonly meanRepeatSpend: number;
}

/**
 * Throws a RangeError naming the customer's position unless the history is one the models can read;
 * histories come from order rows, so a bad one is a bug in the code that built it.
 */
export function assertPurchaseHistory(history: PurchaseHistory, position = 0): void {
  const { repeatPurchases: x, lastPurchaseTime: tx, age: T } = history;
  const where = `purchase history #${position}`;
  if (!Number.isSafeInteger(x) || x < 0) {
    throw new RangeError(`${where}: repeatPurchases must be a whole number ≥ 0, got ${x}`);
  }
  if (!Number.isFinite(T) || T < 0) throw new RangeError(`${where}: age must be finite and ≥ 0, got ${T}`);
  if (!Number.isFinite(tx) || tx < 0 || tx > T) {
    throw new RangeError(`${where}: lastPurchaseTime must lie between 0 and age (${T}), got ${tx}`);
  }
  if (x === 0 && tx !== 0) {
    throw new RangeError(`${where}: lastPurchaseTime must be 0 when there is no repeat purchase, got ${tx}`);
  }
}
