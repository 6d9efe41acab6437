import { and, count, eq, min, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { products } from '../schema.ts';
import { productRevisions } from './schema.ts';

/**
 * Revision `revision` of product `product` waits for a reviewer: it is in review, the product is still
 * in the catalog's working views (not archived), and it is not a review of a draft's own content that
 * went live by another path since (moot: `settleStaleReview` closes it on the product's next step).
 * One condition for the briefing's count and the product list's filter, so the two always agree.
 */
function waitsForReviewer(revision: SQL, product: SQL): SQL {
  return sql`${revision}.state = 'in_review' and ${product}.status <> 'archived'
    and (${revision}.kind = 'staged' or ${product}.status <> 'active')`;
}

/** The product list's filter "has changes waiting for review", as a condition on `products`. */
export const awaitingReviewCondition: SQL = sql`exists (select 1 from ${productRevisions} r
  where r.product_id = ${products.id} and ${waitsForReviewer(sql.raw('r'), sql`${products}`)})`;

export interface ReviewQueue {
  /** Products with changes waiting for a reviewer (at most one open revision each). */
  products: number;
  /** Of those, live products whose staged edits wait (the rest are not on the storefront yet). */
  live: number;
  /** When the longest-waiting of them was sent for review. */
  oldestSince: Date | null;
}

/**
 * What waits for a reviewer in a store's publishing workflow (docs/catalog-workflow.md): one aggregate
 * over its revisions in review. Approved revisions waiting to be published, changes sent back to their
 * editor and drafts not yet submitted are someone else's move, so they are not counted.
 */
export async function changesAwaitingReview(db: Db, storeId: string): Promise<ReviewQueue> {
  const [row] = await db
    .select({
      n: count(),
      live: sql<number>`count(*) filter (where ${products.status} = 'active')`,
      oldest: min(sql<Date>`coalesce(${productRevisions.submittedAt}, ${productRevisions.updatedAt})`),
    })
    .from(productRevisions)
    .innerJoin(products, eq(products.id, productRevisions.productId))
    .where(
      and(
        eq(productRevisions.storeId, storeId),
        waitsForReviewer(sql`${productRevisions}`, sql`${products}`),
      ),
    );
  return {
    products: Number(row?.n ?? 0),
    live: Number(row?.live ?? 0),
    oldestSince: row?.oldest ? new Date(row.oldest) : null,
  };
}
