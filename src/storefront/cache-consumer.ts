import type { OutboxConsumer } from '../platform/events/index.ts';
import { invalidateStorefront } from './routes.ts';

/**
 * Drops cached pages of a store when its products or settings change. The dispatcher runs on one
 * instance per event, so other instances rely on the page cache's short TTL (5 s) to catch up.
 */
export const storefrontCacheConsumer: OutboxConsumer = {
  name: 'storefront.cache',
  async handle(_db, event) {
    if (event.type.startsWith('product.') || event.type.startsWith('store.')) {
      invalidateStorefront(event.storeId ?? undefined);
    }
  },
};
