import type { Db } from '../../../platform/db/database.ts';
import { assertHandleFree } from '../handle-conflicts.ts';
import type { ProductDetail } from '../product-detail.ts';
import { assertSkusFree } from '../sku-conflicts.ts';
import type { ProductContent } from './product-content.ts';

/**
 * A staged change's handle and SKUs are checked when it is staged, not only when it is published,
 * with the answers a direct edit gets: 409 `handle_taken`, and 409 `sku_taken` naming each variant
 * whose SKU another product has (`variants.<i>.sku`, positions in the proposed variant list, which
 * is the list the edit sent). Only what this change brings in is checked: a handle or SKU staged
 * earlier that another product took since is refused when publishing (publishing checks again), so
 * it does not block every later edit of the revision.
 */
export async function assertNewIdentifiersFree(
  tx: Db,
  live: ProductDetail,
  before: ProductContent,
  after: ProductContent,
): Promise<void> {
  const { product } = live;
  if (after.handle !== before.handle && after.handle !== product.handle) {
    await assertHandleFree(tx, product, after.handle);
  }
  const earlier = new Set(before.variants.map((v) => v.sku));
  // Positions are kept (variants whose SKU is not new are sent without one) so paths name the right row.
  const brought = after.variants.map((v) => ({ sku: v.sku && !earlier.has(v.sku) ? v.sku : null }));
  await assertSkusFree(tx, product, brought);
}
