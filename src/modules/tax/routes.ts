import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db/database.ts';
import { taxClassRoutes } from './class-routes.ts';
import { taxRateRoutes } from './rate-routes.ts';
import { taxSettingsRoutes } from './settings-routes.ts';

/** Every admin route of the tax module (docs/tax.md, "API"), under /api/admin/stores/:store/tax. */
export async function taxRoutes(app: FastifyInstance, options: { db: Db }) {
  await app.register(taxSettingsRoutes, options);
  await app.register(taxClassRoutes, options);
  await app.register(taxRateRoutes, options);
}
