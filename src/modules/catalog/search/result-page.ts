import { inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';
import type { Product } from '../product-detail.ts';
import { products } from '../schema.ts';
import type { SearchSort } from './search-request.ts';

/** How a page is ordered: the sort, the relevance rank (when there is text) and the title shown. */
export interface PageOrder {
  sort: SearchSort;
  rank: SQL | null;
  /** The title in the page's locale, over `products p`. */
  title: SQL;
  /** For `position`: the collection whose order it is. */
  collectionId?: string;
}

/** The title a listing shows and sorts by: the translation in `locale` when there is one. */
export function shownTitle(locale: string | undefined): SQL {
  return locale
    ? sql`coalesce((select t.value from catalog_translations t
        where t.entity_id = p.id and t.locale = ${locale} and t.field = 'title'), p.title)`
    : sql`p.title`;
}

/**
 * ORDER BY keys over a relation `p` with the product's columns (price_amount, published_at,
 * created_at, updated_at, id). Every order ends on the id, so pages never overlap or skip.
 */
export function orderKeys(sort: SearchSort, rank: SQL | null, title: SQL, collectionId?: string): SQL {
  switch (sort) {
    case 'relevance':
      return rank
        ? sql`${rank} desc, p.published_at desc nulls last, p.id desc`
        : orderKeys('newest', null, title);
    case 'position':
      return collectionId
        ? sql`(select cp.position from collection_products cp
            where cp.collection_id = ${collectionId} and cp.product_id = p.id) asc nulls last, p.id asc`
        : orderKeys('newest', null, title);
    case 'price-asc':
      return sql`p.price_amount asc, p.id asc`;
    case 'price-desc':
      return sql`p.price_amount desc, p.id desc`;
    case 'newest':
      return sql`p.published_at desc nulls last, p.created_at desc, p.id desc`;
    case 'title':
      return sql`lower(${title}) asc, p.id asc`;
    case 'title-desc':
      return sql`lower(${title}) desc, p.id desc`;
    case 'updated':
      return sql`p.updated_at desc, p.id desc`;
  }
}

/**
 * One page of matching products. ORDER BY … LIMIT lets PostgreSQL keep only the best rows while it
 * reads the matches (a top-N sort), which a window count over all of them would prevent; the count
 * is `countMatches`.
 */
export function resultPage(
  db: Db,
  args: { where: SQL; order: PageOrder; limit: number; offset: number },
): Promise<Product[]> {
  const p = alias(products, 'p');
  return db
    .select()
    .from(p)
    .where(args.where)
    .orderBy(orderKeys(args.order.sort, args.order.rank, args.order.title, args.order.collectionId))
    .limit(args.limit)
    .offset(args.offset);
}

export async function countMatches(db: Db, where: SQL): Promise<number> {
  const [row] = resultRows<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from products p where ${where}`),
  );
  return Number(row?.n ?? 0);
}

/** Products by id, in the order given. */
export async function productsInOrder(db: Db, ids: string[]): Promise<Product[]> {
  if (ids.length === 0) return [];
  const rows = await db.select().from(products).where(inArray(products.id, ids));
  const byId = new Map(rows.map((p) => [p.id, p]));
  return ids.map((id) => byId.get(id)).filter((p): p is Product => p !== undefined);
}
