import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { SpendHistory } from '../purchase-history.ts';

/**
 * The CDNOW sample of Fader, Hardie & Lee (2005) in test/fixtures/cdnow/: 2,357 customers of one
 * quarter's cohort over a 39-week calibration period, times in weeks, spend in dollars.
 * `cdnow_customers_summary_with_transactions.csv` columns: ID, x, t_x, T, zbar (mean repeat spend).
 */
export function cdnowCustomers(): SpendHistory[] {
  const path = fileURLToPath(
    new URL(
      '../../../../../test/fixtures/cdnow/cdnow_customers_summary_with_transactions.csv',
      import.meta.url,
    ),
  );
  const rows: Record<string, string>[] = parse(readFileSync(path, 'utf8'), { columns: true });
  return rows.map((row) => ({
    repeatPurchases: Number(row.x),
    lastPurchaseTime: Number(row.t_x),
    age: Number(row.T),
    meanRepeatSpend: Number(row.zbar),
  }));
}
