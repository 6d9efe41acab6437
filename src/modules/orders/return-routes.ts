import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { storeOf } from '../access/index.ts';
import { closeReturnWithoutRefund, closeReturnWithRefund } from './close-return.ts';
import { closeReturnWithExchange } from './exchange-return.ts';
import { listReturns } from './list-returns.ts';
import { receiveReturn } from './receive-return.ts';
import { requestReturn } from './request-return.ts';
import { approveReturn, cancelReturn, rejectReturn } from './return-decisions.ts';
import {
  approveReturnInput,
  cancelReturnInput,
  closeReturnInput,
  exchangeReturnInput,
  receiveReturnInput,
  refundReturnInput,
  rejectReturnInput,
  returnListQuery,
  returnReasonsQuery,
  staffReturnInput,
} from './return-input.ts';
import { returnReasonsReport } from './return-reasons-report.ts';
import { returnableLines } from './returnable-lines.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });
const orderParams = storeParams.extend({ orderId: z.string().min(1).max(64) });
const returnParams = orderParams.extend({ returnId: z.string().min(1).max(64) });

/** Returns (RMA) under /api/admin/stores/:store (docs/orders.md, "Returns"); each change is one transaction. */
export async function returnRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['orders'];

  r.get(
    '/returns',
    {
      config: { permission: 'orders:read' },
      schema: {
        tags,
        summary:
          "The store's returns, newest first, with their order's number and customer: by status and day asked for",
        params: storeParams,
        querystring: returnListQuery,
      },
    },
    async (request) => listReturns(db, storeOf(request).store.id, request.query),
  );

  r.get(
    '/returns/reasons',
    {
      config: { permission: 'orders:read' },
      schema: {
        tags,
        summary:
          'Why items come back: per reason the returns, units, share and refunds; the products returned most',
        params: storeParams,
        querystring: returnReasonsQuery,
      },
    },
    async (request) => ({ report: await returnReasonsReport(db, storeOf(request).store.id, request.query) }),
  );

  r.get(
    '/orders/:orderId/returns/returnable',
    {
      config: { permission: 'orders:read' },
      schema: {
        tags,
        summary:
          'Per line: units that may still be returned, and whether its return window is open (with its last day)',
        params: orderParams,
      },
    },
    async (request) => ({
      returnable: await returnableLines(db, storeOf(request).store.id, request.params.orderId),
    }),
  );

  r.post(
    '/orders/:orderId/returns',
    {
      config: { permission: 'orders:write' },
      schema: {
        tags,
        summary:
          'Open a return for the customer (409 return_quantity_exceeded, 422 return_window_closed unless ignoreWindow)',
        params: orderParams,
        body: staffReturnInput,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const orderReturn = await db.transaction((tx) =>
        requestReturn(tx, store.id, actor, request.params.orderId, { ...request.body, requestedBy: 'staff' }),
      );
      return reply.status(201).send({ return: orderReturn });
    },
  );

  r.post(
    '/orders/:orderId/returns/:returnId/approve',
    {
      config: { permission: 'orders:write' },
      schema: {
        tags,
        summary: 'Approve: the return instructions are mailed to the customer',
        params: returnParams,
        body: approveReturnInput.nullish(),
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const { orderId, returnId } = request.params;
      return {
        return: await db.transaction((tx) =>
          approveReturn(tx, store.id, actor, orderId, returnId, request.body ?? {}),
        ),
      };
    },
  );

  r.post(
    '/orders/:orderId/returns/:returnId/reject',
    {
      config: { permission: 'orders:write' },
      schema: {
        tags,
        summary: 'Decline: the reason is mailed to the customer',
        params: returnParams,
        body: rejectReturnInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const { orderId, returnId } = request.params;
      return {
        return: await db.transaction((tx) =>
          rejectReturn(tx, store.id, actor, orderId, returnId, request.body),
        ),
      };
    },
  );

  r.post(
    '/orders/:orderId/returns/:returnId/cancel',
    {
      config: { permission: 'orders:write' },
      schema: {
        tags,
        summary: 'Withdraw a return before anything came back',
        params: returnParams,
        body: cancelReturnInput.nullish(),
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const { orderId, returnId } = request.params;
      return {
        return: await db.transaction((tx) =>
          cancelReturn(tx, store.id, actor, orderId, returnId, request.body ?? {}),
        ),
      };
    },
  );

  r.post(
    '/orders/:orderId/returns/:returnId/receive',
    {
      config: { permission: 'orders:write' },
      schema: {
        tags,
        summary:
          'Items arrived: restock them (a return movement in the ledger) or write them off; partial receipts allowed',
        params: returnParams,
        body: receiveReturnInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const { orderId, returnId } = request.params;
      return {
        return: await db.transaction((tx) =>
          receiveReturn(tx, store.id, actor, orderId, returnId, request.body),
        ),
      };
    },
  );

  r.post(
    '/orders/:orderId/returns/:returnId/refund',
    {
      config: { permission: 'orders:refund' },
      schema: {
        tags,
        summary:
          'Close a received return with a refund of its units (plus shipping or an amount); never above what was captured',
        params: returnParams,
        body: refundReturnInput.nullish(),
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const { orderId, returnId } = request.params;
      const { orderReturn, refund } = await db.transaction((tx) =>
        closeReturnWithRefund(tx, store.id, actor, orderId, returnId, request.body ?? {}),
      );
      return { return: orderReturn, refund };
    },
  );

  r.post(
    '/orders/:orderId/returns/:returnId/exchange',
    {
      config: { permission: 'orders:write' },
      schema: {
        tags,
        summary:
          'Close a received return with an exchange: a new order for the replacements (returned units cost nothing)',
        params: returnParams,
        body: exchangeReturnInput,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const { orderId, returnId } = request.params;
      const { orderReturn, exchangeOrder } = await db.transaction((tx) =>
        closeReturnWithExchange(tx, store.id, actor, orderId, returnId, request.body),
      );
      return reply.status(201).send({ return: orderReturn, exchangeOrder });
    },
  );

  r.post(
    '/orders/:orderId/returns/:returnId/close',
    {
      config: { permission: 'orders:write' },
      schema: {
        tags,
        summary: 'Close a received return without a refund',
        params: returnParams,
        body: closeReturnInput.nullish(),
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const { orderId, returnId } = request.params;
      return {
        return: await db.transaction((tx) =>
          closeReturnWithoutRefund(tx, store.id, actor, orderId, returnId, request.body ?? {}),
        ),
      };
    },
  );
}
