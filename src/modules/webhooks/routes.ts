import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { recordAudit, storeOf } from '../access/index.ts';
import { deliveryStatuses, listDeliveries } from './deliveries.ts';
import {
  createEndpoint,
  createEndpointInput,
  deleteEndpoint,
  getEndpoint,
  listEndpoints,
  rotateSecret,
  updateEndpoint,
  updateEndpointInput,
  type WebhookEndpoint,
  type WebhookEndpointWithSecret,
} from './endpoints.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });
const endpointParams = storeParams.extend({ endpointId: z.string().min(1).max(64) });

const entityType = 'webhook_endpoint';

function withoutSecret({ secret: _s, ...endpoint }: WebhookEndpointWithSecret): WebhookEndpoint {
  return endpoint;
}

/**
 * Webhook endpoints and their delivery log, registered under /api/admin/stores/:store. The signing
 * secret is in the answer only when it is created (create, rotate-secret); the audit log never holds it.
 */
export async function webhookRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/webhooks',
    {
      config: { permission: 'webhooks:read' },
      schema: { tags: ['webhooks'], summary: 'Webhook endpoints of this store', params: storeParams },
    },
    async (request) => ({ items: await listEndpoints(db, storeOf(request).store.id) }),
  );

  r.post(
    '/webhooks',
    {
      config: { permission: 'webhooks:write' },
      schema: {
        tags: ['webhooks'],
        summary: 'Add an endpoint (Standard Webhooks; the signing secret is returned once)',
        params: storeParams,
        body: createEndpointInput,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const created = await db.transaction(async (tx) => {
        const endpoint = await createEndpoint(tx, store.id, request.body);
        await recordAudit(tx, actor, {
          storeId: store.id,
          action: 'webhook_endpoint.created',
          entityType,
          entityId: endpoint.id,
          after: withoutSecret(endpoint),
        });
        return endpoint;
      });
      return reply.status(201).send({ endpoint: withoutSecret(created), secret: created.secret });
    },
  );

  r.get(
    '/webhooks/:endpointId',
    {
      config: { permission: 'webhooks:read' },
      schema: { tags: ['webhooks'], summary: 'Get a webhook endpoint', params: endpointParams },
    },
    async (request) => ({
      endpoint: await getEndpoint(db, storeOf(request).store.id, request.params.endpointId),
    }),
  );

  r.patch(
    '/webhooks/:endpointId',
    {
      config: { permission: 'webhooks:write' },
      schema: {
        tags: ['webhooks'],
        summary: 'Change an endpoint (only the fields sent); disabling cancels its pending deliveries',
        params: endpointParams,
        body: updateEndpointInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const { endpointId } = request.params;
      const endpoint = await db.transaction(async (tx) => {
        const before = await getEndpoint(tx, store.id, endpointId);
        const after = await updateEndpoint(tx, store.id, endpointId, request.body);
        await recordAudit(tx, actor, {
          storeId: store.id,
          action: 'webhook_endpoint.updated',
          entityType,
          entityId: endpointId,
          before,
          after,
        });
        return after;
      });
      return { endpoint };
    },
  );

  r.delete(
    '/webhooks/:endpointId',
    {
      config: { permission: 'webhooks:write' },
      schema: {
        tags: ['webhooks'],
        summary: 'Delete an endpoint and its delivery log',
        params: endpointParams,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const { endpointId } = request.params;
      await db.transaction(async (tx) => {
        const before = await deleteEndpoint(tx, store.id, endpointId);
        await recordAudit(tx, actor, {
          storeId: store.id,
          action: 'webhook_endpoint.deleted',
          entityType,
          entityId: endpointId,
          before,
        });
      });
      return reply.status(204).send();
    },
  );

  r.post(
    '/webhooks/:endpointId/rotate-secret',
    {
      config: { permission: 'webhooks:write' },
      schema: {
        tags: ['webhooks'],
        summary: 'Issue a new signing secret (returned once); the old one also signs for 24 hours',
        params: endpointParams,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const { endpointId } = request.params;
      const rotated = await db.transaction(async (tx) => {
        const endpoint = await rotateSecret(tx, store.id, endpointId);
        await recordAudit(tx, actor, {
          storeId: store.id,
          action: 'webhook_endpoint.secret_rotated',
          entityType,
          entityId: endpointId,
        });
        return endpoint;
      });
      return { endpoint: withoutSecret(rotated), secret: rotated.secret };
    },
  );

  r.get(
    '/webhooks/:endpointId/deliveries',
    {
      config: { permission: 'webhooks:read' },
      schema: {
        tags: ['webhooks'],
        summary: "An endpoint's delivery log, newest first, with every attempt",
        params: endpointParams,
        querystring: z.object({
          status: z.enum(deliveryStatuses).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
        }),
      },
    },
    async (request) =>
      listDeliveries(db, storeOf(request).store.id, request.params.endpointId, request.query),
  );
}
