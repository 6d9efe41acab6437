import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { Store } from '../access/index.ts';
import { matchingProducts } from './search/index.ts';

/** A SKU is one token (as the search engine reads it); longer texts never narrow by SKU. */
const SKU_SHAPE = /^\S{1,64}$/;

/**
 * The store's variants as a relation another module joins in its own statement (the inventory
 * table pages and sorts its stock by these columns): `variant_id`, `product_id`, `product_title`,
 * `variant_position`, `sku`. With `text`, only the variants the admin product search finds: the
 * products it matches (title, vendor, tags, SKU, typos corrected as it would), and within a product
 * found by the beginning of a SKU only the variants whose SKU begins so ("MUG-RED" lists that
 * variant, "mug" every variant of the mugs). What is shown of each variant comes from
 * `findStockVariants`.
 */
export async function stockVariantRelation(
  db: Db,
  store: Pick<Store, 'id' | 'locale' | 'baseCurrency' | 'enabledLocales'>,
  options: { text?: string } = {},
): Promise<SQL> {
  const conditions: SQL[] = [sql`v.store_id = ${store.id}`];
  const text = options.text?.trim() ?? '';
  if (text) {
    const matched = await matchingProducts(db, { store, text, skuPrefix: true });
    conditions.push(sql`v.product_id in (select p.id from products p where ${matched})`);
    if (SKU_SHAPE.test(text)) {
      const pattern = `${text.toUpperCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      conditions.push(sql`(upper(v.sku) like ${pattern} or not exists (select 1 from product_variants w
        where w.product_id = v.product_id and upper(w.sku) like ${pattern}))`);
    }
  }
  return sql`(select v.id as variant_id, v.product_id, p.title as product_title,
      v.position as variant_position, v.sku
    from product_variants v join products p on p.id = v.product_id
    where ${sql.join(conditions, sql` and `)})`;
}
