import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { BlobStorage } from '../../../platform/blob-storage/blob-storage.ts';
import type { Db } from '../../../platform/db/database.ts';
import { requestBaseUrl } from '../../../platform/http/public-base-url.ts';
import { storeOf } from '../../access/index.ts';
import { exportProducts } from '../import/export-products.ts';
import type { ProductStockPort } from '../import/product-stock-port.ts';
import { productImportListItemView, productImportView } from './product-import-view.ts';
import {
  applyProductImport,
  createProductImport,
  discardProductImport,
  getProductImport,
  listProductImports,
} from './product-imports.ts';
import { importUploadLimits, receiveImportUpload } from './receive-import-upload.ts';

export interface ProductImportRouteOptions {
  db: Db;
  /** Where uploaded files wait between the check and the apply. */
  storage: BlobStorage;
  /** Largest upload accepted (413 file_too_large above it). */
  maxUploadBytes: number;
  /** The installation's public URL; exports write uploaded images' addresses under it (else the request's host). */
  publicUrl?: string;
  /** Stock in the files (the inventory module's port): exported for callers with inventory:read. */
  stock?: ProductStockPort;
}

const storeParams = z.object({ store: z.string().min(1).max(64) });
const importParams = storeParams.extend({ importId: z.string().min(1).max(64) });
const exportFormats = ['shopify', 'woocommerce', 'storepilot'] as const;

const canPublish = (request: FastifyRequest) => storeOf(request).permissions.has('catalog:publish');
// Stock quantities in a file are set only for callers who may change stock, and shown to those who may see it.
const canSetStock = (request: FastifyRequest) => storeOf(request).permissions.has('inventory:write');
const canSeeStock = (request: FastifyRequest) => storeOf(request).permissions.has('inventory:read');

/** Product CSV import (upload → check → apply) and export, registered under /api/admin/stores/:store. */
export async function productImportRoutes(app: FastifyInstance, options: ProductImportRouteOptions) {
  const { db, storage, maxUploadBytes } = options;
  // Scoped to these routes: nowhere else takes multipart bodies.
  if (!app.hasPlugin('@fastify/multipart')) {
    await app.register(multipart, { limits: importUploadLimits(maxUploadBytes), throwFileSizeLimit: false });
  }
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/imports',
    {
      config: { permission: 'catalog:write' },
      schema: {
        tags: ['catalog'],
        summary: 'Upload a product CSV (multipart: file, format) and start checking it',
        description:
          'Fields: `file` (the CSV) and `format` (`auto`, `shopify`, `woocommerce` or `storepilot`; default `auto`). ' +
          'The file is checked by a dry run in the background; poll the import for progress, the report and a preview. ' +
          'Nothing is written to the catalog until the import is applied.',
        params: storeParams,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const upload = await receiveImportUpload(request, storage, maxUploadBytes);
      const row = await createProductImport(
        db,
        actor,
        store,
        upload,
        canPublish(request),
        canSetStock(request),
      );
      return reply.status(202).send({ import: productImportView(row, { offset: 0, limit: 0 }) });
    },
  );

  r.get(
    '/imports',
    {
      config: { permission: 'catalog:read' },
      schema: {
        tags: ['catalog'],
        summary: 'Recent product imports, newest first',
        params: storeParams,
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(100).default(20),
          offset: z.coerce.number().int().min(0).max(100_000).default(0),
        }),
      },
    },
    async (request) => {
      const { store } = storeOf(request);
      const rows = await listProductImports(db, store.id, request.query);
      return { items: rows.map(productImportListItemView) };
    },
  );

  r.get(
    '/imports/:importId',
    {
      config: { permission: 'catalog:read' },
      schema: {
        tags: ['catalog'],
        summary:
          'An import: status, progress, the check and apply reports (issues paged, optionally one severity), a preview',
        params: importParams,
        querystring: z.object({
          issueOffset: z.coerce.number().int().min(0).max(100_000).default(0),
          issueLimit: z.coerce.number().int().min(0).max(1_000).default(100),
          issueSeverity: z.enum(['error', 'warning']).optional(),
        }),
      },
    },
    async (request) => {
      const { store } = storeOf(request);
      const row = await getProductImport(db, store.id, request.params.importId);
      const { issueOffset: offset, issueLimit: limit, issueSeverity: severity } = request.query;
      return { import: productImportView(row, { offset, limit, severity }) };
    },
  );

  r.post(
    '/imports/:importId/apply',
    {
      config: { permission: 'catalog:write' },
      schema: {
        tags: ['catalog'],
        summary: 'Apply a checked import: write its products in the background',
        description:
          'Products marked active are published only when the caller holds catalog:publish; otherwise they are kept unpublished and the report says so. ' +
          'Stock quantities in the file are set only when the caller holds inventory:write; otherwise they are left alone, with a warning. ' +
          '409 `import_not_checked` while the check runs, `import_already_applied` the second time.',
        params: importParams,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const row = await applyProductImport(
        db,
        actor,
        store.id,
        request.params.importId,
        canPublish(request),
        canSetStock(request),
      );
      return reply.status(202).send({ import: productImportView(row, { offset: 0, limit: 0 }) });
    },
  );

  r.delete(
    '/imports/:importId',
    {
      config: { permission: 'catalog:write' },
      schema: {
        tags: ['catalog'],
        summary: 'Discard an import that was not applied, and its uploaded file',
        params: importParams,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      await discardProductImport(db, storage, actor, store.id, request.params.importId);
      return reply.status(204).send();
    },
  );

  r.get(
    '/products/export',
    {
      config: { permission: 'catalog:read' },
      schema: {
        tags: ['catalog'],
        summary: 'Download every product as CSV (Shopify, WooCommerce or Storepilot layout), streamed',
        description:
          'Tracked variants carry their on hand over the active locations when the caller holds inventory:read; other variants are written untracked.',
        params: storeParams,
        querystring: z.object({ format: z.enum(exportFormats).default('storepilot') }),
      },
    },
    async (request, reply) => {
      const { store } = storeOf(request);
      const { format } = request.query;
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${store.handle}-products-${format}-${day}.csv"`)
        .header('cache-control', 'no-store')
        .send(
          exportProducts(db, store, format, {
            publicBaseUrl: requestBaseUrl(request, options.publicUrl),
            stock: canSeeStock(request) ? options.stock : undefined,
          }),
        );
    },
  );
}
