import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ChangeFeed } from '../../../platform/cache/index.ts';
import type { Db } from '../../../platform/db/database.ts';
import { storeOf } from '../../access/index.ts';
import type { CatalogWriter } from '../products.ts';
import { createBulkOperationInput } from './bulk-input.ts';
import {
  bulkOperationView,
  createBulkOperation,
  getBulkOperation,
  listBulkOperations,
  requestUndo,
} from './bulk-operations.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });
const operationParams = storeParams.extend({ operationId: z.string().min(1).max(64) });

function writer(request: FastifyRequest): CatalogWriter {
  const { actor, permissions } = storeOf(request);
  return { actor, canPublish: permissions.has('catalog:publish') };
}

/** Bulk operations on products, registered under /api/admin/stores/:store. */
export async function bulkOperationRoutes(app: FastifyInstance, { db }: { db: Db; changes: ChangeFeed }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/bulk-operations',
    {
      config: { permission: 'catalog:write' },
      schema: {
        tags: ['catalog'],
        summary:
          'Start a bulk operation over products chosen by ids or by filter (runs as a job; poll it for progress). Publishing needs catalog:publish.',
        params: storeParams,
        body: createBulkOperationInput,
      },
    },
    async (request, reply) => {
      const { store } = storeOf(request);
      const operation = await createBulkOperation(db, writer(request), store, request.body);
      return reply.status(202).send({ operation: bulkOperationView(operation) });
    },
  );

  r.get(
    '/bulk-operations',
    {
      config: { permission: 'catalog:read' },
      schema: {
        tags: ['catalog'],
        summary: 'Recent bulk operations, newest first',
        params: storeParams,
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(100).default(20),
          offset: z.coerce.number().int().min(0).max(100_000).default(0),
        }),
      },
    },
    async (request) => {
      const { store } = storeOf(request);
      const found = await listBulkOperations(db, store.id, request.query);
      return { items: found.items.map((o) => bulkOperationView(o)), total: found.total };
    },
  );

  r.get(
    '/bulk-operations/:operationId',
    {
      config: { permission: 'catalog:read' },
      schema: {
        tags: ['catalog'],
        summary:
          'A bulk operation: status, done of total, outcomes per product (applied, staged for review, unchanged, failed), the products that failed with why, those staged and those whose review went back to draft',
        params: operationParams,
      },
    },
    async (request) => {
      const { store } = storeOf(request);
      const { operation, errors, report } = await getBulkOperation(db, store.id, request.params.operationId);
      return { operation: bulkOperationView(operation, errors, report) };
    },
  );

  r.post(
    '/bulk-operations/:operationId/undo',
    {
      config: { permission: 'catalog:write' },
      schema: {
        tags: ['catalog'],
        summary:
          'Undo a finished operation from its audit entries: products not changed since get their before-values back',
        params: operationParams,
      },
    },
    async (request, reply) => {
      const { store } = storeOf(request);
      const operation = await requestUndo(db, writer(request), store.id, request.params.operationId);
      return reply.status(202).send({ operation: bulkOperationView(operation) });
    },
  );
}
