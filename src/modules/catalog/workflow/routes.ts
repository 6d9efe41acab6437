import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { storeOf } from '../../access/index.ts';
import type { CatalogWriter } from '../products.ts';
import { approveRevision, discardRevision, requestChanges, submitForReview } from './review-steps.ts';
import { cancelSchedule, scheduleProductChange } from './schedules.ts';
import { productWorkflow, revisionDetail, revisionHistory } from './workflow-queries.ts';
import { scheduleView } from './workflow-views.ts';

const productParams = z.object({ store: z.string().min(1).max(64), productId: z.string().min(1).max(64) });
const revisionParams = productParams.extend({ revisionId: z.string().min(1).max(64) });
const scheduleParams = productParams.extend({ scheduleId: z.string().min(1).max(64) });

const comment = z.string().trim().max(4000);

function writerOf(request: FastifyRequest): CatalogWriter {
  const { actor, permissions } = storeOf(request);
  return { actor, canPublish: permissions.has('catalog:publish') };
}

/**
 * The review-before-publish workflow of products, registered under /api/admin/stores/:store.
 * Editing (PATCH /products/:id), publishing and unpublishing keep their routes in the catalog's own
 * routes and go through the same services.
 */
export async function catalogWorkflowRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['catalog workflow'];

  r.get(
    '/products/:productId/workflow',
    {
      config: { permission: 'catalog:read' },
      schema: {
        tags,
        summary:
          'Where the product stands: state, the open revision with its diff, planned publish/unpublish',
        params: productParams,
      },
    },
    async (request) => {
      const { store } = storeOf(request);
      return { workflow: await productWorkflow(db, store, request.params.productId) };
    },
  );

  r.get(
    '/products/:productId/revisions',
    {
      config: { permission: 'catalog:read' },
      schema: { tags, summary: 'Revision history of a product, newest first', params: productParams },
    },
    async (request) => {
      const { store } = storeOf(request);
      return { items: await revisionHistory(db, store, request.params.productId) };
    },
  );

  r.get(
    '/products/:productId/revisions/:revisionId',
    {
      config: { permission: 'catalog:read' },
      schema: { tags, summary: 'One revision with its field-by-field diff', params: revisionParams },
    },
    async (request) => {
      const { store } = storeOf(request);
      const { productId, revisionId } = request.params;
      return { revision: await revisionDetail(db, store, productId, revisionId) };
    },
  );

  r.post(
    '/products/:productId/submit-for-review',
    {
      config: { permission: 'catalog:write' },
      schema: {
        tags,
        summary: 'Send the product (or its staged changes, when it is live) for review',
        params: productParams,
        body: z.object({ note: comment.nullish() }).strict().optional(),
      },
    },
    async (request) => {
      const { store } = storeOf(request);
      const { productId } = request.params;
      await submitForReview(db, writerOf(request), store.id, productId, request.body ?? {});
      return { workflow: await productWorkflow(db, store, productId) };
    },
  );

  r.post(
    '/products/:productId/approve',
    {
      config: { permission: 'catalog:publish' },
      schema: {
        tags,
        summary: 'Approve what is in review; send the fingerprint shown to approve exactly that',
        params: productParams,
        body: z
          .object({ fingerprint: z.string().max(64).optional(), comment: comment.nullish() })
          .strict()
          .optional(),
      },
    },
    async (request) => {
      const { store } = storeOf(request);
      const { productId } = request.params;
      await approveRevision(db, writerOf(request), store.id, productId, request.body ?? {});
      return { workflow: await productWorkflow(db, store, productId) };
    },
  );

  r.post(
    '/products/:productId/request-changes',
    {
      config: { permission: 'catalog:publish' },
      schema: {
        tags,
        summary: 'Send what is in review back to its editor, saying what to change',
        params: productParams,
        body: z.object({ comment: comment.min(1, 'Say what should change.') }).strict(),
      },
    },
    async (request) => {
      const { store } = storeOf(request);
      const { productId } = request.params;
      await requestChanges(db, writerOf(request), store.id, productId, request.body);
      return { workflow: await productWorkflow(db, store, productId) };
    },
  );

  r.post(
    '/products/:productId/revisions/:revisionId/discard',
    {
      config: { permission: 'catalog:write' },
      schema: {
        tags,
        summary: 'Close an open revision without publishing it (staged changes are dropped)',
        params: revisionParams,
      },
    },
    async (request) => {
      const { store } = storeOf(request);
      const { productId, revisionId } = request.params;
      await discardRevision(db, writerOf(request), store.id, productId, revisionId);
      return { workflow: await productWorkflow(db, store, productId) };
    },
  );

  r.post(
    '/products/:productId/schedules',
    {
      config: { permission: 'catalog:publish' },
      schema: {
        tags,
        summary:
          'Plan a publish or unpublish at a wall-clock time in the store’s time zone (moves the pending one)',
        params: productParams,
        body: z
          .object({
            action: z.enum(['publish', 'unpublish']),
            at: z.string().max(32).describe('Local time in the store’s time zone, e.g. 2030-07-01T09:00'),
          })
          .strict(),
      },
    },
    async (request, reply) => {
      const { store } = storeOf(request);
      const { productId } = request.params;
      const { schedule, rescheduled } = await scheduleProductChange(
        db,
        writerOf(request),
        store,
        productId,
        request.body,
      );
      return reply
        .status(rescheduled ? 200 : 201)
        .send({ schedule: scheduleView(schedule), workflow: await productWorkflow(db, store, productId) });
    },
  );

  r.delete(
    '/products/:productId/schedules/:scheduleId',
    {
      config: { permission: 'catalog:publish' },
      schema: { tags, summary: 'Cancel a planned publish or unpublish', params: scheduleParams },
    },
    async (request) => {
      const { store } = storeOf(request);
      const { productId, scheduleId } = request.params;
      const schedule = await cancelSchedule(db, writerOf(request), store.id, productId, scheduleId);
      return { schedule: scheduleView(schedule), workflow: await productWorkflow(db, store, productId) };
    },
  );
}
