import { allocate } from '../../platform/money.ts';
import { isHigherRate, type RateFactors } from './rate-factors.ts';
import { type ShippingTaxation, standardTaxClass } from './schema.ts';

/** A piece of the shipping amount taxed as one class. */
export interface ShippingPart {
  taxClass: string;
  amount: number;
}

interface CartLine {
  amount: number;
  taxClass: string;
}

/**
 * How the shipping amount is taxed, as parts by class (an empty list: not taxed).
 * - `class`: all of it as the given class.
 * - `by_highest_rate`: all of it as the cart's class with the highest combined rate at the
 *   destination (lines with an amount; the first such line's class on a tie).
 * - `proportional`: split over the cart's classes in proportion to their lines' amounts (the amounts
 *   as entered: gross when prices include tax) with `allocate`, so the parts sum to the shipping
 *   amount; a cart of free items splits it evenly over its classes.
 * A cart without lines taxes shipping as the standard class.
 */
export function shippingTaxParts(
  shipping: { amount: number; taxation: ShippingTaxation; taxClass: string | null },
  lines: readonly CartLine[],
  factorsOf: (taxClass: string) => RateFactors,
): ShippingPart[] {
  const { amount, taxation } = shipping;
  if (taxation === 'not_taxed') return [];
  if (taxation === 'class') return [{ taxClass: shipping.taxClass ?? standardTaxClass, amount }];
  if (lines.length === 0) return [{ taxClass: standardTaxClass, amount }];

  if (taxation === 'by_highest_rate') {
    const paid = lines.filter((line) => line.amount > 0);
    let highest: string | undefined;
    for (const line of paid.length > 0 ? paid : lines) {
      if (highest === undefined || isHigherRate(factorsOf(line.taxClass), factorsOf(highest))) {
        highest = line.taxClass;
      }
    }
    return [{ taxClass: highest!, amount }];
  }

  const valueByClass = new Map<string, number>();
  for (const line of lines)
    valueByClass.set(line.taxClass, (valueByClass.get(line.taxClass) ?? 0) + line.amount);
  const classes = [...valueByClass.keys()];
  const parts = allocate(amount, [...valueByClass.values()]);
  return classes.map((taxClass, i) => ({ taxClass, amount: parts[i]! })).filter((part) => part.amount > 0);
}
