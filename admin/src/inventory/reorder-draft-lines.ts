import type { ReorderGroup, ReorderSuggestion } from './reorder-queries.ts';

/**
 * The bulk reorder's edited quantities turned into draft orders, and what is wrong with a quantity
 * before the server is asked (it checks the same and has the last word).
 */

/** The quantity as typed in a line's input: a number, or '' when cleared. */
export type TypedQuantity = number | string;

/** Why a line's quantity cannot go on an order; null when it can (0 or blank leaves the line out). */
export function quantityProblem(quantity: TypedQuantity, s: ReorderSuggestion): string | null {
  if (quantity === '' || quantity === 0) return null;
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 0)
    return 'A whole number of units.';
  const pack = s.calculation.packSize ?? 1;
  const minimum = s.calculation.minimumOrderQuantity ?? 1;
  if (quantity % pack !== 0) {
    const below = Math.floor(quantity / pack) * pack;
    return `Packs of ${pack}: ${below >= minimum && below > 0 ? `${below} or ` : ''}${below + pack}.`;
  }
  if (quantity < minimum) return `At least ${minimum}.`;
  return null;
}

/** The lines of one supplier's group that go on its draft: a quantity above 0, in the group's order. */
export function groupLines(
  group: ReorderGroup,
  quantities: Readonly<Record<string, TypedQuantity>>,
  byId: ReadonlyMap<string, ReorderSuggestion>,
): { variantId: string; quantity: number }[] {
  return group.variantIds.flatMap((variantId) => {
    const quantity = quantities[variantId] ?? byId.get(variantId)?.quantity ?? 0;
    return typeof quantity === 'number' && quantity > 0 ? [{ variantId, quantity }] : [];
  });
}
