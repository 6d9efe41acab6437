import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { productVariants } from './schema.ts';

export interface VariantSummary {
  variantCount: number;
  /** The SKU of the first variant that has one (the only one, for a single-variant product). */
  sku: string | null;
}

/** For list pages: each product's variant count and first SKU, in one query for the page. */
export async function variantSummaries(db: Db, productIds: string[]): Promise<Map<string, VariantSummary>> {
  if (productIds.length === 0) return new Map();
  const rows = await db
    .select({
      productId: productVariants.productId,
      variantCount: sql<number>`count(*)::int`,
      sku: sql<
        string | null
      >`(array_agg(${productVariants.sku} order by ${productVariants.position}) filter (where ${productVariants.sku} is not null))[1]`,
    })
    .from(productVariants)
    .where(inArray(productVariants.productId, productIds))
    .groupBy(productVariants.productId);
  return new Map(
    rows.map((row) => [row.productId, { variantCount: Number(row.variantCount), sku: row.sku }]),
  );
}
