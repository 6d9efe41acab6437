import type { CartLine, DiscountCandidate, DiscountTarget } from './types.ts';

/** Whether a cart line is one of the target's items (every line is, for the whole order). */
export function targetMatches(target: DiscountTarget, line: CartLine): boolean {
  switch (target.scope) {
    case 'order':
      return true;
    case 'products':
      return target.productIds.includes(line.productId);
    case 'collections':
      return line.collectionIds.some((id) => target.collectionIds.includes(id));
  }
}

/**
 * The lines a discount's minimum subtotal or quantity is measured on: the targeted lines of a
 * percentage or fixed amount on products or collections; the whole cart otherwise (order
 * discounts, free shipping, buy X get Y, whose own threshold is the X condition).
 */
export function conditionLines(discount: DiscountCandidate, lines: readonly CartLine[]): CartLine[] {
  if (discount.type === 'percentage' || discount.type === 'fixed_amount') {
    return lines.filter((line) => targetMatches(discount.appliesTo, line));
  }
  return [...lines];
}
