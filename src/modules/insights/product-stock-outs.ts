import { DateTime } from 'luxon';
import type { Db } from '../../platform/db/database.ts';
import type { Store } from '../access/index.ts';
import { findVariantIdsOfProducts } from '../catalog/index.ts';
import { dailyVariantSales, storeToday } from '../inventory/index.ts';
import type { StockOutCause } from './anomalies/index.ts';
import { isStockOutDay } from './reorder-forecasts/observed-demand.ts';

/** How far back a stock-out is followed to find its first day. */
const lookBackDays = 90;

/**
 * The products out of stock on a store day, each with the first day of that stock-out: every
 * variant tracked, and every one opened the day with nothing on hand and sold nothing (the
 * forecasts' stock-out day, observed-demand.ts). Read from the inventory ledger, so it holds for
 * any past day; a day not over yet (today or later) has no verdict.
 */
export async function productStockOuts(
  db: Db,
  store: Pick<Store, 'id' | 'timezone'>,
  day: string,
  productIds: readonly string[],
): Promise<Map<string, StockOutCause>> {
  const out = new Map<string, StockOutCause>();
  const today = storeToday(store.timezone);
  const judged = DateTime.fromISO(day, { zone: store.timezone }).startOf('day');
  const daysAgo = Math.round(today.diff(judged, 'days').days);
  if (productIds.length === 0 || daysAgo < 1) return out;
  const variantsOf = await findVariantIdsOfProducts(db, store.id, productIds);
  const sales = await dailyVariantSales(db, store.id, [...variantsOf.values()].flat(), {
    days: daysAgo + lookBackDays,
    timeZone: store.timezone,
  });
  const judgedIndex = lookBackDays;
  for (const [productId, variantIds] of variantsOf) {
    const series = variantIds.map((id) => sales.get(id));
    if (series.length === 0 || series.some((s) => !s?.tracked)) continue;
    const outOn = (i: number) =>
      series.every((s) => isStockOutDay({ units: s!.sold[i]!, openingOnHand: s!.openingOnHand[i]! }));
    if (!outOn(judgedIndex)) continue;
    let first = judgedIndex;
    while (first > 0 && outOn(first - 1)) first--;
    out.set(productId, { since: judged.minus({ days: judgedIndex - first }).toISODate()! });
  }
  return out;
}
