import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { recordAudit, storeOf } from '../../access/index.ts';
import { channelStockCsv, channelStockQuery, listChannelStock } from './channel-stock.ts';
import {
  createChannel,
  createChannelInput,
  deleteChannel,
  getChannel,
  listChannels,
  updateChannel,
  updateChannelInput,
} from './channels.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });
const channelParams = storeParams.extend({ channelId: z.string().min(1).max(64) });

/**
 * Sales channels under /api/admin/stores/:store/inventory/channels: what each place the store sells
 * may sell of each variant (available stock of its locations less a safety buffer), to pull as JSON
 * or CSV; every change is pushed as `inventory.level_changed` (webhooks). Changes are audited.
 */
export async function inventoryChannelRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['inventory'];

  r.get(
    '/inventory/channels',
    {
      config: { permission: 'inventory:read' },
      schema: {
        tags,
        summary: 'Sales channels by name (a store gets its "Online store" channel the first time)',
        params: storeParams,
      },
    },
    // A transaction: the first call makes the storefront channel and fills its stock.
    async (request) => ({
      items: await db.transaction((tx) => listChannels(tx, storeOf(request).store.id)),
    }),
  );

  r.post(
    '/inventory/channels',
    {
      config: { permission: 'inventory:write' },
      schema: {
        tags,
        summary: 'Add a sales channel; its stock is computed at once (one event per tracked variant)',
        params: storeParams,
        body: createChannelInput,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const channel = await db.transaction(async (tx) => {
        const created = await createChannel(tx, store.id, request.body);
        await recordAudit(tx, actor, {
          storeId: store.id,
          action: 'sales_channel.created',
          entityType: 'sales_channel',
          entityId: created.id,
          after: created,
        });
        return created;
      });
      return reply.status(201).send({ channel });
    },
  );

  r.get(
    '/inventory/channels/:channelId',
    {
      config: { permission: 'inventory:read' },
      schema: { tags, summary: 'A sales channel', params: channelParams },
    },
    async (request) => ({
      channel: await getChannel(db, storeOf(request).store.id, request.params.channelId),
    }),
  );

  r.patch(
    '/inventory/channels/:channelId',
    {
      config: { permission: 'inventory:write' },
      schema: {
        tags,
        summary: 'Change a sales channel; a new buffer or locations, or switching it on, recompute its stock',
        params: channelParams,
        body: updateChannelInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const channel = await db.transaction(async (tx) => {
        const { before, after } = await updateChannel(tx, store.id, request.params.channelId, request.body);
        await recordAudit(tx, actor, {
          storeId: store.id,
          action: 'sales_channel.updated',
          entityType: 'sales_channel',
          entityId: after.id,
          before,
          after,
        });
        return after;
      });
      return { channel };
    },
  );

  r.delete(
    '/inventory/channels/:channelId',
    {
      config: { permission: 'inventory:write' },
      schema: {
        tags,
        summary: 'Remove a sales channel (409 last_channel for the store’s only one)',
        params: channelParams,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      await db.transaction(async (tx) => {
        const removed = await deleteChannel(tx, store.id, request.params.channelId);
        await recordAudit(tx, actor, {
          storeId: store.id,
          action: 'sales_channel.deleted',
          entityType: 'sales_channel',
          entityId: removed.id,
          before: removed,
        });
      });
      return reply.status(204).send();
    },
  );

  r.get(
    '/inventory/channels/:channelId/stock',
    {
      config: { permission: 'inventory:read' },
      schema: {
        tags,
        summary: 'What the channel may sell per variant, in the order quantities changed (paged by cursor)',
        params: channelParams,
        querystring: channelStockQuery,
      },
    },
    async (request) => {
      const { store } = storeOf(request);
      const channel = await getChannel(db, store.id, request.params.channelId);
      return { channel, ...(await listChannelStock(db, store.id, channel, request.query)) };
    },
  );

  r.get(
    '/inventory/channels/:channelId/stock.csv',
    {
      config: { permission: 'inventory:read' },
      schema: {
        tags,
        summary: "The channel's stock as CSV (SKU, Variant ID, Sellable), streamed",
        params: channelParams,
      },
    },
    async (request, reply) => {
      const { store } = storeOf(request);
      const channel = await getChannel(db, store.id, request.params.channelId);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${store.handle}-channel-stock.csv"`)
        .header('cache-control', 'no-store')
        .send(channelStockCsv(db, store.id, channel));
    },
  );
}
