import type { Db } from '../../../platform/db/database.ts';
import type { Measures } from '../reports/metric-totals.ts';
import { analyticsDaily, analyticsDailyProducts } from '../schema.ts';

/**
 * Rollup rows written as given, for tests of what reads the rollups (goals, the portfolio): a
 * crafted series is easier to reason about than the events and orders that would roll up to it.
 */
export async function writeDailyRollups(
  db: Db,
  rows: readonly ({ storeId: string; day: string; dimension?: string; value?: string } & Partial<Measures>)[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insert(analyticsDaily)
      .values(rows.slice(i, i + 500).map((r) => ({ dimension: 'all', value: '', ...r })));
  }
}

export async function writeDailyProductRollups(
  db: Db,
  rows: readonly {
    storeId: string;
    day: string;
    productId: string;
    categoryId: string | null;
    orders?: number;
    units: number;
    grossSales: number;
    discounts?: number;
  }[],
): Promise<void> {
  if (rows.length > 0) await db.insert(analyticsDailyProducts).values([...rows]);
}
