import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { recordAudit, storeOf } from '../../access/index.ts';
import { applyCount } from './apply-count.ts';
import { countListQuery, listCounts } from './count-list.ts';
import { readCount } from './count-records.ts';
import { countReport } from './count-report.ts';
import {
  cancelCount,
  createCount,
  createCountInput,
  recordCounts,
  recordCountsInput,
} from './count-sheets.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });
const countParams = storeParams.extend({ countId: z.string().min(1).max(64) });

/**
 * Stock counts under /api/admin/stores/:store/inventory/counts: a sheet per location, counted
 * quantities entered in parts, the variance report, and applying it in one step. Audited.
 */
export async function countRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['inventory'];
  const entity = (id: string) => ({ entityType: 'inventory_count', entityId: id });

  r.get(
    '/inventory/counts',
    {
      config: { permission: 'inventory:read' },
      schema: {
        tags,
        summary: 'Stock counts, newest first',
        params: storeParams,
        querystring: countListQuery,
      },
    },
    async (request) => listCounts(db, storeOf(request).store.id, request.query),
  );

  r.get(
    '/inventory/counts/:countId',
    {
      config: { permission: 'inventory:read' },
      schema: {
        tags,
        summary: 'A count with its variance report (expected, counted, on hand now, variance and its value)',
        params: countParams,
      },
    },
    async (request) => {
      const { store } = storeOf(request);
      return countReport(db, store, await readCount(db, store.id, request.params.countId));
    },
  );

  r.post(
    '/inventory/counts',
    {
      config: { permission: 'inventory:write' },
      schema: {
        tags,
        summary:
          'Start a count sheet for a location (the variants given, or every tracked variant stocked there)',
        params: storeParams,
        body: createCountInput,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const count = await db.transaction(async (tx) => {
        const created = await createCount(tx, store.id, request.body);
        await recordAudit(tx, actor, {
          storeId: store.id,
          action: 'inventory_count.created',
          ...entity(created.id),
          after: { ...created, lines: created.lines.length },
        });
        return created;
      });
      return reply.status(201).send(await countReport(db, store, count));
    },
  );

  r.patch(
    '/inventory/counts/:countId/lines',
    {
      config: { permission: 'inventory:write' },
      schema: {
        tags,
        summary: 'Enter counted quantities on an open count (any lines, any number of times)',
        params: countParams,
        body: recordCountsInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const count = await db.transaction(async (tx) => {
        const { before, after } = await recordCounts(tx, store.id, request.params.countId, request.body);
        const touched = new Set(request.body.lines.map((l) => l.variantId));
        const counts = (lines: typeof before.lines) =>
          lines
            .filter((l) => touched.has(l.variantId))
            .map((l) => ({ variantId: l.variantId, countedQuantity: l.countedQuantity }));
        await recordAudit(tx, actor, {
          storeId: store.id,
          action: 'inventory_count.counted',
          ...entity(after.id),
          before: { lines: counts(before.lines) },
          after: { lines: counts(after.lines) },
        });
        return after;
      });
      return countReport(db, store, count);
    },
  );

  r.post(
    '/inventory/counts/:countId/apply',
    {
      config: { permission: 'inventory:write' },
      schema: {
        tags,
        summary:
          'Apply a count: on hand becomes what was counted (409 count_below_reserved lists counts under reservations)',
        params: countParams,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const { after, movements } = await db.transaction(async (tx) => {
        const applied = await applyCount(tx, store.id, actor, request.params.countId);
        await recordAudit(tx, actor, {
          storeId: store.id,
          action: 'inventory_count.applied',
          ...entity(applied.after.id),
          after: { movements: applied.movements },
        });
        return applied;
      });
      return { ...(await countReport(db, store, after)), movements };
    },
  );

  r.post(
    '/inventory/counts/:countId/cancel',
    {
      config: { permission: 'inventory:write' },
      schema: { tags, summary: 'Cancel an open count (no stock changes)', params: countParams },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const count = await db.transaction(async (tx) => {
        const { after } = await cancelCount(tx, store.id, request.params.countId);
        await recordAudit(tx, actor, {
          storeId: store.id,
          action: 'inventory_count.cancelled',
          ...entity(after.id),
          before: { state: 'open' },
          after: { state: after.state },
        });
        return after;
      });
      return countReport(db, store, count);
    },
  );
}
