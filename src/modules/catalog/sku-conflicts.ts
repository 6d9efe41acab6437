import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { conflict } from '../../platform/errors.ts';
import { productVariants } from './schema.ts';

/**
 * Refuses SKUs another product of the store already has, before writing: 409 `sku_taken` whose
 * details name each variant (`variants.3.sku`), so an editor can mark the very cells. (The unique
 * index still has the last word when two writers race.)
 */
export async function assertSkusFree(
  db: Db,
  product: { storeId: string; id: string },
  variants: readonly { sku?: string | null }[],
): Promise<void> {
  const wanted = [...new Set(variants.flatMap((v) => (v.sku ? [v.sku] : [])))];
  if (wanted.length === 0) return;
  const taken = await db
    .select({ sku: productVariants.sku })
    .from(productVariants)
    .where(
      and(
        eq(productVariants.storeId, product.storeId),
        inArray(productVariants.sku, wanted),
        ne(productVariants.productId, product.id),
      ),
    );
  if (taken.length === 0) return;
  const skus = new Set(taken.map((row) => row.sku));
  const problems = variants.flatMap((variant, i) =>
    variant.sku && skus.has(variant.sku)
      ? [
          {
            path: `variants.${i}.sku`,
            message: `Another product in this store has the SKU “${variant.sku}”.`,
          },
        ]
      : [],
  );
  throw conflict(
    'sku_taken',
    problems.length === 1 ? problems[0]!.message : 'Other products in this store have some of these SKUs.',
    problems,
  );
}
