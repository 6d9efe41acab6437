import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { collectionSearchScope } from '../collections/membership.ts';
import { collections } from '../collections/schema.ts';
import type { ListingQuery } from '../search/index.ts';
import { awaitingReviewCondition } from '../workflow/review-queue.ts';
import type { ProductListFilter } from './product-filter.ts';

/** The search engine's parameters for a filter (everything but the store, order and page). */
export type FilterSearch = Omit<ListingQuery, 'store'>;

/**
 * A collection as the engine takes it (`collectionSearchScope`: a manual one by its members, which
 * also gives the `position` order; a rule one by its compiled rules). A collection that is not the
 * store's (deleted since a view was saved, say) matches nothing.
 */
async function collectionSearch(
  db: Db,
  storeId: string,
  collectionId: string,
): Promise<{ collectionId?: string; productsWhere?: SQL }> {
  const [collection] = await db
    .select()
    .from(collections)
    .where(and(eq(collections.storeId, storeId), eq(collections.id, collectionId)));
  return collection ? collectionSearchScope(collection) : { productsWhere: sql`false` };
}

/** Turns the admin list's filter into the engine's parameters; `extraWhere` adds a condition on `products`. */
export async function productFilterSearch(
  db: Db,
  storeId: string,
  filter: ProductListFilter,
  extraWhere?: SQL,
): Promise<FilterSearch> {
  const collection: { collectionId?: string; productsWhere?: SQL } = filter.collectionId
    ? await collectionSearch(db, storeId, filter.collectionId)
    : {};
  const review = filter.review === 'waiting' ? awaitingReviewCondition : undefined;
  const where = [collection.productsWhere, review, extraWhere].filter((w): w is SQL => w !== undefined);
  const price = {
    ...(filter.priceMin !== undefined ? { min: filter.priceMin } : {}),
    ...(filter.priceMax !== undefined ? { max: filter.priceMax } : {}),
  };
  return {
    text: filter.q ?? '',
    // The admin list finds a SKU by its beginning, as people paste part of one.
    skuPrefix: true,
    ...(filter.status ? { statuses: [filter.status] } : {}),
    ...(filter.vendor?.length ? { vendors: filter.vendor } : {}),
    ...(filter.productType?.length ? { productTypes: filter.productType } : {}),
    ...(filter.tag?.length ? { tags: filter.tag } : {}),
    ...(filter.missing?.length ? { missing: filter.missing } : {}),
    ...(filter.categoryId ? { categoryId: filter.categoryId } : {}),
    ...(collection.collectionId ? { collectionId: collection.collectionId } : {}),
    ...(where.length ? { productsWhere: where.length === 1 ? where[0]! : and(...where)! } : {}),
    ...(Object.keys(price).length ? { price } : {}),
  };
}
