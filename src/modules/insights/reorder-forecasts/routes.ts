import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { storeOf } from '../../access/index.ts';
import { createReorderDrafts, createReorderDraftsInput } from './create-reorder-drafts.ts';
import { reorderForecastQuery, reorderForecasts } from './reorder-forecasts.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });

/**
 * GET …/insights/reorder-forecasts (what to buy, from the demand forecasts) and POST
 * …/insights/reorder-forecasts/drafts (make them draft purchase orders, one per supplier).
 */
export async function reorderForecastRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/insights/reorder-forecasts',
    {
      config: { permission: 'purchasing:read' },
      schema: {
        tags: ['insights'],
        summary:
          'Demand forecast per variant (method chosen by backtest, MASE, WAPE), days of cover, stock-out date, reorder point and the order in whole packs, grouped by supplier',
        params: storeParams,
        querystring: reorderForecastQuery,
      },
    },
    async (request) => reorderForecasts(db, storeOf(request).store, request.query),
  );
  r.post(
    '/insights/reorder-forecasts/drafts',
    {
      config: { permission: 'purchasing:write' },
      schema: {
        tags: ['insights'],
        summary: 'Make the forecast reorders draft purchase orders, one per supplier (all or none)',
        params: storeParams,
        body: createReorderDraftsInput,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const purchaseOrders = await createReorderDrafts(db, store, actor, request.body);
      return reply.code(201).send({ purchaseOrders });
    },
  );
}
