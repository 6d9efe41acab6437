import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { storeOf } from '../access/index.ts';
import {
  assignProductTaxClass,
  assignProductTaxClassInput,
  listProductTaxClasses,
  listProductTaxClassesQuery,
  taxClassesOfProducts,
} from './product-classes.ts';
import {
  createTaxClass,
  createTaxClassInput,
  deleteTaxClass,
  listTaxClasses,
  taxClassHandle,
  updateTaxClass,
  updateTaxClassInput,
} from './tax-classes.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });
const classParams = storeParams.extend({ handle: taxClassHandle });

/**
 * Tax classes under /api/admin/stores/:store/tax/classes, and which products are in which class
 * (/tax/product-classes). Every change is audited and emits `tax.updated`.
 */
export async function taxClassRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tax'];

  r.get(
    '/tax/classes',
    {
      config: { permission: 'pricing:read' },
      schema: {
        tags,
        summary: 'Tax classes, standard first, with their rate and product counts',
        params: storeParams,
      },
    },
    async (request) => ({ items: await listTaxClasses(db, storeOf(request).store.id) }),
  );

  r.post(
    '/tax/classes',
    {
      config: { permission: 'pricing:write' },
      schema: {
        tags,
        summary: 'Add a tax class (409 tax_class_taken when the handle is used)',
        params: storeParams,
        body: createTaxClassInput,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const taxClass = await db.transaction((tx) => createTaxClass(tx, store.id, actor, request.body));
      return reply.status(201).send({ taxClass });
    },
  );

  r.patch(
    '/tax/classes/:handle',
    {
      config: { permission: 'pricing:write' },
      schema: { tags, summary: 'Rename a tax class', params: classParams, body: updateTaxClassInput },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const taxClass = await db.transaction((tx) =>
        updateTaxClass(tx, store.id, actor, request.params.handle, request.body),
      );
      return { taxClass };
    },
  );

  r.delete(
    '/tax/classes/:handle',
    {
      config: { permission: 'pricing:write' },
      schema: {
        tags,
        summary: 'Delete a tax class nothing uses',
        description:
          '409 `standard_class_required` for standard; 409 `tax_class_in_use` with the counts of rates and products, ' +
          'and whether shipping is taxed as it.',
        params: classParams,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      await db.transaction((tx) => deleteTaxClass(tx, store.id, actor, request.params.handle));
      return reply.status(204).send();
    },
  );

  r.get(
    '/tax/product-classes',
    {
      config: { permission: 'pricing:read' },
      schema: {
        tags,
        summary:
          "Products' tax classes: the given products (standard when unassigned), or those assigned a class",
        params: storeParams,
        querystring: listProductTaxClassesQuery,
      },
    },
    async (request) => {
      const storeId = storeOf(request).store.id;
      const { productIds, ...page } = request.query;
      if (!productIds) return listProductTaxClasses(db, storeId, page);
      const classes = await taxClassesOfProducts(db, storeId, productIds);
      return {
        items: [...classes].map(([productId, taxClass]) => ({ productId, taxClass })),
        nextAfter: null,
      };
    },
  );

  r.put(
    '/tax/product-classes',
    {
      config: { permission: 'pricing:write' },
      schema: {
        tags,
        summary: 'Put up to 1,000 products into a tax class (standard: back to the default); all or none',
        description: '422 `unknown_products` naming the ids not in this store; 422 `unknown_tax_class`.',
        params: storeParams,
        body: assignProductTaxClassInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const result = await db.transaction((tx) => assignProductTaxClass(tx, store.id, actor, request.body));
      return result;
    },
  );
}
