import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { productVariants } from './schema.ts';
import { selectVariants } from './stock-variant-lookup.ts';

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
  const rows = await selectVariants(
    db,
    and(eq(productVariants.storeId, storeId), inArray(productVariants.id, [...new Set(variantIds)])),
  );
  return new Map(rows.map((row) => [row.variantId, row]));
}
