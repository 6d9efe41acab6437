import type { FastifyInstance } from 'fastify';
import { supplierRoutes } from '../suppliers/routes.ts';
import { reorderSuggestionRoutes } from './reorder-suggestion-routes.ts';
import { type PurchaseOrderRouteOptions, purchaseOrderRoutes } from './routes.ts';

/** Purchasing's admin routes in one plugin: suppliers and their catalogs, purchase orders, reorder suggestions. */
export async function purchasingRoutes(app: FastifyInstance, options: PurchaseOrderRouteOptions) {
  await app.register(supplierRoutes, { db: options.db });
  await app.register(purchaseOrderRoutes, options);
  await app.register(reorderSuggestionRoutes, { db: options.db });
}
