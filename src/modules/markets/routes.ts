import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/database.ts';
import { exchangeRateRoutes } from './exchange-rate-routes.ts';
import { explicitPriceRoutes } from './explicit-price-routes.ts';
import { marketCrudRoutes } from './market-routes.ts';

/** Every admin route of the markets module (docs/markets.md, "API"), under /api/admin/stores/:store. */
export async function marketRoutes(app: FastifyInstance, options: { db: Db }) {
  await app.register(marketCrudRoutes, options);
  await app.register(exchangeRateRoutes, options);
  await app.register(explicitPriceRoutes, options);
}
