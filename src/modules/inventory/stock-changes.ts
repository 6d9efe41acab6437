import type { Db } from '../../platform/db/database.ts';
import { announceStockChange } from './availability/stock-change-topic.ts';
import { type KnownVariant, syncChannelStock } from './channels/sync-channel-stock.ts';
import { refreshStockStates } from './stock-states.ts';

/**
 * What follows any change of on hand or reserved, in the same transaction: low/out states and
 * their events, the storefront's cache announcement, and what each sales channel may sell
 * (`inventory.level_changed`). Every writer of levels (movements, reservations) calls it once with
 * the variants it touched, and their SKU and policy when it has them (spares a lookup).
 */
export async function stockChanged(
  tx: Db,
  storeId: string,
  variantIds: readonly string[],
  known?: ReadonlyMap<string, KnownVariant>,
): Promise<void> {
  // The states lock the variants' items: writers of one variant go through here one at a time.
  const evaluated = await refreshStockStates(tx, storeId, variantIds);
  await announceStockChange(tx, storeId, evaluated);
  await syncChannelStock(tx, storeId, variantIds, known);
}
