import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { storeOf } from '../access/index.ts';
import { reorderForecastRoutes } from './reorder-forecasts/routes.ts';
import { storeAnomalies } from './store-anomalies.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });

/** The insights admin routes under /api/admin/stores/:store (docs/anomalies.md, docs/forecasting.md). */
export async function insightsRoutes(app: FastifyInstance, { db }: { db: Db }) {
  await app.register(reorderForecastRoutes, { db });
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/insights/anomalies',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags: ['insights'],
        summary: "A day's key metrics against what was expected, flagged when off, with what moved them",
        params: storeParams,
        querystring: z.object({ day: z.iso.date().optional() }).strict(),
      },
    },
    async (request) => {
      const { store } = storeOf(request);
      const { metrics, ...rest } = await storeAnomalies(db, store, request.query.day);
      return {
        ...rest,
        // Infinity does not travel in JSON: an open upper band is null.
        metrics: metrics.map((m) => ({
          metric: m.metric,
          judgement: { ...m.judgement, upper: Number.isFinite(m.judgement.upper) ? m.judgement.upper : null },
          flaggedSegments: m.segments
            .filter((s) => s.judgement.flagged)
            .map((s) => ({
              dimension: s.dimension,
              value: s.value,
              actual: s.judgement.actual,
              expected: s.judgement.expected,
              relativeChange: s.judgement.relativeChange,
              direction: s.judgement.direction,
              // A product that sold nothing while out of stock: since when.
              stockOutSince: s.judgement.stockOut?.since ?? null,
            })),
          explanation: m.explanation
            ? {
                sentence: m.explanation.sentence,
                dimension: m.explanation.dimension,
                changePct: m.explanation.changePct,
                contributors: m.explanation.contributors,
              }
            : null,
        })),
      };
    },
  );
}
