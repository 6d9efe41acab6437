import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { productConditionsSql } from '../collections/product-conditions.ts';
import { products, productVariants } from '../schema.ts';
import type { BulkSelection, ProductFilter } from './bulk-input.ts';
import { bulkOperationItems } from './schema.ts';

/** The products a filter selects: the product list's search and status, plus any conditions. */
export function productFilterSql(storeId: string, filter: ProductFilter): SQL {
  const parts: SQL[] = [productConditionsSql(storeId, filter.match, filter.conditions)];
  if (filter.status) parts.push(eq(products.status, filter.status));
  const q = filter.q?.trim();
  if (q) {
    const needle = sql`lower(${q}::text)`;
    parts.push(
      sql`(strpos(lower(${products.title}), ${needle}) > 0 or strpos(${products.handle}, ${needle}) > 0
        or exists (select 1 from ${productVariants} where ${productVariants.productId} = ${products.id}
          and strpos(lower(${productVariants.sku}), ${needle}) > 0))`,
    );
  }
  return and(...parts)!;
}

/**
 * Writes the operation's items: the selected products in id order, numbered from 1. Selecting by
 * ids refuses ids that are not products of the store; either way an empty selection is refused.
 * Returns how many products were selected.
 */
export async function resolveSelection(
  tx: Db,
  operationId: string,
  storeId: string,
  selection: BulkSelection,
): Promise<number> {
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
    where = and(eq(products.storeId, storeId), inArray(products.id, ids))!;
  } else {
    where = productFilterSql(storeId, selection.filter!);
  }
  const inserted = await tx
    .insert(bulkOperationItems)
    .select(
      tx
        .select({
          operationId: sql<string>`${operationId}`.as('operation_id'),
          seq: sql<number>`(row_number() over (order by ${products.id}))::int`.as('seq'),
          productId: sql<string>`${products.id}`.as('product_id'),
          state: sql<string>`'pending'`.as('state'),
          errorCode: sql<string | null>`null::text`.as('error_code'),
          errorMessage: sql<string | null>`null::text`.as('error_message'),
        })
        .from(products)
        .where(where),
    )
    .returning({ seq: bulkOperationItems.seq });
  if (inserted.length === 0) {
    throw unprocessable('empty_selection', 'No products match this selection.');
  }
  return inserted.length;
}
