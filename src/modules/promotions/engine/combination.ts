import type { DiscountCandidate, DiscountClass } from './types.ts';

/** What a discount reduces, for combination rules and the order discounts are applied in. */
export function discountClassOf(discount: Pick<DiscountCandidate, 'type' | 'appliesTo'>): DiscountClass {
  if (discount.type === 'free_shipping') return 'shipping';
  if (discount.type === 'buy_x_get_y') return 'product';
  return discount.appliesTo.scope === 'order' ? 'order' : 'product';
}

/** Two discounts apply together only when each combines with the other's class. */
export function combines(a: DiscountCandidate, b: DiscountCandidate): boolean {
  return a.combinesWith[discountClassOf(b)] && b.combinesWith[discountClassOf(a)];
}

/** Product discounts first (they price the items), then order discounts on what is left, then shipping. */
const classOrder: Record<DiscountClass, number> = { product: 0, order: 1, shipping: 2 };

/** The set in the order its discounts are applied: by class, then in the ranking's order. */
export function applicationOrder(set: readonly DiscountCandidate[]): DiscountCandidate[] {
  return set
    .map((discount, rank) => ({ discount, rank }))
    .sort(
      (a, b) =>
        classOrder[discountClassOf(a.discount)] - classOrder[discountClassOf(b.discount)] || a.rank - b.rank,
    )
    .map((entry) => entry.discount);
}

/** Up to this many eligible discounts every combinable set is tried; beyond it, the greedy pick. */
export const exhaustiveLimit = 10;

/**
 * The set of discounts that saves the customer the most, among sets whose members all combine
 * pairwise. `ranked` comes best single saving first; `savingOf` prices a set (applied in
 * `applicationOrder`). Among sets saving the same, the one holding the better-ranked discounts
 * wins, so the answer is deterministic. With more than `exhaustiveLimit` eligible discounts (rare:
 * a few automatic discounts and the entered codes), each is taken in rank order when it combines
 * with those taken before.
 */
export function bestCombination(
  ranked: readonly DiscountCandidate[],
  savingOf: (set: DiscountCandidate[]) => number,
): DiscountCandidate[] {
  if (ranked.length > exhaustiveLimit) {
    const taken: DiscountCandidate[] = [];
    for (const discount of ranked) {
      if (taken.every((t) => combines(t, discount))) taken.push(discount);
    }
    return taken;
  }
  let best: DiscountCandidate[] = [];
  let bestSaving = -1;
  const chosen: DiscountCandidate[] = [];
  // Depth-first, taking a discount before leaving it out: the first set met with the best saving
  // holds the best-ranked discounts, and a later set must save strictly more to replace it.
  const visit = (index: number) => {
    if (index === ranked.length) {
      const saving = savingOf(chosen);
      if (saving > bestSaving) {
        bestSaving = saving;
        best = [...chosen];
      }
      return;
    }
    const discount = ranked[index]!;
    if (chosen.every((c) => combines(c, discount))) {
      chosen.push(discount);
      visit(index + 1);
      chosen.pop();
    }
    visit(index + 1);
  };
  visit(0);
  return best;
}
