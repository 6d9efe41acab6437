import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { productVariants } from './schema.ts';

/** What shipping needs to know of a variant: its weight and whether it ships at all. */
export interface VariantShippingFacts {
  variantId: string;
  /** Null: the weight was never entered. */
  weightGrams: number | null;
  /** False for what is not sent (gift cards, downloads, services). */
  requiresShipping: boolean;
}

/**
 * The shipping facts of the store's variants among `variantIds` (unknown ids and other stores' are
 * left out): what the shipping module weighs a cart with.
 */
export async function findVariantShippingFacts(
  db: Db,
  storeId: string,
  variantIds: readonly string[],
): Promise<Map<string, VariantShippingFacts>> {
  const ids = [...new Set(variantIds)];
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      variantId: productVariants.id,
      weightGrams: productVariants.weightGrams,
      requiresShipping: productVariants.requiresShipping,
    })
    .from(productVariants)
    .where(and(eq(productVariants.storeId, storeId), inArray(productVariants.id, ids)));
  return new Map(rows.map((row) => [row.variantId, row]));
}
