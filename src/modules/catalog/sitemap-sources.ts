import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { resultRows } from '../../platform/db/result-rows.ts';
import { productConditionsSql } from './collections/product-conditions.ts';
import { collectionProducts, collections } from './collections/schema.ts';
import { categories, products } from './schema.ts';

/**
 * What the storefront's sitemap reads from the catalog: every live product's address, and the
 * category and collection pages that show at least one live product, each with the time its page
 * last changed. A store of any size is read in a few statements, none per product or per listing.
 */

/** A live product as a sitemap names it. */
export interface LiveProductAddress {
  id: string;
  handle: string;
  updatedAt: Date;
}

/** A category or collection page with live products on it. */
export interface LiveListing {
  handle: string;
  /** The latest change of the listing itself or of a live product on it. */
  lastChangedAt: Date;
}

/**
 * Every live product, oldest first: new products come last, so the sitemap's earlier files keep
 * their contents as the catalog grows.
 */
export function listLiveProductAddresses(db: Db, storeId: string): Promise<LiveProductAddress[]> {
  return db
    .select({ id: products.id, handle: products.handle, updatedAt: products.updatedAt })
    .from(products)
    .where(and(eq(products.storeId, storeId), eq(products.status, 'active')))
    .orderBy(asc(products.id));
}

/** A listing with live products: a category (its own products only) or a collection. */
interface ListingRow {
  kind: 'category' | 'collection';
  id: string;
  /** The latest change of its live products, in milliseconds since the epoch (a number on every driver). */
  at: number;
}

/**
 * The category pages and collection pages that list at least one live product, in the order the
 * store shows them (categories by their place in the tree, collections by handle).
 *
 * - A category page lists its own products and those of every category below it; its time is the
 *   latest of its own row (name, handle, place in the tree), of the non-empty categories below it
 *   (they show as its subcategories) and of the live products in all of them.
 * - A collection's time is the latest of its row (editing it, or adding, removing or reordering a
 *   manual collection's products, touches it) and of its live products.
 *
 * A product leaving a listing (moved, unpublished, no longer matching a rule) changes its page
 * without changing any of these times; that is the price of reading no history.
 *
 * Three statements: the categories and the collections, then one that finds the live products of
 * every category (by category), every manual collection (through its rows) and every rule collection
 * (one scan of the products, each row tested against every rule collection's compiled conditions:
 * the same predicates a collection page evaluates, so the cost grows with the number of rule
 * collections, about 15 ms each per 20,000 products on PostgreSQL).
 */
export async function listLiveListings(
  db: Db,
  storeId: string,
): Promise<{ categories: LiveListing[]; collections: LiveListing[] }> {
  const [categoryRows, collectionRows] = await Promise.all([
    db
      .select({
        id: categories.id,
        parentId: categories.parentId,
        handle: categories.handle,
        updatedAt: categories.updatedAt,
      })
      .from(categories)
      .where(eq(categories.storeId, storeId))
      .orderBy(asc(categories.path), asc(categories.id)),
    db
      .select({
        id: collections.id,
        handle: collections.handle,
        kind: collections.kind,
        match: collections.match,
        rules: collections.rules,
        updatedAt: collections.updatedAt,
      })
      .from(collections)
      .where(eq(collections.storeId, storeId))
      .orderBy(asc(collections.handle)),
  ]);
  if (categoryRows.length === 0 && collectionRows.length === 0) return { categories: [], collections: [] };

  const live = sql`${products.storeId} = ${storeId} and ${products.status} = 'active'`;
  const epochMs = (latest: SQL) => sql`(extract(epoch from ${latest}) * 1000)::float8`;
  const newest = epochMs(sql`max(${products.updatedAt})`);
  // Grouping yields a row only for a listing with at least one live product.
  const branches: SQL[] = [
    sql`select 'category' as kind, ${products.categoryId} as id, ${newest} as at
      from ${products} where ${live} and ${products.categoryId} is not null
      group by ${products.categoryId}`,
  ];
  if (collectionRows.some((c) => c.kind === 'manual')) {
    branches.push(sql`select 'collection' as kind, ${collectionProducts.collectionId} as id, ${newest} as at
      from ${collectionProducts} join ${products} on ${products.id} = ${collectionProducts.productId}
      where ${collectionProducts.storeId} = ${storeId} and ${live}
      group by ${collectionProducts.collectionId}`);
  }
  const ruled = collectionRows.filter((c) => c.kind === 'rules');
  if (ruled.length > 0) {
    // One pass over the live products: per rule collection, the newest product meeting its conditions
    // (null when none does), paired with the collection ids.
    const latest = ruled.map((c) =>
      epochMs(
        sql`max(${products.updatedAt}) filter (where ${productConditionsSql(storeId, c.match, c.rules)})`,
      ),
    );
    branches.push(sql`select 'collection' as kind, u.id, u.at
      from (select array[${sql.join(latest, sql`, `)}] as ats from ${products} where ${live}) a,
        unnest(${sql.param(ruled.map((c) => c.id))}::text[], a.ats) as u(id, at)
      where u.at is not null`);
  }
  const rows = resultRows<ListingRow>(await db.execute(sql.join(branches, sql` union all `)));

  const direct = new Map<string, number>();
  const inCollection = new Map<string, number>();
  for (const row of rows) (row.kind === 'category' ? direct : inCollection).set(row.id, Number(row.at));

  // Categories: roll each one's products and non-empty subcategories up to it.
  const children = new Map<string, string[]>();
  for (const c of categoryRows) {
    if (!c.parentId) continue;
    const siblings = children.get(c.parentId);
    if (siblings) siblings.push(c.id);
    else children.set(c.parentId, [c.id]);
  }
  const byId = new Map(categoryRows.map((c) => [c.id, c]));
  /** A category's time, or undefined when neither it nor anything below it has a live product. */
  const rolled = new Map<string, number | undefined>();
  const rollUp = (id: string, seen: Set<string>): number | undefined => {
    if (rolled.has(id)) return rolled.get(id);
    seen.add(id);
    let productsAt = direct.get(id);
    for (const child of children.get(id) ?? []) {
      if (seen.has(child)) continue;
      const below = rollUp(child, seen);
      if (below !== undefined) productsAt = Math.max(productsAt ?? 0, below);
    }
    const at = productsAt === undefined ? undefined : Math.max(productsAt, byId.get(id)!.updatedAt.getTime());
    rolled.set(id, at);
    return at;
  };
  const liveCategories: LiveListing[] = [];
  for (const c of categoryRows) {
    const at = rollUp(c.id, new Set());
    if (at !== undefined) liveCategories.push({ handle: c.handle, lastChangedAt: new Date(at) });
  }

  const liveCollections: LiveListing[] = [];
  for (const c of collectionRows) {
    const at = inCollection.get(c.id);
    if (at === undefined) continue;
    liveCollections.push({ handle: c.handle, lastChangedAt: new Date(Math.max(c.updatedAt.getTime(), at)) });
  }
  return { categories: liveCategories, collections: liveCollections };
}
