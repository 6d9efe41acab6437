import { sql } from 'drizzle-orm';
import { announceChange } from '../../../platform/cache/index.ts';
import type { Db } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';
import { type StockState, stockStateOf } from '../stock-states.ts';

/** The topic a store's shopper-visible stock changes announce (storefront pages drop their copies). */
export function inventoryTopic(storeId: string): string {
  return `inventory:${storeId}`;
}

/**
 * Announces a stock change when shoppers could see it, so cached storefront pages (product pages,
 * listings' in-stock counts, the Merchant feed) are dropped on every instance. Must run before the
 * variants' alert states are refreshed (`refreshStockStates`): the state recorded then is what the
 * pages were rendered from.
 *
 * What a page shows depends on the same state as the alerts ('ok', 'low', 'out'; 'ok' when the
 * variant is not tracked), plus the count while it is low ("only 3 left"). So a change is announced
 * when a variant's state moves, or while it is low; a sale of the 40th of 50 units is not, so busy
 * checkouts do not empty the page cache. (A concurrent write to another location of the same variant
 * can leave this a step behind; the next change, or the page cache's few seconds, correct it.)
 */
export async function announceStockChange(
  tx: Db,
  storeId: string,
  variantIds: readonly string[],
): Promise<void> {
  const ids = [...new Set(variantIds)];
  if (ids.length === 0) return;
  const rows = resultRows<{
    tracked: boolean;
    stock_state: StockState;
    low_stock_threshold: number | null;
    available: string | number;
  }>(
    await tx.execute(sql`
      select i.tracked, i.stock_state, i.low_stock_threshold,
        coalesce(sum(l.on_hand - l.reserved) filter (where loc.active), 0) as available
      from inventory_items i
      left join inventory_levels l on l.variant_id = i.variant_id
      left join inventory_locations loc on loc.id = l.location_id
      where i.store_id = ${storeId} and i.variant_id = any(${sql.param(ids)}::text[])
      group by i.variant_id, i.tracked, i.stock_state, i.low_stock_threshold`),
  );
  const visible = rows.some((row) => {
    const shown: StockState = row.tracked
      ? stockStateOf(
          Number(row.available),
          row.low_stock_threshold === null ? null : Number(row.low_stock_threshold),
        )
      : 'ok';
    return shown !== row.stock_state || shown === 'low';
  });
  if (visible) await announceChange(tx, inventoryTopic(storeId));
}
