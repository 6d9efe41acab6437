import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { productVariants } from './schema.ts';

/** A variant's live price and compare-at price, in minor units of the store's base currency. */
export interface VariantBasePrice {
  variantId: string;
  productId: string;
  amount: number;
  compareAtAmount: number | null;
}

/**
 * The base prices of the store's variants among `variantIds` (unknown ids and other stores' are
 * left out): what the markets module converts into every other currency.
 */
export async function findVariantBasePrices(
  db: Db,
  storeId: string,
  variantIds: readonly string[],
): Promise<Map<string, VariantBasePrice>> {
  const ids = [...new Set(variantIds)];
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      variantId: productVariants.id,
      productId: productVariants.productId,
      amount: productVariants.priceAmount,
      compareAtAmount: productVariants.compareAtAmount,
    })
    .from(productVariants)
    .where(and(eq(productVariants.storeId, storeId), inArray(productVariants.id, ids)));
  return new Map(rows.map((row) => [row.variantId, row]));
}
