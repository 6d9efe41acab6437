import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { storeOf } from '../access/index.ts';
import { previewRefund, refundOrder, refundOrderInput } from './refund-order.ts';

const orderParams = z.object({ store: z.string().min(1).max(64), orderId: z.string().min(1).max(64) });

/** Refunds under /api/admin/stores/:store (docs/orders.md, "API"). */
export async function refundRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['orders'];

  r.post(
    '/orders/:orderId/refunds/preview',
    {
      config: { permission: 'orders:read' },
      schema: {
        tags,
        summary: 'What a refund would give back, and what is still refundable (writes nothing)',
        params: orderParams,
        body: refundOrderInput,
      },
    },
    async (request) => ({
      preview: await previewRefund(db, storeOf(request).store.id, request.params.orderId, request.body),
    }),
  );

  r.post(
    '/orders/:orderId/refunds',
    {
      config: { permission: 'orders:refund' },
      schema: {
        tags,
        summary:
          'Refund units of lines (restocked or not), shipping and an amount; never more than was captured',
        params: orderParams,
        body: refundOrderInput,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const result = await db.transaction((tx) =>
        refundOrder(tx, store.id, actor, request.params.orderId, request.body),
      );
      return reply.status(201).send(result);
    },
  );
}
