import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { storeOf } from '../../access/index.ts';
import { reorderSuggestionQuery, reorderSuggestions } from './reorder-suggestions.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });

/**
 * GET /api/admin/stores/:store/inventory/reorder-suggestions: what to buy, from whom and why, for
 * some variants or all that are running out (docs/purchasing.md, "Reorder suggestions"). It only
 * reads; the admin makes the drafts through the purchase order routes.
 */
export async function reorderSuggestionRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/inventory/reorder-suggestions',
    {
      config: { permission: 'purchasing:read' },
      schema: {
        tags: ['purchasing'],
        summary:
          'Reorder suggestions per variant (variantIds or state=running-out): supplier, quantity in whole packs and the numbers behind it, grouped by supplier',
        params: storeParams,
        querystring: reorderSuggestionQuery,
      },
    },
    async (request) => reorderSuggestions(db, storeOf(request).store, request.query),
  );
}
