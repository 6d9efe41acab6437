import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { storeOf } from '../access/index.ts';
import { exportOrdersCsv, orderExportQuery } from './export-orders-csv.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });

/** The orders CSV export under /api/admin/stores/:store (docs/orders.md, "Export"). */
export async function orderExportRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/orders/export.csv',
    {
      config: { permission: 'orders:read' },
      schema: {
        tags: ['orders'],
        summary:
          "The orders the list's filters match, as Shopify's orders export CSV (one row per line item), streamed",
        params: storeParams,
        querystring: orderExportQuery,
      },
    },
    async (request, reply) => {
      const { store } = storeOf(request);
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${store.handle}-orders-${day}.csv"`)
        .header('cache-control', 'no-store')
        .send(exportOrdersCsv(db, store.id, request.query));
    },
  );
}
