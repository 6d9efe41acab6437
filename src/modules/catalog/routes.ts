import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type ChangeFeed, ReadCache } from '../../platform/cache/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { accessTopic, storeOf } from '../access/index.ts';
import { catalogTopic } from './change-topic.ts';
import {
  canonicalProductFilter,
  checkPriceRange,
  productFilterFields,
  productFilterKey,
  productFilterRoutes,
  productFilterSearch,
} from './product-filter/index.ts';
import { productSummaryView, productView } from './product-view.ts';
import {
  type CatalogWriter,
  createProduct,
  createProductInput,
  deleteProduct,
  getProduct,
  updateProductInput,
} from './products.ts';
import { productViewRoutes } from './saved-views/index.ts';
import { searchCatalog, searchSorts } from './search/index.ts';
import { variantSummaries } from './variant-summaries.ts';
import { publishProduct, unpublishProduct } from './workflow/publishing.ts';
import { catalogWorkflowRoutes } from './workflow/routes.ts';
import { editProduct } from './workflow/staged-edits.ts';
import { editResponse } from './workflow/workflow-views.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });
const productParams = storeParams.extend({ productId: z.string().min(1).max(64) });

const productListQuery = z
  .object({
    ...productFilterFields,
    sort: z.enum(searchSorts).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .superRefine(checkPriceRange);

function writer(request: FastifyRequest): CatalogWriter {
  const { actor, permissions } = storeOf(request);
  return { actor, canPublish: permissions.has('catalog:publish') };
}

/** Products, registered under /api/admin/stores/:store. */
export async function catalogRoutes(app: FastifyInstance, { db, changes }: { db: Db; changes: ChangeFeed }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // List pages are read far more often than the catalog changes; each change announces the store's
  // catalog topic in its transaction, which drops the cached pages on every instance.
  const listPages = new ReadCache<{ json: string }>(changes, { max: 2_000, ttlMs: 60_000 });

  r.get(
    '/products',
    {
      config: { permission: 'catalog:read' },
      schema: {
        tags: ['catalog'],
        summary:
          'List products, newest change first; or search them (title, description, vendor, type, tags, ' +
          'option values, SKU; misspelt words corrected), best match first. Filters combine; a ' +
          'repeated filter (vendor=A&vendor=B) takes any of its values; review=waiting keeps the products ' +
          'with changes waiting for a reviewer.',
        params: storeParams,
        querystring: productListQuery,
      },
    },
    async (request, reply) => {
      const { store } = storeOf(request);
      const { sort: sortAsked, limit, offset, ...asked } = request.query;
      const filter = canonicalProductFilter(asked);
      const sort = sortAsked ?? (filter.q ? 'relevance' : 'updated');
      // Every filter is in the key (written one way), so two filters never share a page.
      const key = `${store.id} ${sort} ${limit} ${offset} ${productFilterKey(filter)}`;
      const page = await listPages.get(key, [catalogTopic(store.id), accessTopic], async () => {
        const found = await searchCatalog(db, {
          store,
          ...(await productFilterSearch(db, store.id, filter)),
          sort,
          limit,
          offset,
        });
        const summaries = await variantSummaries(
          db,
          found.items.map((p) => p.id),
        );
        const items = found.items.map((p) => ({
          ...productSummaryView(p, store.handle),
          ...(summaries.get(p.id) ?? { variantCount: 0, sku: null }),
        }));
        return { json: JSON.stringify({ items, total: found.total }) };
      });
      return reply.type('application/json; charset=utf-8').send(page.json);
    },
  );

  r.post(
    '/products',
    {
      config: { permission: 'catalog:write' },
      schema: {
        tags: ['catalog'],
        summary: 'Create a product (price in minor units of the store currency)',
        params: storeParams,
        body: createProductInput,
      },
    },
    async (request, reply) => {
      const { store } = storeOf(request);
      const product = await createProduct(db, writer(request), store, request.body);
      return reply.status(201).send({ product: productView(product, store.handle) });
    },
  );

  r.get(
    '/products/:productId',
    {
      config: { permission: 'catalog:read' },
      schema: { tags: ['catalog'], summary: 'Get a product', params: productParams },
    },
    async (request) => {
      const { store } = storeOf(request);
      return { product: productView(await getProduct(db, store.id, request.params.productId), store.handle) };
    },
  );

  r.patch(
    '/products/:productId',
    {
      config: { permission: 'catalog:write' },
      schema: {
        tags: ['catalog'],
        summary:
          'Change a product (only the fields sent); setting status active needs catalog:publish. ' +
          'Without catalog:publish, edits to a live product are staged in a revision for review (202).',
        params: productParams,
        body: updateProductInput,
      },
    },
    async (request, reply) => {
      const { store } = storeOf(request);
      const outcome = await editProduct(
        db,
        writer(request),
        store.id,
        request.params.productId,
        request.body,
      );
      return reply.status(outcome.staged ? 202 : 200).send(editResponse(outcome, store.handle));
    },
  );

  r.post(
    '/products/:productId/publish',
    {
      config: { permission: 'catalog:publish' },
      schema: {
        tags: ['catalog'],
        summary: 'Publish a product on the storefront (once approved, when a review is under way)',
        params: productParams,
      },
    },
    async (request) => {
      const { store } = storeOf(request);
      const product = await publishProduct(db, writer(request), store.id, request.params.productId);
      return { product: productView(product, store.handle) };
    },
  );

  r.post(
    '/products/:productId/unpublish',
    {
      config: { permission: 'catalog:publish' },
      schema: {
        tags: ['catalog'],
        summary: 'Take a product off the storefront (back to draft)',
        params: productParams,
      },
    },
    async (request) => {
      const { store } = storeOf(request);
      const product = await unpublishProduct(db, writer(request), store.id, request.params.productId);
      return { product: productView(product, store.handle) };
    },
  );

  r.delete(
    '/products/:productId',
    {
      config: { permission: 'catalog:write' },
      schema: {
        tags: ['catalog'],
        summary: 'Delete a product (a live one needs catalog:publish, like unpublishing it)',
        params: productParams,
      },
    },
    async (request, reply) => {
      const { store } = storeOf(request);
      await deleteProduct(db, writer(request), store.id, request.params.productId);
      return reply.status(204).send();
    },
  );

  await app.register(catalogWorkflowRoutes, { db });
  await app.register(productFilterRoutes, { db, changes });
  await app.register(productViewRoutes, { db });
}
