import { allocate } from '../../../platform/money/allocation.ts';
import { planBuyXGetY } from './buy-x-get-y.ts';
import { targetMatches } from './targets.ts';
import type { Cart, DiscountCandidate } from './types.ts';

/** What one discount takes off each line (by index) and off shipping. */
export interface DiscountShare {
  lines: number[];
  shipping: number;
}

/**
 * `amount × fraction`, rounded half up to a whole minor unit, in BigInt (amount × basis points can
 * pass 2^53). Never more than `amount` while the fraction is at most 1.
 */
export function fractionOf(amount: number, numerator: bigint, denominator: bigint): number {
  return Number((BigInt(amount) * numerator * 2n + denominator) / (denominator * 2n));
}

/**
 * The share of one discount, given what is left of each line (`remaining`) and of shipping after
 * the discounts applied before it. Nothing is ever taken beyond what is left, so no line and no
 * shipping goes below zero.
 *
 * - Percentage on the order: the percentage of the lines' remaining subtotal, rounded half up once,
 *   then allocated to the lines in proportion to what is left of them (`allocate`), so the order's
 *   "10 % off" is exactly 10 % of its subtotal and the lines add up to it.
 * - Percentage on products or collections: per matching line, the percentage of what is left of
 *   the line, rounded half up; the discount is the sum of its lines.
 * - Fixed amount, once (the order, or matching lines with `oncePerOrder`): the amount in the cart's
 *   currency, at most what is left of those lines, allocated to them in proportion to what is left.
 * - Fixed amount per unit (`oncePerOrder` false): the amount × the line's quantity, at most what is
 *   left of the line.
 * - Free shipping: what is left of shipping.
 * - Buy X get Y: per line holding Y units, the Y percentage of those units' part of what is left of
 *   the line, rounded half up.
 */
export function discountShare(
  discount: DiscountCandidate,
  cart: Cart,
  remaining: readonly number[],
  shippingRemaining: number,
): DiscountShare {
  const none = remaining.map(() => 0);
  const matching = cart.lines.map((line) => targetMatches(discount.appliesTo, line));
  switch (discount.type) {
    case 'free_shipping':
      return { lines: none, shipping: shippingRemaining };
    case 'percentage': {
      const bp = BigInt(discount.percentBp ?? 0);
      if (discount.appliesTo.scope === 'order') {
        const base = remaining.reduce((sum, r) => sum + r, 0);
        return { lines: spread(fractionOf(base, bp, 10000n), remaining), shipping: 0 };
      }
      const lines = remaining.map((r, i) => (matching[i] ? fractionOf(r, bp, 10000n) : 0));
      return { lines, shipping: 0 };
    }
    case 'fixed_amount': {
      const amount = discount.amounts?.[cart.currency] ?? 0;
      const weights = remaining.map((r, i) => (matching[i] ? r : 0));
      if (discount.appliesTo.scope === 'order' || discount.oncePerOrder) {
        const base = weights.reduce((sum, w) => sum + w, 0);
        return { lines: spread(Math.min(amount, base), weights), shipping: 0 };
      }
      const lines = weights.map((w, i) => {
        const perUnits = BigInt(amount) * BigInt(cart.lines[i]!.quantity);
        return perUnits < BigInt(w) ? Number(perUnits) : w;
      });
      return { lines, shipping: 0 };
    }
    case 'buy_x_get_y': {
      const offer = discount.buyXGetY;
      if (!offer) return { lines: none, shipping: 0 };
      const { freeUnits } = planBuyXGetY(offer, cart);
      const bp = BigInt(offer.gets.percentBp);
      const lines = remaining.map((r, i) => {
        const free = freeUnits[i]!;
        if (free === 0) return 0;
        const quantity = BigInt(cart.lines[i]!.quantity);
        return fractionOf(r, BigInt(free) * bp, quantity * 10000n);
      });
      return { lines, shipping: 0 };
    }
  }
}

/** `total` over the lines in proportion to `weights`; each part is at most its weight when total ≤ Σ weights. */
function spread(total: number, weights: readonly number[]): number[] {
  if (weights.length === 0 || total === 0) return weights.map(() => 0);
  return allocate(total, weights);
}
