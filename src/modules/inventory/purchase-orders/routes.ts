import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { storeOf } from '../../access/index.ts';
import {
  cancelPurchaseOrder,
  cancelPurchaseOrderInput,
  closePurchaseOrder,
  closePurchaseOrderInput,
} from './close.ts';
import {
  createPurchaseOrder,
  createPurchaseOrderInput,
  updatePurchaseOrder,
  updatePurchaseOrderInput,
} from './draft.ts';
import { getPurchaseOrder, listPurchaseOrders, purchaseOrderListQuery } from './purchase-order-views.ts';
import { receivePurchaseOrder, receivePurchaseOrderInput } from './receive.ts';
import { sendPurchaseOrder } from './send.ts';

export interface PurchaseOrderRouteOptions {
  db: Db;
  /** The installation's sending address for orders mailed to suppliers. */
  mailFrom: string;
}

const storeParams = z.object({ store: z.string().min(1).max(64) });
const orderParams = storeParams.extend({ purchaseOrderId: z.string().min(1).max(64) });

/**
 * Purchase orders under /api/admin/stores/:store/inventory/purchase-orders: drafts, sending to the
 * supplier (PDF or CSV by mail), receipts into stock, cancelling and closing short
 * (docs/purchasing.md). Every change is audited; each answers with the order as `GET` shows it.
 */
export async function purchaseOrderRoutes(app: FastifyInstance, { db, mailFrom }: PurchaseOrderRouteOptions) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['purchasing'];

  r.get(
    '/inventory/purchase-orders',
    {
      config: { permission: 'purchasing:read' },
      schema: {
        tags,
        summary: 'Purchase orders, newest first (filter by state and supplier)',
        params: storeParams,
        querystring: purchaseOrderListQuery,
      },
    },
    async (request) => listPurchaseOrders(db, storeOf(request).store.id, request.query),
  );

  r.post(
    '/inventory/purchase-orders',
    {
      config: { permission: 'purchasing:write' },
      schema: {
        tags,
        summary:
          "Start a draft order in the supplier's currency; lines checked against its pack sizes and minimums",
        params: storeParams,
        body: createPurchaseOrderInput,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const order = await db.transaction((tx) => createPurchaseOrder(tx, { store, actor }, request.body));
      return reply.status(201).send({ purchaseOrder: await getPurchaseOrder(db, store, order.id) });
    },
  );

  r.get(
    '/inventory/purchase-orders/:purchaseOrderId',
    {
      config: { permission: 'purchasing:read' },
      schema: { tags, summary: 'An order with its lines, receipts and mail', params: orderParams },
    },
    async (request) => ({
      purchaseOrder: await getPurchaseOrder(db, storeOf(request).store, request.params.purchaseOrderId),
    }),
  );

  r.patch(
    '/inventory/purchase-orders/:purchaseOrderId',
    {
      config: { permission: 'purchasing:write' },
      schema: {
        tags,
        summary: 'Change a draft (lines replace its lines); a sent order only its expected date and note',
        params: orderParams,
        body: updatePurchaseOrderInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const { purchaseOrderId } = request.params;
      await db.transaction((tx) => updatePurchaseOrder(tx, { store, actor }, purchaseOrderId, request.body));
      return { purchaseOrder: await getPurchaseOrder(db, store, purchaseOrderId) };
    },
  );

  r.post(
    '/inventory/purchase-orders/:purchaseOrderId/send',
    {
      config: { permission: 'purchasing:write' },
      schema: {
        tags,
        summary:
          'Send a draft to the supplier by e-mail with the order as PDF or CSV (422 supplier_email_missing)',
        params: orderParams,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const { purchaseOrderId } = request.params;
      const { mailMessageId } = await db.transaction((tx) =>
        sendPurchaseOrder(tx, { store, actor, mailFrom }, purchaseOrderId),
      );
      return { purchaseOrder: await getPurchaseOrder(db, store, purchaseOrderId), mailMessageId };
    },
  );

  r.post(
    '/inventory/purchase-orders/:purchaseOrderId/receipts',
    {
      config: { permission: 'purchasing:write' },
      schema: {
        tags,
        summary:
          'Book goods received into stock at the delivery location (409 over_receipt beyond the order)',
        params: orderParams,
        body: receivePurchaseOrderInput,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const { purchaseOrderId } = request.params;
      const { movements, averageCosts } = await db.transaction((tx) =>
        receivePurchaseOrder(tx, { store, actor }, purchaseOrderId, request.body),
      );
      return reply.status(201).send({
        purchaseOrder: await getPurchaseOrder(db, store, purchaseOrderId),
        movements,
        averageCosts,
      });
    },
  );

  r.post(
    '/inventory/purchase-orders/:purchaseOrderId/cancel',
    {
      config: { permission: 'purchasing:write' },
      schema: {
        tags,
        summary: 'Cancel a draft or a sent order without receipts',
        params: orderParams,
        body: cancelPurchaseOrderInput.optional(),
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const { purchaseOrderId } = request.params;
      await db.transaction((tx) =>
        cancelPurchaseOrder(tx, { store, actor }, purchaseOrderId, request.body ?? {}),
      );
      return { purchaseOrder: await getPurchaseOrder(db, store, purchaseOrderId) };
    },
  );

  r.post(
    '/inventory/purchase-orders/:purchaseOrderId/close',
    {
      config: { permission: 'purchasing:write' },
      schema: {
        tags,
        summary: 'Close a part-received order short: the rest will not come',
        params: orderParams,
        body: closePurchaseOrderInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const { purchaseOrderId } = request.params;
      await db.transaction((tx) => closePurchaseOrder(tx, { store, actor }, purchaseOrderId, request.body));
      return { purchaseOrder: await getPurchaseOrder(db, store, purchaseOrderId) };
    },
  );
}
