import type { Db } from '../../../platform/db/database.ts';
import type { FeedStockSource } from '../../catalog/index.ts';
import { type StockAvailabilityStatus, variantAvailability } from './storefront-availability.ts';

/** Google's codes for what the storefront shows: a few left is still `in_stock`. */
const feedCodes: Record<StockAvailabilityStatus, 'in_stock' | 'out_of_stock' | 'backorder'> = {
  in_stock: 'in_stock',
  low_stock: 'in_stock',
  out_of_stock: 'out_of_stock',
  backorder: 'backorder',
};

/** The Merchant Center feed's availability from inventory, one query per page of products. */
export function inventoryFeedStockSource(db: Db): FeedStockSource {
  return {
    async availability(storeId, variants) {
      const shown = await variantAvailability(db, storeId, variants);
      return new Map([...shown].map(([id, a]) => [id, feedCodes[a.status]]));
    },
  };
}
