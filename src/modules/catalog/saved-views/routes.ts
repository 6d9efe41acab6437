import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { storeOf } from '../../access/index.ts';
import {
  createProductView,
  deleteProductView,
  listProductViews,
  productViewResponse,
  updateProductView,
  type ViewCaller,
} from './saved-views.ts';
import { createProductViewInput, updateProductViewInput } from './view-input.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });
const viewParams = storeParams.extend({ viewId: z.string().min(1).max(64) });

function caller(request: FastifyRequest): ViewCaller {
  const { actor, permissions } = storeOf(request);
  return { actor, permissions };
}

/**
 * Saved views of the product list, registered under /api/admin/stores/:store. Anyone who reads the
 * catalog keeps views of their own; sharing one with the team needs catalog:write; only its author
 * or a store admin renames or deletes a view.
 */
export async function productViewRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/product-views',
    {
      config: { permission: 'catalog:read' },
      schema: {
        tags: ['catalog'],
        summary: "Saved views of the product list: the caller's own and those shared with the team",
        params: storeParams,
      },
    },
    async (request) => {
      const { store } = storeOf(request);
      const who = caller(request);
      const views = await listProductViews(db, store.id, who);
      return { items: views.map((v) => productViewResponse(v, who)) };
    },
  );

  r.post(
    '/product-views',
    {
      config: { permission: 'catalog:read' },
      schema: {
        tags: ['catalog'],
        summary:
          "Save the product list's filters, order and columns as a named view (sharing it with the team needs catalog:write)",
        params: storeParams,
        body: createProductViewInput,
      },
    },
    async (request, reply) => {
      const { store } = storeOf(request);
      const who = caller(request);
      const view = await createProductView(db, who, store.id, request.body);
      return reply.status(201).send({ view: productViewResponse(view, who) });
    },
  );

  r.patch(
    '/product-views/:viewId',
    {
      config: { permission: 'catalog:read' },
      schema: {
        tags: ['catalog'],
        summary:
          'Rename a view, share or unshare it, or save new filters, order or columns into it (its author or a store admin)',
        params: viewParams,
        body: updateProductViewInput,
      },
    },
    async (request) => {
      const { store } = storeOf(request);
      const who = caller(request);
      const view = await updateProductView(db, who, store.id, request.params.viewId, request.body);
      return { view: productViewResponse(view, who) };
    },
  );

  r.delete(
    '/product-views/:viewId',
    {
      config: { permission: 'catalog:read' },
      schema: {
        tags: ['catalog'],
        summary: 'Delete a view (its author or a store admin)',
        params: viewParams,
      },
    },
    async (request, reply) => {
      const { store } = storeOf(request);
      await deleteProductView(db, caller(request), store.id, request.params.viewId);
      return reply.status(204).send();
    },
  );
}
