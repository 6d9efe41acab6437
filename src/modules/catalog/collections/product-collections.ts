import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { cachedConfig, cachedConfigMany } from '../../../platform/cache/index.ts';
import type { Db } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';
import { catalogTopic } from '../change-topic.ts';
import { products } from '../schema.ts';
import { productConditionsSql } from './product-conditions.ts';
import { collections } from './schema.ts';

/**
 * Which of the store's collections each product is in, for other modules that target collections
 * (discounts). Manual collections answer from their member rows; rule collections keep no members
 * (membership.ts says why), so each rule is evaluated against the given products here, all in one
 * statement. Every requested product gets an entry, empty when it is in no collection (or unknown).
 * Each product's answer is kept in the process's configuration cache until the catalog changes
 * (members, rules and every product field a rule reads are catalog writes, announced): a checkout
 * asks at every step.
 */
export async function collectionsOfProducts(
  db: Db,
  storeId: string,
  productIds: readonly string[],
): Promise<Map<string, string[]>> {
  const ids = [...new Set(productIds)];
  if (ids.length === 0) return new Map();
  const found = await cachedConfigMany(
    ids,
    (id) => `${storeId}:collections-of:${id}`,
    [catalogTopic(storeId)],
    (missing) => readCollectionsOfProducts(db, storeId, missing),
  );
  return new Map(ids.map((id) => [id, found.get(id) ?? []]));
}

async function readCollectionsOfProducts(
  db: Db,
  storeId: string,
  ids: readonly string[],
): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>(ids.map((id) => [id, []]));
  // The rules change rarely and are read at every pricing of a cart: cached (collections announce changes).
  const ruleCollections = await cachedConfig(`${storeId}:rule-collections`, [catalogTopic(storeId)], () =>
    db
      .select({ id: collections.id, match: collections.match, rules: collections.rules })
      .from(collections)
      .where(and(eq(collections.storeId, storeId), eq(collections.kind, 'rules'))),
  );
  const idList = sql.param([...ids]);
  const parts: SQL[] = [
    sql`select collection_id, product_id from collection_products
        where store_id = ${storeId} and product_id = any(${idList}::text[])`,
    ...ruleCollections.map(
      (c) => sql`select ${c.id}::text, ${products.id} from ${products}
        where ${products.id} = any(${idList}::text[]) and ${productConditionsSql(storeId, c.match, c.rules)}`,
    ),
  ];
  const rows = resultRows<{ collection_id: string; product_id: string }>(
    await db.execute(sql`select collection_id, product_id from (${sql.join(parts, sql` union all `)}) as m
      (collection_id, product_id) order by collection_id`),
  );
  for (const row of rows) result.get(row.product_id)?.push(row.collection_id);
  return result;
}

/** The ids among `ids` that name collections of the store (others are unknown or another store's). */
export async function findCollectionIds(
  db: Db,
  storeId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: collections.id })
    .from(collections)
    .where(and(eq(collections.storeId, storeId), inArray(collections.id, [...new Set(ids)])));
  return new Set(rows.map((r) => r.id));
}

/** The ids among `ids` that name products of the store. */
export async function findProductIds(db: Db, storeId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.storeId, storeId), inArray(products.id, [...new Set(ids)])));
  return new Set(rows.map((r) => r.id));
}
