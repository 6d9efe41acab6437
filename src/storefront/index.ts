/** Public face of the storefront: the customer-facing pages and their cache. */

export { invalidateStorefront, type StorefrontOptions, storefrontRoutes } from './routes.ts';
