import type { Db } from '../../platform/db/database.ts';
import { unprocessable } from '../../platform/errors.ts';
import { findVariantShippingFacts } from '../catalog/index.ts';

export interface CartLine {
  variantId: string;
  quantity: number;
}

export interface CartWeight {
  totalGrams: number;
  /** False when no line is sent (gift cards, downloads): the cart needs no shipping at all. */
  shippingRequired: boolean;
  /** Shipped variants without a weight in the catalog: counted as 0 g, so the total may be light. */
  variantsWithoutWeight: string[];
}

/**
 * What a cart weighs, from the catalog's variant weights: the sum of quantity × weight over the
 * lines that are shipped. Unknown variants are refused (422 `unknown_variant`).
 */
export async function weighCart(db: Db, storeId: string, lines: readonly CartLine[]): Promise<CartWeight> {
  const facts = await findVariantShippingFacts(
    db,
    storeId,
    lines.map((l) => l.variantId),
  );
  return weighLines(lines, facts);
}

/**
 * `weighCart` over variant facts the caller has read already (the cart's variants): the same
 * sum, and the same 422 `unknown_variant` for a line whose variant is not among them.
 */
export function weighLines(
  lines: readonly CartLine[],
  facts: ReadonlyMap<string, { requiresShipping: boolean; weightGrams: number | null }>,
): CartWeight {
  const unknown = [...new Set(lines.filter((l) => !facts.has(l.variantId)).map((l) => l.variantId))];
  if (unknown.length > 0) {
    throw unprocessable('unknown_variant', 'Some variants are not in this store.', {
      path: 'lines',
      variantIds: unknown,
    });
  }
  let totalGrams = 0;
  const withoutWeight = new Set<string>();
  for (const line of lines) {
    const variant = facts.get(line.variantId)!;
    if (!variant.requiresShipping) continue;
    if (variant.weightGrams === null) withoutWeight.add(line.variantId);
    totalGrams += line.quantity * (variant.weightGrams ?? 0);
  }
  return {
    totalGrams,
    shippingRequired: lines.some((l) => facts.get(l.variantId)!.requiresShipping),
    variantsWithoutWeight: [...withoutWeight],
  };
}
