import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors.ts';
import { storeOf } from '../access/index.ts';
import { capturePayment, markPaymentReceived, paymentsOfOrder } from '../payments/index.ts';
import { orderExportRoutes } from './export-routes.ts';
import { refreshFinancialStatus } from './financial-status.ts';
import { fulfilmentRoutes } from './fulfilment-routes.ts';
import { listOrders, orderListQuery } from './list-orders.ts';
import { addOrderNote, orderNoteInput, orderTagsInput, setOrderTags } from './order-notes.ts';
import { getOrder, lockOrder } from './order-read.ts';
import { getOrderSettings, orderSettingsInput, updateOrderSettings } from './order-settings.ts';
import { refundRoutes } from './refund-routes.ts';
import { resendOrderConfirmation } from './resend-confirmation.ts';
import { returnRoutes } from './return-routes.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });
const orderParams = storeParams.extend({ orderId: z.string().min(1).max(64) });
const paymentParams = orderParams.extend({ paymentId: z.string().min(1).max(64) });
const amountBody = z
  .object({ amount: z.number().int().min(1).optional(), reference: z.string().trim().max(200).optional() })
  .strict()
  // An empty POST reaches the schema as null.
  .nullish();

/** The orders' admin routes under /api/admin/stores/:store (docs/orders.md, "API"). */
export async function orderRoutes(app: FastifyInstance, { db }: { db: Db }) {
  await app.register(fulfilmentRoutes, { db });
  await app.register(refundRoutes, { db });
  await app.register(returnRoutes, { db });
  await app.register(orderExportRoutes, { db });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['orders'];

  r.get(
    '/orders',
    {
      config: { permission: 'orders:read' },
      schema: {
        tags,
        summary:
          'Orders, newest first: filter by status, payment, fulfilment, dates, customer, total, tag or text',
        params: storeParams,
        querystring: orderListQuery,
      },
    },
    async (request) => listOrders(db, storeOf(request).store.id, request.query),
  );

  r.get(
    '/orders/:orderId',
    {
      config: { permission: 'orders:read' },
      schema: {
        tags,
        summary: 'An order with its lines, payments, parcels, refunds, returns and timeline',
        params: orderParams,
      },
    },
    async (request) => {
      const storeId = storeOf(request).store.id;
      const [order, payments] = await Promise.all([
        getOrder(db, storeId, request.params.orderId),
        paymentsOfOrder(db, storeId, request.params.orderId),
      ]);
      return { order: { ...order, payments } };
    },
  );

  r.post(
    '/orders/:orderId/resend-confirmation',
    {
      config: { permission: 'orders:write' },
      schema: {
        tags,
        summary: 'Send the order confirmation e-mail again (409 order_not_placed)',
        params: orderParams,
        body: z.object({}).strict().nullish(),
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const result = await db.transaction((tx) =>
        resendOrderConfirmation(tx, store.id, actor, request.params.orderId),
      );
      return reply.status(202).send(result);
    },
  );

  r.post(
    '/orders/:orderId/notes',
    {
      config: { permission: 'orders:write' },
      schema: {
        tags,
        summary: 'Add an internal note to the timeline',
        params: orderParams,
        body: orderNoteInput,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      await db.transaction((tx) => addOrderNote(tx, store.id, actor, request.params.orderId, request.body));
      return reply.status(201).send({ ok: true });
    },
  );

  r.put(
    '/orders/:orderId/tags',
    {
      config: { permission: 'orders:write' },
      schema: { tags, summary: "Replace the order's tags", params: orderParams, body: orderTagsInput },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const order = await db.transaction((tx) =>
        setOrderTags(tx, store.id, actor, request.params.orderId, request.body),
      );
      return { order };
    },
  );

  r.post(
    '/orders/:orderId/payments/:paymentId/mark-paid',
    {
      config: { permission: 'orders:write' },
      schema: {
        tags,
        summary: 'Record a bank transfer or cash received for a manual payment (pending → captured)',
        params: paymentParams,
        body: amountBody,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const { orderId, paymentId } = request.params;
      const order = await db.transaction(async (tx) => {
        await paymentOfOrder(tx, store.id, orderId, paymentId);
        await markPaymentReceived(tx, store.id, actor, paymentId, request.body ?? {});
        return refreshFinancialStatus(tx, store.id, actor, orderId);
      });
      return { order };
    },
  );

  r.post(
    '/orders/:orderId/payments/:paymentId/capture',
    {
      config: { permission: 'orders:write' },
      schema: {
        tags,
        summary: 'Capture an authorised payment (all of what is left, or `amount`)',
        params: paymentParams,
        body: amountBody,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const { orderId, paymentId } = request.params;
      const order = await db.transaction(async (tx) => {
        await paymentOfOrder(tx, store.id, orderId, paymentId);
        await capturePayment(tx, store.id, actor, paymentId, request.body?.amount);
        return refreshFinancialStatus(tx, store.id, actor, orderId);
      });
      return { order };
    },
  );

  r.get(
    '/order-settings',
    {
      config: { permission: 'orders:read' },
      schema: { tags, summary: 'Order settings: return window, number prefix', params: storeParams },
    },
    async (request) => ({ settings: await getOrderSettings(db, storeOf(request).store.id) }),
  );

  r.patch(
    '/order-settings',
    {
      config: { permission: 'store:write' },
      schema: { tags, summary: 'Change the order settings', params: storeParams, body: orderSettingsInput },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const settings = await db.transaction((tx) => updateOrderSettings(tx, store.id, actor, request.body));
      return { settings };
    },
  );
}

/** The payment, checked to belong to the order (locked first, so payment changes of one order queue). */
async function paymentOfOrder(tx: Db, storeId: string, orderId: string, paymentId: string): Promise<void> {
  await lockOrder(tx, storeId, orderId);
  const payments = await paymentsOfOrder(tx, storeId, orderId);
  if (!payments.some((p) => p.id === paymentId)) throw notFound('Payment', { id: paymentId });
}
