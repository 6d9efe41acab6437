import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { products } from './schema.ts';

/** How reports name and group a product: its title and handle, category, vendor and type. */
export interface ProductClassification {
  title: string;
  handle: string;
  categoryId: string | null;
  vendor: string | null;
  productType: string | null;
}

/** The classification of the store's products among `productIds` (unknown ids are left out). */
export async function productClassifications(
  db: Db,
  storeId: string,
  productIds: readonly string[],
): Promise<Map<string, ProductClassification>> {
  if (productIds.length === 0) return new Map();
  const rows = await db
    .select({
      id: products.id,
      title: products.title,
      handle: products.handle,
      categoryId: products.categoryId,
      vendor: products.vendor,
      productType: products.productType,
    })
    .from(products)
    .where(and(eq(products.storeId, storeId), inArray(products.id, [...new Set(productIds)])));
  return new Map(rows.map(({ id, ...classification }) => [id, classification]));
}
