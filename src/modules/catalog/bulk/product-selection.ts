import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../platform/db/database.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { productConditionsSql } from '../collections/product-conditions.ts';
import { canonicalProductFilter, productFilterSearch } from '../product-filter/index.ts';
import { products } from '../schema.ts';
import { type ListingQuery, matchingProducts } from '../search/index.ts';
import type { BulkSelection, ProductFilter } from './bulk-input.ts';
import { bulkOperationItems } from './schema.ts';

/**
 * The products a filter selects, as a condition over `products p`: exactly the products the admin
 * list shows for the same filter (the search engine's own match, typo correction included), narrowed
 * by the rule conditions when there are any.
 */
export async function productFilterSql(
  db: Db,
  store: ListingQuery['store'],
  filter: ProductFilter,
): Promise<SQL> {
  const { match, conditions, ...listed } = filter;
  // No conditions: "all of none" is every product; "any of none" is none, like an empty OR.
  const ruled =
    conditions.length > 0 || match === 'any' ? productConditionsSql(store.id, match, conditions) : undefined;
  const search = await productFilterSearch(db, store.id, canonicalProductFilter(listed), ruled);
  return matchingProducts(db, { store, ...search });
}

/**
 * Writes the operation's items: the selected products in id order, numbered from 1. Selecting by
 * ids refuses ids that are not products of the store; either way an empty selection is refused.
 * Returns how many products were selected.
 */
export async function resolveSelection(
  tx: Db,
  operationId: string,
  store: ListingQuery['store'],
  selection: BulkSelection,
): Promise<number> {
  const storeId = store.id;
  const p = alias(products, 'p');
  let where: SQL;
  if (selection.ids) {
    const ids = [...new Set(selection.ids)];
    const found = await tx
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.storeId, storeId), inArray(products.id, ids)));
    if (found.length < ids.length) {
      const known = new Set(found.map((f) => f.id));
      const unknown = ids.filter((id) => !known.has(id));
      throw unprocessable('unknown_products', 'Some selected products do not exist in this store.', {
        unknown: unknown.slice(0, 20),
        count: unknown.length,
      });
    }
    where = and(eq(p.storeId, storeId), inArray(p.id, ids))!;
  } else {
    where = await productFilterSql(tx, store, selection.filter!);
  }
  const inserted = await tx
    .insert(bulkOperationItems)
    .select(
      tx
        .select({
          operationId: sql<string>`${operationId}`.as('operation_id'),
          seq: sql<number>`(row_number() over (order by ${p.id}))::int`.as('seq'),
          productId: sql<string>`${p.id}`.as('product_id'),
          state: sql<string>`'pending'`.as('state'),
          reviewReset: sql<boolean>`false`.as('review_reset'),
          errorCode: sql<string | null>`null::text`.as('error_code'),
          errorMessage: sql<string | null>`null::text`.as('error_message'),
        })
        .from(p)
        .where(where),
    )
    .returning({ seq: bulkOperationItems.seq });
  if (inserted.length === 0) {
    throw unprocessable('empty_selection', 'No products match this selection.');
  }
  return inserted.length;
}
