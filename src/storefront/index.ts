/** Public face of the storefront: the customer-facing pages and their cache. */

export { storefrontCacheConsumer } from './cache-consumer.ts';
export { invalidateStorefront, type StorefrontOptions, storefrontRoutes } from './routes.ts';
