import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { products, productVariants } from './schema.ts';
import type { StockVariant } from './stock-variants.ts';
import { variantTitle } from './variant-set.ts';

/**
 * A variant as stock files name it (inventory CSV import and export): its product's handle and
 * title, and its option names with values in option order (none for a product without options).
 */
export interface StockVariantWithOptions extends StockVariant {
  position: number;
  options: { name: string; value: string }[];
}

const columns = {
  variantId: productVariants.id,
  productId: productVariants.productId,
  productTitle: products.title,
  productHandle: products.handle,
  productOptions: products.options,
  position: productVariants.position,
  option1: productVariants.option1,
  option2: productVariants.option2,
  option3: productVariants.option3,
  sku: productVariants.sku,
  barcode: productVariants.barcode,
  inventoryPolicy: productVariants.inventoryPolicy,
  priceAmount: productVariants.priceAmount,
  costAmount: productVariants.costAmount,
  imageUrl: products.imageUrl,
};

/** Variants with their product's handle, title and options, by product handle then position. */
export async function selectVariants(db: Db, where: SQL | undefined, limit?: number) {
  const query = db
    .select(columns)
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(where)
    .orderBy(asc(products.handle), asc(productVariants.position));
  const rows = limit === undefined ? await query : await query.limit(limit);
  return rows.map(({ productOptions, option1, option2, option3, ...row }): StockVariantWithOptions => {
    const values = [option1, option2, option3];
    return {
      ...row,
      title: variantTitle({ option1, option2, option3 }),
      options: productOptions.map((option, i) => ({ name: option.name, value: values[i] ?? '' })),
    };
  });
}

/** The store's variants with these SKUs (exact), by SKU; unknown SKUs are left out. */
export async function findStockVariantsBySku(
  db: Db,
  storeId: string,
  skus: readonly string[],
): Promise<Map<string, StockVariantWithOptions>> {
  const unique = [...new Set(skus)];
  if (unique.length === 0) return new Map();
  const rows = await selectVariants(
    db,
    and(eq(productVariants.storeId, storeId), inArray(productVariants.sku, unique)),
  );
  return new Map(rows.map((row) => [row.sku!, row]));
}

/** Every variant of the store's products with these handles, by handle then position. */
export async function findStockVariantsByHandle(
  db: Db,
  storeId: string,
  handles: readonly string[],
): Promise<StockVariantWithOptions[]> {
  const unique = [...new Set(handles)];
  if (unique.length === 0) return [];
  return selectVariants(db, and(eq(products.storeId, storeId), inArray(products.handle, unique)));
}

/**
 * One page of the store's variants in file order (product handle, then variant position), after the
 * variant `after` names (keyset paging, so a long export reads each page with one indexed query).
 */
export function listStockVariants(
  db: Db,
  storeId: string,
  options: { after?: { productHandle: string; position: number }; limit: number },
): Promise<StockVariantWithOptions[]> {
  const { after } = options;
  return selectVariants(
    db,
    and(
      eq(products.storeId, storeId),
      after
        ? sql`(${products.handle}, ${productVariants.position}) > (${after.productHandle}, ${after.position})`
        : undefined,
    ),
    options.limit,
  );
}
