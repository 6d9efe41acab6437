import { and, between, eq, inArray, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Db } from '../../../platform/db/database.ts';
import { productClassifications } from '../../catalog/index.ts';
import { analyticsDailyProducts } from '../schema.ts';
import type { Period } from './kpi-report.ts';
import { emptyMeasures, type Measures } from './metric-totals.ts';

export interface ProductDailyMeasures {
  productId: string;
  /** The title, with the handle when two products share it: what screens and sentences show. */
  label: string;
  days: { day: string; measures: Measures }[];
}

/**
 * The daily sales of a store's best sellers over a period, each as a full series of measures
 * (orders, units, gross sales, discounts; the rest stay 0: sessions are not kept per product),
 * labelled by the product's title (with its handle when two share a title). For series over the
 * product rollup (anomaly detection: a best seller that stops selling). Best sellers are ranked by
 * net sales over the period up to, not including, its last day, so a product that sold nothing
 * on the last day is still among them.
 */
export async function dailyMeasuresByProduct(
  db: Db,
  storeId: string,
  period: Period,
  limit: number,
): Promise<ProductDailyMeasures[]> {
  const days: string[] = [];
  for (
    let d = DateTime.fromISO(period.from, { zone: 'utc' }), i = 0;
    i < period.days;
    i++, d = d.plus({ days: 1 })
  )
    days.push(d.toISODate()!);
  const beforeLast = days.at(-2) ?? period.from;
  const top = await db
    .select({ productId: analyticsDailyProducts.productId })
    .from(analyticsDailyProducts)
    .where(
      and(
        eq(analyticsDailyProducts.storeId, storeId),
        between(analyticsDailyProducts.day, period.from, beforeLast),
      ),
    )
    .groupBy(analyticsDailyProducts.productId)
    .orderBy(
      sql`sum(${analyticsDailyProducts.grossSales} - ${analyticsDailyProducts.discounts}) desc`,
      analyticsDailyProducts.productId,
    )
    .limit(limit);
  const ids = top.map((t) => t.productId);
  if (ids.length === 0) return [];
  const [rows, labels] = await Promise.all([
    db
      .select({
        day: analyticsDailyProducts.day,
        productId: analyticsDailyProducts.productId,
        orders: analyticsDailyProducts.orders,
        units: analyticsDailyProducts.units,
        grossSales: analyticsDailyProducts.grossSales,
        discounts: analyticsDailyProducts.discounts,
      })
      .from(analyticsDailyProducts)
      .where(
        and(
          eq(analyticsDailyProducts.storeId, storeId),
          inArray(analyticsDailyProducts.productId, ids),
          between(analyticsDailyProducts.day, period.from, period.to),
        ),
      ),
    productClassifications(db, storeId, ids),
  ]);
  const titles = ids.map((id) => labels.get(id)?.title ?? id);
  const labelOf = new Map(
    ids.map((id, i) => {
      const title = titles[i]!;
      const shared = titles.filter((t) => t === title).length > 1;
      return [id, shared ? `${title} (${labels.get(id)?.handle ?? id})` : title];
    }),
  );
  const index = new Map(days.map((day, i) => [day, i]));
  const out = new Map<string, ProductDailyMeasures>();
  for (const id of ids)
    out.set(id, {
      productId: id,
      label: labelOf.get(id)!,
      days: days.map((day) => ({ day, measures: emptyMeasures() })),
    });
  for (const row of rows) {
    const i = index.get(String(row.day));
    const series = out.get(row.productId)?.days;
    if (i === undefined || !series) continue;
    const m = series[i]!.measures;
    m.orders += Number(row.orders);
    m.units += Number(row.units);
    m.grossSales += Number(row.grossSales);
    m.discounts += Number(row.discounts);
  }
  return [...out.values()];
}
