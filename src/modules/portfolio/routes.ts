import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../platform/db/database.ts';
import { portfolio, portfolioQuery } from './portfolio.ts';

/**
 * `GET /api/admin/portfolio`: user-scoped, not under a store. Signed-in people only; each store
 * appears only where the person's role there grants analytics:read.
 */
export async function portfolioRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/admin/portfolio',
    {
      config: { access: 'user' },
      schema: {
        tags: ['portfolio'],
        summary:
          'Every store you may read analytics of: key figures, trend, alerts and goals in one currency',
        querystring: portfolioQuery,
      },
    },
    async (request) => portfolio(db, request.auth!.user!.id, request.query),
  );
}
