import type { HistoricalOrder } from '../modules/orders/index.ts';

/** The shop reorders every four weeks, what the four weeks ahead will sell. */
export const restockPeriodDays = 28;

/**
 * The maker deliveries that carried the history's stock: at the start of each four-week period,
 * per variant, exactly the units its orders of that period take, and in the first delivery also
 * what the shelf holds at the end (`targets`: today's stock, less the returns that come back over
 * the history). So the shelf never runs below what is left at the end, never goes negative, and
 * ends where the stock screens show it; a variant whose target is 0 and that stops selling (the
 * best-seller that ran out) sells its last unit on the day it runs out. `periodOf` gives each
 * order's period. Returns per period the units per variant.
 */
export function historyDeliveries(
  orders: readonly HistoricalOrder[],
  periodOf: readonly number[],
  periods: number,
  targets: ReadonlyMap<string, number>,
): Map<string, number>[] {
  const deliveries = Array.from({ length: periods }, () => new Map<string, number>());
  const back = new Map<string, number>();
  const add = (map: Map<string, number>, variantId: string, units: number) =>
    map.set(variantId, (map.get(variantId) ?? 0) + units);
  for (const [i, h] of orders.entries()) {
    if (h.cancelledAt) continue;
    for (const line of h.order.lines)
      if (line.variantId) add(deliveries[periodOf[i]!]!, line.variantId, line.quantity);
    const returned = h.return?.restock ? h.order.lines[h.return.lineIndex] : null;
    if (returned?.variantId) add(back, returned.variantId, returned.quantity);
  }
  for (const [variantId, target] of targets) {
    const opening = Math.max(0, target - (back.get(variantId) ?? 0));
    if (opening > 0) add(deliveries[0]!, variantId, opening);
  }
  return deliveries;
}
