import { announceChange } from '../../platform/cache/index.ts';
import type { Db } from '../../platform/db/database.ts';

/**
 * The change-feed topic of a store's published reviews: the storefront drops the store's cached
 * pages when it hears it (product pages show reviews and their figures).
 */
export function reviewsTopic(storeId: string): string {
  return `reviews:${storeId}`;
}

export function announceReviewChange(tx: Db, storeId: string): Promise<void> {
  return announceChange(tx, reviewsTopic(storeId));
}
