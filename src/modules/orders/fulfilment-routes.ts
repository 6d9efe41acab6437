import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { storeOf } from '../access/index.ts';
import { cancelOrder, cancelOrderInput } from './cancel-order.ts';
import { fulfilOrder, fulfilOrderInput } from './fulfil-order.ts';
import {
  cancelParcel,
  cancelParcelInput,
  markDeliveredInput,
  markParcelDelivered,
  parcelTrackingInput,
  updateParcelTracking,
} from './parcels.ts';

const orderParams = z.object({ store: z.string().min(1).max(64), orderId: z.string().min(1).max(64) });
const parcelParams = orderParams.extend({ fulfilmentId: z.string().min(1).max(64) });

/**
 * Parcels, deliveries and cancelling an order, under /api/admin/stores/:store (docs/orders.md, "API").
 * Each call is one transaction: it happens entirely or not at all.
 */
export async function fulfilmentRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['orders'];

  r.post(
    '/orders/:orderId/fulfilments',
    {
      config: { permission: 'orders:write' },
      schema: {
        tags,
        summary:
          'Ship a parcel: lines and quantities, location, carrier and tracking (captures its worth with capture on fulfilment)',
        params: orderParams,
        body: fulfilOrderInput,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const result = await db.transaction((tx) =>
        fulfilOrder(tx, store.id, actor, request.params.orderId, request.body),
      );
      return reply.status(201).send(result);
    },
  );

  r.patch(
    '/orders/:orderId/fulfilments/:fulfilmentId',
    {
      config: { permission: 'orders:write' },
      schema: {
        tags,
        summary: "Correct a parcel's carrier and tracking",
        params: parcelParams,
        body: parcelTrackingInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const { orderId, fulfilmentId } = request.params;
      return db.transaction((tx) =>
        updateParcelTracking(tx, store.id, actor, orderId, fulfilmentId, request.body),
      );
    },
  );

  r.post(
    '/orders/:orderId/fulfilments/:fulfilmentId/delivered',
    {
      config: { permission: 'orders:write' },
      schema: {
        tags,
        summary: 'Mark a parcel delivered',
        params: parcelParams,
        body: markDeliveredInput.nullish(),
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const { orderId, fulfilmentId } = request.params;
      return db.transaction((tx) =>
        markParcelDelivered(tx, store.id, actor, orderId, fulfilmentId, request.body ?? {}),
      );
    },
  );

  r.post(
    '/orders/:orderId/fulfilments/:fulfilmentId/cancel',
    {
      config: { permission: 'orders:write' },
      schema: {
        tags,
        summary: 'Cancel a shipped parcel (lost, recalled): its units are to ship again',
        params: parcelParams,
        body: cancelParcelInput.nullish(),
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const { orderId, fulfilmentId } = request.params;
      return db.transaction((tx) =>
        cancelParcel(tx, store.id, actor, orderId, fulfilmentId, request.body ?? {}),
      );
    },
  );

  r.post(
    '/orders/:orderId/cancel',
    {
      config: { permission: 'orders:write' },
      schema: {
        tags,
        summary: 'Cancel an order nothing of which has shipped: restock, void or refund the payment',
        description:
          'When captured money must go back, the caller needs `orders:refund` too (403 `permission_denied` otherwise).',
        params: orderParams,
        body: cancelOrderInput,
      },
    },
    async (request) => {
      const { store, actor, permissions } = storeOf(request);
      return db.transaction((tx) =>
        cancelOrder(tx, store.id, actor, request.params.orderId, request.body, {
          canRefund: permissions.has('orders:refund'),
        }),
      );
    },
  );
}
