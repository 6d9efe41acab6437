import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { recordAudit, storeOf } from '../../access/index.ts';
import {
  createTransfer,
  createTransferInput,
  updateTransfer,
  updateTransferInput,
} from './transfer-drafts.ts';
import type { TransferWithLines } from './transfer-records.ts';
import { cancelTransfer, receiveTransfer, receiveTransferInput, shipTransfer } from './transfer-steps.ts';
import { getTransfer, listTransfers, transferListQuery, transferView } from './transfer-views.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });
const transferParams = storeParams.extend({ transferId: z.string().min(1).max(64) });

/**
 * Stock transfers between locations under /api/admin/stores/:store/inventory/transfers: drafts,
 * ship, receive (all or part), cancel. Every change is audited in its transaction.
 */
export async function transferRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['inventory'];
  const audited = (transfer: TransferWithLines) => ({
    entityType: 'inventory_transfer',
    entityId: transfer.id,
  });

  r.get(
    '/inventory/transfers',
    {
      config: { permission: 'inventory:read' },
      schema: {
        tags,
        summary: 'Transfers, newest first (by state, or by either end)',
        params: storeParams,
        querystring: transferListQuery,
      },
    },
    async (request) => listTransfers(db, storeOf(request).store.id, request.query),
  );

  r.get(
    '/inventory/transfers/:transferId',
    {
      config: { permission: 'inventory:read' },
      schema: { tags, summary: 'A transfer with its lines', params: transferParams },
    },
    async (request) => ({
      transfer: await getTransfer(db, storeOf(request).store.id, request.params.transferId),
    }),
  );

  r.post(
    '/inventory/transfers',
    {
      config: { permission: 'inventory:write' },
      schema: {
        tags,
        summary: 'Draft a transfer between two active locations (nothing moves until it is shipped)',
        params: storeParams,
        body: createTransferInput,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const transfer = await db.transaction(async (tx) => {
        const created = await createTransfer(tx, store.id, request.body);
        await recordAudit(tx, actor, {
          storeId: store.id,
          action: 'inventory_transfer.created',
          ...audited(created),
          after: created,
        });
        return created;
      });
      return reply.status(201).send({ transfer: await transferView(db, store.id, transfer) });
    },
  );

  r.patch(
    '/inventory/transfers/:transferId',
    {
      config: { permission: 'inventory:write' },
      schema: {
        tags,
        summary: 'Change a draft transfer (ends, note; `lines` replaces its lines)',
        params: transferParams,
        body: updateTransferInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const transfer = await db.transaction(async (tx) => {
        const { before, after } = await updateTransfer(tx, store.id, request.params.transferId, request.body);
        await recordAudit(tx, actor, {
          storeId: store.id,
          action: 'inventory_transfer.updated',
          ...audited(after),
          before,
          after,
        });
        return after;
      });
      return { transfer: await transferView(db, store.id, transfer) };
    },
  );

  r.post(
    '/inventory/transfers/:transferId/ship',
    {
      config: { permission: 'inventory:write' },
      schema: {
        tags,
        summary:
          'Ship a draft: its units leave the source (409 insufficient_stock when unreserved stock lacks)',
        params: transferParams,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const result = await db.transaction(async (tx) => {
        const shipped = await shipTransfer(tx, store.id, actor, request.params.transferId);
        await recordAudit(tx, actor, {
          storeId: store.id,
          action: 'inventory_transfer.shipped',
          ...audited(shipped.transfer),
          after: shipped,
        });
        return shipped;
      });
      return { transfer: await transferView(db, store.id, result.transfer), movements: result.movements };
    },
  );

  r.post(
    '/inventory/transfers/:transferId/receive',
    {
      config: { permission: 'inventory:write' },
      schema: {
        tags,
        summary:
          'Receive a transfer in transit at its destination: every outstanding unit, or the `lines` given (partial receipts keep it in transit)',
        params: transferParams,
        body: receiveTransferInput.nullish(),
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const result = await db.transaction(async (tx) => {
        const received = await receiveTransfer(
          tx,
          store.id,
          actor,
          request.params.transferId,
          request.body ?? {},
        );
        await recordAudit(tx, actor, {
          storeId: store.id,
          action: 'inventory_transfer.received',
          ...audited(received.transfer),
          after: received,
        });
        return received;
      });
      return { transfer: await transferView(db, store.id, result.transfer), movements: result.movements };
    },
  );

  r.post(
    '/inventory/transfers/:transferId/cancel',
    {
      config: { permission: 'inventory:write' },
      schema: {
        tags,
        summary:
          'Cancel a transfer: a draft closes; in transit, the units not yet received go back to the source',
        params: transferParams,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const result = await db.transaction(async (tx) => {
        const cancelled = await cancelTransfer(tx, store.id, actor, request.params.transferId);
        await recordAudit(tx, actor, {
          storeId: store.id,
          action: 'inventory_transfer.cancelled',
          ...audited(cancelled.transfer),
          before: cancelled.before,
          after: { transfer: cancelled.transfer, movements: cancelled.movements },
        });
        return cancelled;
      });
      return { transfer: await transferView(db, store.id, result.transfer), movements: result.movements };
    },
  );
}
