import { targetMatches } from './targets.ts';
import type { BuyXGetY, Cart } from './types.ts';

/** How often the offer is used and, per cart line (by index), how many of its units are the Y units. */
export interface BuyXGetYPlan {
  uses: number;
  freeUnits: number[];
}

interface Eligible {
  index: number;
  quantity: number;
  unitAmount: number;
  x: boolean;
  y: boolean;
}

/**
 * Which units of the cart are the "get" (Y) units, and how many times the offer repeats.
 *
 * Y units are always the cheapest eligible ones (by unit price, ties to the earlier line): the
 * customer pays full price for the dearer items. A unit is X or Y, never both, so "buy 2 shirts,
 * get 1 shirt free" needs three shirts. Each use needs its full X condition and all `gets.quantity`
 * Y units; the offer repeats while the cart holds enough, up to `maxUsesPerOrder`.
 *
 * - By quantity (`buys.quantity`): the most uses the counts allow; among the cheapest units, those
 *   eligible only as Y are taken before units that could also be X, when that is needed to leave
 *   enough X units.
 * - By amount (`buys.minimumAmounts`): `k` uses need `k × minimum` spent on X items, counting X
 *   items at full price except the units taken as Y.
 */
export function planBuyXGetY(offer: BuyXGetY, cart: Cart): BuyXGetYPlan {
  const freeUnits = cart.lines.map(() => 0);
  const eligible: Eligible[] = cart.lines.map((line, index) => ({
    index,
    quantity: line.quantity,
    unitAmount: line.unitAmount,
    x: targetMatches(offer.buys.items, line),
    y: targetMatches(offer.gets.items, line),
  }));
  const cheapestY = eligible
    .filter((e) => e.y)
    .sort((a, b) => a.unitAmount - b.unitAmount || a.index - b.index);
  const perUse = offer.gets.quantity;
  const yUnits = cheapestY.reduce((n, e) => n + e.quantity, 0);
  const cap = offer.maxUsesPerOrder ?? Number.POSITIVE_INFINITY;
  let uses = 0;

  if (offer.buys.quantity !== null) {
    const buys = offer.buys.quantity;
    let onlyX = 0;
    let both = 0;
    for (const e of eligible) {
      if (e.x && e.y) both += e.quantity;
      else if (e.x) onlyX += e.quantity;
    }
    const onlyY = yUnits - both;
    uses = Math.min(
      Math.floor((both + onlyY) / perUse),
      Math.floor((onlyX + both) / buys),
      Math.floor((onlyX + both + onlyY) / (buys + perUse)),
      cap,
    );
    // Units that could be X too may be taken as Y only while enough X units remain.
    const bothAsYAllowed = both - Math.max(0, uses * buys - onlyX);
    takeCheapest(cheapestY, uses * perUse, freeUnits, bothAsYAllowed);
  } else {
    const minimum = offer.buys.minimumAmounts?.[cart.currency];
    if (minimum === undefined) return { uses: 0, freeUnits };
    const xSpend = (taken: number[]) =>
      eligible.reduce((sum, e) => (e.x ? sum + (e.quantity - taken[e.index]!) * e.unitAmount : sum), 0);
    const feasible = (k: number) => {
      const taken = cart.lines.map(() => 0);
      takeCheapest(cheapestY, k * perUse, taken, Number.POSITIVE_INFINITY);
      return xSpend(taken) >= k * minimum;
    };
    // Feasibility only shrinks as k grows (more Y units, less X spend, a higher bar): binary search.
    let low = 0;
    let high = Math.min(Math.floor(yUnits / perUse), cap);
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (feasible(mid)) low = mid;
      else high = mid - 1;
    }
    uses = low;
    takeCheapest(cheapestY, uses * perUse, freeUnits, Number.POSITIVE_INFINITY);
  }
  return { uses, freeUnits };
}

/** Takes `count` units from `cheapest` in order into `taken`, at most `bothLimit` of units that are also X. */
function takeCheapest(
  cheapest: readonly Eligible[],
  count: number,
  taken: number[],
  bothLimit: number,
): void {
  let left = count;
  let bothLeft = bothLimit;
  for (const e of cheapest) {
    if (left === 0) break;
    const take = Math.min(e.quantity, left, e.x ? bothLeft : Number.POSITIVE_INFINITY);
    taken[e.index] = take;
    left -= take;
    if (e.x) bothLeft -= take;
  }
}
