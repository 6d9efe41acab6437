import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ChangeFeed } from '../../../platform/cache/index.ts';
import type { Db } from '../../../platform/db/database.ts';
import { storeOf } from '../../access/index.ts';
import { productView } from '../product-view.ts';
import type { CatalogWriter } from '../products.ts';
import {
  categoryView,
  createCategory,
  createCategoryInput,
  deleteCategory,
  moveCategory,
  moveCategoryInput,
  setProductCategory,
  setProductCategoryInput,
  updateCategory,
  updateCategoryInput,
} from './category-changes.ts';
import { listCategoryTree } from './category-tree.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });
const categoryParams = storeParams.extend({ categoryId: z.string().min(1).max(64) });
const productParams = storeParams.extend({ productId: z.string().min(1).max(64) });

function writer(request: FastifyRequest): CatalogWriter {
  const { actor, permissions } = storeOf(request);
  return { actor, canPublish: permissions.has('catalog:publish') };
}

/** The category tree, registered under /api/admin/stores/:store. */
export async function categoryRoutes(app: FastifyInstance, { db }: { db: Db; changes: ChangeFeed }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/categories',
    {
      config: { permission: 'catalog:read' },
      schema: {
        tags: ['catalog'],
        summary: 'The category tree, with the products filed in each category and below it',
        params: storeParams,
      },
    },
    async (request) => ({ categories: await listCategoryTree(db, storeOf(request).store.id) }),
  );

  r.post(
    '/categories',
    {
      config: { permission: 'catalog:write' },
      schema: {
        tags: ['catalog'],
        summary: 'Create a category (at the top level or under a parent)',
        params: storeParams,
        body: createCategoryInput,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const category = await createCategory(db, actor, store.id, request.body);
      return reply.status(201).send({ category: categoryView(category) });
    },
  );

  r.patch(
    '/categories/:categoryId',
    {
      config: { permission: 'catalog:write' },
      schema: {
        tags: ['catalog'],
        summary: 'Rename a category (paths below it follow) or change its handle',
        params: categoryParams,
        body: updateCategoryInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const category = await updateCategory(db, actor, store.id, request.params.categoryId, request.body);
      return { category: categoryView(category) };
    },
  );

  r.post(
    '/categories/:categoryId/move',
    {
      config: { permission: 'catalog:write' },
      schema: {
        tags: ['catalog'],
        summary:
          'Move a category under another parent or reorder it; 422 category_cycle into its own subtree',
        params: categoryParams,
        body: moveCategoryInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const category = await moveCategory(db, actor, store.id, request.params.categoryId, request.body);
      return { category: categoryView(category) };
    },
  );

  r.delete(
    '/categories/:categoryId',
    {
      config: { permission: 'catalog:write' },
      schema: {
        tags: ['catalog'],
        summary:
          'Delete a leaf category; products in it need ?reassignTo=<category id> (else 409 category_in_use)',
        params: categoryParams,
        querystring: z.object({ reassignTo: z.string().min(1).max(64).optional() }).strict(),
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      return deleteCategory(db, actor, store.id, request.params.categoryId, request.query.reassignTo);
    },
  );

  r.put(
    '/products/:productId/category',
    {
      config: { permission: 'catalog:write' },
      schema: {
        tags: ['catalog'],
        summary:
          'File a product in a category (null: in none); staged for review like any edit of a live product',
        params: productParams,
        body: setProductCategoryInput,
      },
    },
    async (request) => {
      const { store } = storeOf(request);
      const outcome = await setProductCategory(
        db,
        writer(request),
        store.id,
        request.params.productId,
        request.body,
      );
      // staged: the product is live and the change waits for review in its revision.
      return { product: productView(outcome.product, store.handle), staged: outcome.staged };
    },
  );
}
