import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';
import { addMeasures, emptyMeasures, type MeasureKey, type Measures, measureKeys } from './metric-totals.ts';

/** One store's slice of the rollups: `all` (value ''), or one value of a breakdown (`channel` = `Email`). */
export interface StoreSlice {
  storeId: string;
  dimension: string;
  value: string;
}

export const sliceKey = (slice: StoreSlice) => `${slice.storeId}\u0000${slice.dimension}\u0000${slice.value}`;

const snake = (key: MeasureKey) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Daily measures of many slices of many stores over `from`…`to`, in one statement (a portfolio of
 * stores, a store's goals): per slice (`sliceKey`), the days that have a rollup row. Days without
 * one had nothing; callers fill them with zeros as they walk the days.
 */
export async function dailyMeasuresOfSlices(
  db: Db,
  slices: readonly StoreSlice[],
  from: string,
  to: string,
): Promise<Map<string, Map<string, Measures>>> {
  const out = new Map<string, Map<string, Measures>>();
  if (slices.length === 0) return out;
  const rows = resultRows<Record<string, string | number>>(
    await db.execute(sql`
      select d.store_id, d.dimension, d.value, d.day::text as day,
        ${sql.raw(measureKeys.map((k) => `d.${snake(k)} as "${k}"`).join(', '))}
      from analytics_daily d
      join unnest(${sql.param(slices.map((s) => s.storeId))}::text[],
                  ${sql.param(slices.map((s) => s.dimension))}::text[],
                  ${sql.param(slices.map((s) => s.value))}::text[]) as w(store_id, dimension, value)
        on w.store_id = d.store_id and w.dimension = d.dimension and w.value = d.value
      where d.day between ${from}::date and ${to}::date`),
  );
  for (const row of rows) {
    const key = sliceKey({
      storeId: String(row.store_id),
      dimension: String(row.dimension),
      value: String(row.value),
    });
    let days = out.get(key);
    if (!days) {
      days = new Map();
      out.set(key, days);
    }
    days.set(String(row.day).slice(0, 10), addMeasures(emptyMeasures(), row));
  }
  return out;
}

/** Sales of a set of categories (a category and those below it), per day. */
export interface CategorySales {
  grossSales: number;
  discounts: number;
  units: number;
}

/**
 * Daily sales of groups of categories of many stores, in one statement: each request names a store,
 * a key of the caller's and the category ids that count (products sold under any of them). From the
 * product rollups, which carry the category a product sold under; refunds are not kept per
 * product, so these sales are before refunds.
 */
export async function dailyCategorySales(
  db: Db,
  requests: readonly { storeId: string; key: string; categoryIds: readonly string[] }[],
  from: string,
  to: string,
): Promise<Map<string, Map<string, CategorySales>>> {
  const out = new Map<string, Map<string, CategorySales>>();
  const pairs = requests.flatMap((r) => r.categoryIds.map((c) => ({ storeId: r.storeId, key: r.key, c })));
  if (pairs.length === 0) return out;
  const rows = resultRows<{ key: string; day: string; gross: string; discounts: string; units: string }>(
    await db.execute(sql`
      select w.key, p.day::text as day, sum(p.gross_sales) as gross, sum(p.discounts) as discounts,
        sum(p.units) as units
      from analytics_daily_products p
      join unnest(${sql.param(pairs.map((p) => p.storeId))}::text[],
                  ${sql.param(pairs.map((p) => p.key))}::text[],
                  ${sql.param(pairs.map((p) => p.c))}::text[]) as w(store_id, key, category_id)
        on w.store_id = p.store_id and w.category_id = p.category_id
      where p.day between ${from}::date and ${to}::date
      group by w.key, p.day`),
  );
  for (const row of rows) {
    let days = out.get(row.key);
    if (!days) {
      days = new Map();
      out.set(row.key, days);
    }
    days.set(String(row.day).slice(0, 10), {
      grossSales: Number(row.gross),
      discounts: Number(row.discounts),
      units: Number(row.units),
    });
  }
  return out;
}
