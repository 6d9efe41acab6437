import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type ChangeFeed, ReadCache } from '../../../platform/cache/index.ts';
import type { Db } from '../../../platform/db/database.ts';
import { storeOf } from '../../access/index.ts';
import { catalogTopic } from '../change-topic.ts';
import { type FilterValues, loadFilterValues } from './filter-values.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });

/** What the product list's filter menus offer, registered under /api/admin/stores/:store. */
export async function productFilterRoutes(
  app: FastifyInstance,
  { db, changes }: { db: Db; changes: ChangeFeed },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Read on every visit to the list, changed only with the catalog (whose topic drops it).
  const cached = new ReadCache<FilterValues>(changes, { max: 500, ttlMs: 60_000 });

  r.get(
    '/products/filter-values',
    {
      config: { permission: 'catalog:read' },
      schema: {
        tags: ['catalog'],
        summary:
          "The store's vendors, product types and tags with how many products have each, commonest first " +
          '(for the product list filters)',
        params: storeParams,
      },
    },
    async (request) => {
      const { store } = storeOf(request);
      return cached.get(store.id, [catalogTopic(store.id)], () => loadFilterValues(db, store.id));
    },
  );
}
