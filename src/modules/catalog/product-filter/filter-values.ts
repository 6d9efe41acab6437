import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';

export interface FilterValue {
  value: string;
  /** Products with this value. */
  count: number;
}

/** The values a filter menu offers: every vendor, product type and tag of the store, commonest first. */
export interface FilterValues {
  vendors: FilterValue[];
  productTypes: FilterValue[];
  tags: FilterValue[];
}

/** Beyond this many values a menu is no help; the rarest are left out (they can still be typed). */
export const MAX_FILTER_VALUES = 1_000;

interface Row {
  field: 'vendor' | 'type' | 'tag';
  value: string;
  n: number;
}

/**
 * One statement over the store's products. Vendors and types are offered as written (the filter
 * compares them exactly); tags compare without case, so spellings of one tag are counted together
 * under the commonest one.
 */
export async function loadFilterValues(db: Db, storeId: string): Promise<FilterValues> {
  const limit = MAX_FILTER_VALUES;
  const rows = resultRows<Row>(
    await db.execute(sql`
      (select 'vendor' as field, vendor as value, count(*)::int as n from products
        where store_id = ${storeId} and vendor <> '' group by vendor order by n desc, vendor limit ${limit})
      union all
      (select 'type', product_type, count(*)::int as n from products
        where store_id = ${storeId} and product_type <> '' group by product_type
        order by n desc, product_type limit ${limit})
      union all
      (select 'tag', mode() within group (order by tag), count(distinct id)::int as n
        from products, unnest(tags) as tag
        where store_id = ${storeId} and tag <> '' group by lower(tag)
        order by n desc, lower(tag) limit ${limit})`),
  );
  const values: FilterValues = { vendors: [], productTypes: [], tags: [] };
  for (const row of rows) {
    const list =
      row.field === 'vendor' ? values.vendors : row.field === 'type' ? values.productTypes : values.tags;
    list.push({ value: row.value, count: Number(row.n) });
  }
  // A union keeps no order of its own.
  const commonestFirst = (a: FilterValue, b: FilterValue) =>
    b.count - a.count || a.value.localeCompare(b.value, 'en');
  for (const list of Object.values(values)) list.sort(commonestFirst);
  return values;
}
