import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { productConditionsSql } from './collections/product-conditions.ts';
import { collectionProducts, collections } from './collections/schema.ts';
import { categories, products } from './schema.ts';
import { resultRows } from './search/result-rows.ts';

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
  liveProducts: number;
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

interface ListingRow {
  kind: 'category' | 'collection';
  id: string;
  /** Milliseconds since the epoch (a number on every driver, where a raw timestamp is not). */
  at: number;
  n: number;
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
 * Three statements: the categories and the collections, then one that counts the live products of
 * every category (by category), every manual collection (through its rows) and every rule collection
 * (each product row is tested against every collection's compiled conditions in one scan).
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
  const epochMs = (column: SQL) => sql`(extract(epoch from max(${column})) * 1000)::float8`;
  const branches: SQL[] = [
    sql`select 'category' as kind, ${products.categoryId} as id, ${epochMs(sql`${products.updatedAt}`)} as at,
      count(*)::int as n
      from ${products} where ${live} and ${products.categoryId} is not null
      group by ${products.categoryId}`,
  ];
  if (collectionRows.some((c) => c.kind === 'manual')) {
    branches.push(sql`select 'collection' as kind, ${collectionProducts.collectionId} as id,
      ${epochMs(sql`${products.updatedAt}`)} as at, count(*)::int as n
      from ${collectionProducts} join ${products} on ${products.id} = ${collectionProducts.productId}
      where ${collectionProducts.storeId} = ${storeId} and ${live}
      group by ${collectionProducts.collectionId}`);
  }
  const ruled = collectionRows.filter((c) => c.kind === 'rules');
  if (ruled.length > 0) {
    // One pass over the live products: each row names every rule collection it belongs to.
    const memberships = ruled.map(
      (c) => sql`case when ${productConditionsSql(storeId, c.match, c.rules)} then ${c.id} end`,
    );
    branches.push(sql`select 'collection' as kind, m.id, ${epochMs(sql`m.at`)} as at, count(*)::int as n
      from (select unnest(array[${sql.join(memberships, sql`, `)}]::text[]) as id, ${products.updatedAt} as at
        from ${products} where ${live}) m
      where m.id is not null
      group by m.id`);
  }
  const rows = resultRows<ListingRow>(await db.execute(sql.join(branches, sql` union all `)));

  const direct = new Map<string, { at: number; n: number }>();
  const inCollection = new Map<string, { at: number; n: number }>();
  for (const row of rows) {
    (row.kind === 'category' ? direct : inCollection).set(row.id, { at: Number(row.at), n: Number(row.n) });
  }

  // Categories: roll each one's products and non-empty subcategories up to it.
  const children = new Map<string, string[]>();
  for (const c of categoryRows) {
    if (!c.parentId) continue;
    children.set(c.parentId, [...(children.get(c.parentId) ?? []), c.id]);
  }
  const byId = new Map(categoryRows.map((c) => [c.id, c]));
  const rolled = new Map<string, { at: number; n: number }>();
  const rollUp = (id: string, seen: Set<string>): { at: number; n: number } => {
    const known = rolled.get(id);
    if (known) return known;
    const own = direct.get(id);
    let at = Math.max(byId.get(id)!.updatedAt.getTime(), own?.at ?? 0);
    let n = own?.n ?? 0;
    seen.add(id);
    for (const child of children.get(id) ?? []) {
      if (seen.has(child)) continue;
      const below = rollUp(child, seen);
      if (below.n === 0) continue;
      n += below.n;
      at = Math.max(at, below.at);
    }
    const result = { at, n };
    rolled.set(id, result);
    return result;
  };
  const liveCategories: LiveListing[] = [];
  for (const c of categoryRows) {
    const { at, n } = rollUp(c.id, new Set());
    if (n > 0) liveCategories.push({ handle: c.handle, lastChangedAt: new Date(at), liveProducts: n });
  }

  const liveCollections: LiveListing[] = [];
  for (const c of collectionRows) {
    const members = inCollection.get(c.id);
    if (!members || members.n === 0) continue;
    liveCollections.push({
      handle: c.handle,
      lastChangedAt: new Date(Math.max(c.updatedAt.getTime(), members.at)),
      liveProducts: members.n,
    });
  }
  return { categories: liveCategories, collections: liveCollections };
}
