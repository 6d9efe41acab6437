import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { productImages, type products, productVariants } from './schema.ts';

export type Product = typeof products.$inferSelect;
export type ProductVariant = typeof productVariants.$inferSelect;
export type ProductImage = typeof productImages.$inferSelect;

/** A product with its variants and gallery, each in position order. */
export interface ProductDetail {
  product: Product;
  variants: ProductVariant[];
  images: ProductImage[];
}

/** Variants and images of many products in two queries (never one per product). */
export async function loadProductDetails(db: Db, rows: Product[]): Promise<ProductDetail[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((p) => p.id);
  const [variants, images] = await Promise.all([
    db
      .select()
      .from(productVariants)
      .where(
        ids.length === 1 ? eq(productVariants.productId, ids[0]!) : inArray(productVariants.productId, ids),
      )
      .orderBy(asc(productVariants.productId), asc(productVariants.position)),
    db
      .select()
      .from(productImages)
      .where(ids.length === 1 ? eq(productImages.productId, ids[0]!) : inArray(productImages.productId, ids))
      .orderBy(asc(productImages.productId), asc(productImages.position)),
  ]);
  const byProduct = new Map(
    rows.map((p) => [p.id, { product: p, variants: [], images: [] } as ProductDetail]),
  );
  for (const v of variants) byProduct.get(v.productId)?.variants.push(v);
  for (const i of images) byProduct.get(i.productId)?.images.push(i);
  return rows.map((p) => byProduct.get(p.id)!);
}

/** The audit log's picture of a product: everything an editor can change, ids included. */
export function productSnapshot(detail: ProductDetail) {
  const { product, variants, images } = detail;
  return {
    ...product,
    variants: variants.map(({ storeId: _s, productId: _p, createdAt: _c, updatedAt: _u, ...v }) => v),
    images: images.map(({ storeId: _s, productId: _p, createdAt: _c, ...i }) => i),
  };
}
