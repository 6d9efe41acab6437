import { and, between, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { productClassifications } from '../../catalog/index.ts';
import { analyticsDailyProducts } from '../schema.ts';
import { periodsOf } from './kpi-report.ts';

export const productReportQuery = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    /** `top`: most net sales first; `bottom`: least (products viewed or sold in the period only). */
    order: z.enum(['top', 'bottom']).default('top'),
    /** Group by product (default), or by its category, vendor or type. */
    groupBy: z.enum(['product', 'category', 'vendor', 'product_type']).default('product'),
    limit: z.coerce.number().int().min(1).max(200).default(20),
  })
  .strict();
export type ProductReportQuery = z.output<typeof productReportQuery>;

export interface ProductReportRow {
  key: string;
  /** The product's title (products), else the category id, vendor or type itself. */
  label: string;
  handle: string | null;
  views: number;
  orders: number;
  units: number;
  netSales: number;
  /** Net sales of the units whose cost is known, less that cost. */
  grossProfit: number;
  /** Gross profit ÷ costed net sales; null when no cost is known. */
  grossMargin: number | null;
  /** Orders ÷ product views. */
  viewToOrderRate: number | null;
}

const groupColumn = {
  product: analyticsDailyProducts.productId,
  category: analyticsDailyProducts.categoryId,
  vendor: analyticsDailyProducts.vendor,
  product_type: analyticsDailyProducts.productType,
} as const;

/** Top or bottom sellers of a period, with margin and view-to-order rate (docs/metrics.md). */
export async function productReport(
  db: Db,
  store: { id: string; baseCurrency: string },
  query: ProductReportQuery,
) {
  const { current } = periodsOf({ ...query, compare: 'none' });
  const key = groupColumn[query.groupBy];
  const netSales = sql<number>`sum(${analyticsDailyProducts.grossSales} - ${analyticsDailyProducts.discounts})`;
  const rows = await db
    .select({
      key: sql<string>`coalesce(${key}, '(none)')`,
      views: sql<number>`sum(${analyticsDailyProducts.views})::int`,
      orders: sql<number>`sum(${analyticsDailyProducts.orders})::int`,
      units: sql<number>`sum(${analyticsDailyProducts.units})::int`,
      netSales,
      cost: sql<number>`sum(${analyticsDailyProducts.cost})`,
      costedSales: sql<number>`sum(${analyticsDailyProducts.costedSales})`,
    })
    .from(analyticsDailyProducts)
    .where(
      and(
        eq(analyticsDailyProducts.storeId, store.id),
        between(analyticsDailyProducts.day, current.from, current.to),
      ),
    )
    .groupBy(sql`1`)
    .orderBy(query.order === 'top' ? sql`5 desc, 1` : sql`5 asc, 1`)
    .limit(query.limit);
  const labels =
    query.groupBy === 'product'
      ? await productClassifications(
          db,
          store.id,
          rows.map((r) => r.key),
        )
      : new Map();
  const out: ProductReportRow[] = rows.map((r) => {
    const costedSales = Number(r.costedSales);
    const grossProfit = costedSales - Number(r.cost);
    const label = labels.get(r.key);
    return {
      key: r.key,
      label: label?.title ?? r.key,
      handle: label?.handle ?? null,
      views: Number(r.views),
      orders: Number(r.orders),
      units: Number(r.units),
      netSales: Number(r.netSales),
      grossProfit,
      grossMargin: costedSales === 0 ? null : grossProfit / costedSales,
      viewToOrderRate: Number(r.views) === 0 ? null : Number(r.orders) / Number(r.views),
    };
  });
  return {
    currency: store.baseCurrency,
    period: current,
    groupBy: query.groupBy,
    order: query.order,
    rows: out,
  };
}
