import type { Db } from '../../../platform/db/database.ts';
import type { FeedStockSource, StockSource } from '../../catalog/index.ts';
import { inventoryFeedStockSource } from './feed-stock-source.ts';
import { inventoryStockSource } from './search-stock-source.ts';
import { inventoryAvailabilitySource, type VariantAvailabilitySource } from './storefront-availability.ts';

export interface StorefrontStockSources {
  /** Listings' "in stock" filter and count. */
  searchStock: StockSource;
  /** The Merchant Center feed's availability. */
  feedStock: FeedStockSource;
  /** Product pages' availability per variant. */
  variantAvailability: VariantAvailabilitySource;
}

/** Everything the storefront reads of stock, from inventory (named as the storefront's options are). */
export function storefrontStockSources(db: Db): StorefrontStockSources {
  return {
    searchStock: inventoryStockSource,
    feedStock: inventoryFeedStockSource(db),
    variantAvailability: inventoryAvailabilitySource(db),
  };
}
