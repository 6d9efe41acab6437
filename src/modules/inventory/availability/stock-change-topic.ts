import { announceChange } from '../../../platform/cache/index.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { EvaluatedStock } from '../stock-states.ts';

/** The topic a store's shopper-visible stock changes announce (storefront pages drop their copies). */
export function inventoryTopic(storeId: string): string {
  return `inventory:${storeId}`;
}

/**
 * Announces a stock change when shoppers could see it, so cached storefront pages (product pages,
 * listings' in-stock counts, the Merchant feed) are dropped on every instance. It reads the
 * evaluation `refreshStockStates` made of this change: the state recorded before it is what the
 * pages were rendered from.
 *
 * What a page shows depends on the same state as the alerts ('ok', 'low', 'out'), plus the count
 * while it is low ("only 3 left"). So a change is announced when a variant's state moves, or while
 * it is low; a sale of the 40th of 50 units is not, so busy checkouts do not empty the page cache.
 * (A concurrent write to another location of the same variant can leave this a step behind; the
 * next change, or the page cache's few seconds, correct it.) Starting or stopping tracking a
 * variant announces through `updateInventoryItem`.
 */
export async function announceStockChange(
  tx: Db,
  storeId: string,
  evaluated: readonly EvaluatedStock[],
): Promise<void> {
  const visible = evaluated.some((e) => e.state !== e.previous || e.state === 'low');
  if (visible) await announceChange(tx, inventoryTopic(storeId));
}
