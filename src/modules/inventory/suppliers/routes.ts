import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { storeOf } from '../../access/index.ts';
import {
  listSupplierVariants,
  removeSupplierVariant,
  upsertSupplierVariants,
  upsertSupplierVariantsInput,
} from './supplier-variants.ts';
import {
  createSupplier,
  createSupplierInput,
  deleteSupplier,
  getSupplier,
  listSuppliers,
  updateSupplier,
  updateSupplierInput,
} from './suppliers.ts';

const id = z.string().min(1).max(64);
const storeParams = z.object({ store: z.string().min(1).max(64) });
const supplierParams = storeParams.extend({ supplierId: id });

/**
 * Suppliers under /api/admin/stores/:store/inventory/suppliers: who the store buys from, on what
 * terms, and what each sells of the catalog (SKU, cost, pack size, minimum). Every change is audited.
 */
export async function supplierRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['purchasing'];

  r.get(
    '/inventory/suppliers',
    {
      config: { permission: 'purchasing:read' },
      schema: {
        tags,
        summary: 'Suppliers by name',
        params: storeParams,
        querystring: z.object({
          active: z
            .enum(['true', 'false'])
            .transform((v) => v === 'true')
            .optional(),
        }),
      },
    },
    async (request) => ({ items: await listSuppliers(db, storeOf(request).store.id, request.query) }),
  );

  r.post(
    '/inventory/suppliers',
    {
      config: { permission: 'purchasing:write' },
      schema: { tags, summary: 'Add a supplier', params: storeParams, body: createSupplierInput },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const supplier = await db.transaction((tx) => createSupplier(tx, store.id, actor, request.body));
      return reply.status(201).send({ supplier });
    },
  );

  r.get(
    '/inventory/suppliers/:supplierId',
    {
      config: { permission: 'purchasing:read' },
      schema: { tags, summary: 'A supplier and its catalog', params: supplierParams },
    },
    async (request) => {
      const storeId = storeOf(request).store.id;
      const supplier = await getSupplier(db, storeId, request.params.supplierId);
      return { supplier, variants: await listSupplierVariants(db, storeId, supplier.id) };
    },
  );

  r.patch(
    '/inventory/suppliers/:supplierId',
    {
      config: { permission: 'purchasing:write' },
      schema: {
        tags,
        summary: 'Change a supplier (its currency only while it has no prices or orders)',
        params: supplierParams,
        body: updateSupplierInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const supplier = await db.transaction((tx) =>
        updateSupplier(tx, store.id, actor, request.params.supplierId, request.body),
      );
      return { supplier };
    },
  );

  r.delete(
    '/inventory/suppliers/:supplierId',
    {
      config: { permission: 'purchasing:write' },
      schema: {
        tags,
        summary: 'Delete a supplier without purchase orders (409 supplier_in_use otherwise: deactivate it)',
        params: supplierParams,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      await db.transaction((tx) => deleteSupplier(tx, store.id, actor, request.params.supplierId));
      return reply.status(204).send();
    },
  );

  r.get(
    '/inventory/suppliers/:supplierId/variants',
    {
      config: { permission: 'purchasing:read' },
      schema: { tags, summary: "A supplier's catalog", params: supplierParams },
    },
    async (request) => ({
      items: await listSupplierVariants(db, storeOf(request).store.id, request.params.supplierId),
    }),
  );

  r.put(
    '/inventory/suppliers/:supplierId/variants',
    {
      config: { permission: 'purchasing:write' },
      schema: {
        tags,
        summary: "Add or change variants of a supplier's catalog (others are kept)",
        params: supplierParams,
        body: upsertSupplierVariantsInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const { supplierId } = request.params;
      await db.transaction((tx) => upsertSupplierVariants(tx, store.id, actor, supplierId, request.body));
      return { items: await listSupplierVariants(db, store.id, supplierId) };
    },
  );

  r.delete(
    '/inventory/suppliers/:supplierId/variants/:variantId',
    {
      config: { permission: 'purchasing:write' },
      schema: {
        tags,
        summary: "Remove a variant from a supplier's catalog",
        params: supplierParams.extend({ variantId: id }),
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const { supplierId, variantId } = request.params;
      await db.transaction((tx) => removeSupplierVariant(tx, store.id, actor, supplierId, variantId));
      return reply.status(204).send();
    },
  );
}
