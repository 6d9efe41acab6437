import type { Db } from '../../platform/db/database.ts';
import { refreshStockStates } from './stock-states.ts';

/**
 * What follows any change of on hand or reserved, in the same transaction: low/out states and
 * their events. Every writer of levels (movements, reservations) calls it once with the variants
 * it touched.
 */
export async function stockChanged(tx: Db, storeId: string, variantIds: readonly string[]): Promise<void> {
  await refreshStockStates(tx, storeId, variantIds);
}
