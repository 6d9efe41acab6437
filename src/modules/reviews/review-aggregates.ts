import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { productReviewStats } from './schema.ts';

/**
 * Per-product figures are kept, not computed per page view: every change of a review into or out of
 * `published` (publish, reject, delete, import) calls `countPublished` in its own transaction, so the
 * row is always exactly the published reviews' count, sum and per-star counts (reviews.test.ts
 * recomputes them from the reviews to check).
 */
export async function countPublished(
  tx: Db,
  storeId: string,
  productId: string,
  rating: number,
  delta: 1 | -1,
) {
  const star = `stars${rating}` as 'stars1' | 'stars2' | 'stars3' | 'stars4' | 'stars5';
  const change = {
    reviewCount: sql`${productReviewStats.reviewCount} + ${delta}`,
    ratingSum: sql`${productReviewStats.ratingSum} + ${delta * rating}`,
    [star]: sql`${productReviewStats[star]} + ${delta}`,
  };
  if (delta < 0) {
    // A review leaving `published` was counted, so the row is there (an insert of negative counts
    // would fail the row's check even when it is only the conflict's first half).
    await tx
      .update(productReviewStats)
      .set(change)
      .where(and(eq(productReviewStats.storeId, storeId), eq(productReviewStats.productId, productId)));
    return;
  }
  await tx
    .insert(productReviewStats)
    .values({ storeId, productId, reviewCount: 1, ratingSum: rating, [star]: 1 })
    .onConflictDoUpdate({ target: [productReviewStats.storeId, productReviewStats.productId], set: change });
}

export interface ProductRatingSummary {
  productId: string;
  count: number;
  /** Mean rating of the published reviews, to two decimals; null without any. */
  average: number | null;
  /** Published reviews per star, index 0 for one star. */
  stars: [number, number, number, number, number];
}

export async function productRatingSummary(
  db: Db,
  storeId: string,
  productId: string,
): Promise<ProductRatingSummary> {
  const [row] = await db
    .select()
    .from(productReviewStats)
    .where(and(eq(productReviewStats.storeId, storeId), eq(productReviewStats.productId, productId)));
  const count = row?.reviewCount ?? 0;
  return {
    productId,
    count,
    average: count > 0 ? Math.round((row!.ratingSum / count) * 100) / 100 : null,
    stars: row ? [row.stars1, row.stars2, row.stars3, row.stars4, row.stars5] : [0, 0, 0, 0, 0],
  };
}
