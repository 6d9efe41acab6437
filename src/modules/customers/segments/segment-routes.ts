import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { storeOf } from '../../access/index.ts';
import { segmentInput, segmentPatchInput, segmentPreviewInput } from './segment-input.ts';
import { previewSegment, segmentMembers } from './segment-members.ts';
import { createSegment, deleteSegment, getSegment, listSegments, updateSegment } from './segments.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });
const segmentParams = storeParams.extend({ segmentId: z.string().min(1).max(64) });
const membersQuery = z
  .object({
    sort: z.enum(['newest', 'total_spent_desc', 'last_order_desc']).default('newest'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

/** Customer segments under /api/admin/stores/:store/customer-segments (docs/customers.md, "Segments"). */
export async function segmentRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['customers'];

  r.get(
    '/customer-segments',
    {
      config: { permission: 'customers:read' },
      schema: { tags, summary: 'Segments, by name', params: storeParams },
    },
    async (request) => ({ items: await listSegments(db, storeOf(request).store.id) }),
  );

  r.post(
    '/customer-segments',
    {
      config: { permission: 'customers:write' },
      schema: { tags, summary: 'Create a segment from rules', params: storeParams, body: segmentInput },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      return reply.status(201).send({ segment: await createSegment(db, store.id, actor, request.body) });
    },
  );

  r.post(
    '/customer-segments/preview',
    {
      config: { permission: 'customers:read' },
      schema: {
        tags,
        summary: 'How many customers unsaved rules match, and the first of them',
        params: storeParams,
        body: segmentPreviewInput,
      },
    },
    async (request) => previewSegment(db, storeOf(request).store.id, request.body),
  );

  r.get(
    '/customer-segments/:segmentId',
    {
      config: { permission: 'customers:read' },
      schema: { tags, summary: 'A segment', params: segmentParams },
    },
    async (request) => ({
      segment: await getSegment(db, storeOf(request).store.id, request.params.segmentId),
    }),
  );

  r.patch(
    '/customer-segments/:segmentId',
    {
      config: { permission: 'customers:write' },
      schema: {
        tags,
        summary: "Change a segment's name, match or rules",
        params: segmentParams,
        body: segmentPatchInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      return { segment: await updateSegment(db, store.id, actor, request.params.segmentId, request.body) };
    },
  );

  r.delete(
    '/customer-segments/:segmentId',
    {
      config: { permission: 'customers:write' },
      schema: { tags, summary: 'Delete a segment', params: segmentParams },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      await deleteSegment(db, store.id, actor, request.params.segmentId);
      return reply.status(204).send();
    },
  );

  r.get(
    '/customer-segments/:segmentId/members',
    {
      config: { permission: 'customers:read' },
      schema: {
        tags,
        summary: "The segment's customers now, with their figures",
        params: segmentParams,
        querystring: membersQuery,
      },
    },
    async (request) => segmentMembers(db, storeOf(request).store.id, request.params.segmentId, request.query),
  );
}
