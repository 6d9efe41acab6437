import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { products, productVariants } from './schema.ts';
import { variantTitle } from './variant-set.ts';

/** What other modules (inventory, purchasing) need to know of a variant. */
export interface StockVariant {
  variantId: string;
  productId: string;
  productTitle: string;
  productHandle: string;
  /** "Navy / M"; empty for a product's only variant. */
  title: string;
  sku: string | null;
  barcode: string | null;
  /** 'continue' keeps selling when out of stock. */
  inventoryPolicy: string;
  priceAmount: number;
  costAmount: number | null;
  imageUrl: string | null;
}

/** The store's variants among `variantIds` (others are left out: unknown or another store's). */
export async function findStockVariants(
  db: Db,
  storeId: string,
  variantIds: readonly string[],
): Promise<Map<string, StockVariant>> {
  if (variantIds.length === 0) return new Map();
  const rows = await db
    .select({
      variantId: productVariants.id,
      productId: productVariants.productId,
      productTitle: products.title,
      productHandle: products.handle,
      option1: productVariants.option1,
      option2: productVariants.option2,
      option3: productVariants.option3,
      sku: productVariants.sku,
      barcode: productVariants.barcode,
      inventoryPolicy: productVariants.inventoryPolicy,
      priceAmount: productVariants.priceAmount,
      costAmount: productVariants.costAmount,
      imageUrl: products.imageUrl,
    })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(and(eq(productVariants.storeId, storeId), inArray(productVariants.id, [...new Set(variantIds)])));
  return new Map(
    rows.map(({ option1, option2, option3, ...row }) => [
      row.variantId,
      { ...row, title: variantTitle({ option1, option2, option3 }) },
    ]),
  );
}
