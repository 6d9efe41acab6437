import type { Db } from '../../platform/db/database.ts';
import { announceStockChange } from './availability/stock-change-topic.ts';
import { syncChannelStock } from './channels/sync-channel-stock.ts';
import { refreshStockStates } from './stock-states.ts';

/**
 * What follows any change of on hand or reserved, in the same transaction: low/out states and
 * their events, and what each sales channel may sell (`inventory.level_changed`). Every writer of
 * levels (movements, reservations) calls it once with the variants it touched.
 */
export async function stockChanged(tx: Db, storeId: string, variantIds: readonly string[]): Promise<void> {
  // First: it compares with the states recorded before this change (storefront pages drop stale stock).
  await announceStockChange(tx, storeId, variantIds);
  await refreshStockStates(tx, storeId, variantIds);
  // After the states: they lock the variants' items, so channel quantities are computed one writer at a time.
  await syncChannelStock(tx, storeId, variantIds);
}
