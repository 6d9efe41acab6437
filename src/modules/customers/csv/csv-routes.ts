import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { storeOf } from '../../access/index.ts';
import { customerListQuery } from '../customer-input.ts';
import { exportCustomersCsv } from './export-customers-csv.ts';
import { importCustomersCsv } from './import-customers-csv.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });
/** A file of 10,000 customers with addresses and notes stays well under this. */
const MAX_CSV_BYTES = 8 * 1024 * 1024;
const exportQuery = customerListQuery.omit({ limit: true, offset: true, sort: true });

/** The customers CSV (Shopify's layout) under /api/admin/stores/:store/customers (docs/customers.md, "CSV"). */
export async function customerCsvRoutes(app: FastifyInstance, { db }: { db: Db }) {
  // Only in this plugin: the import reads the file as text (at most MAX_CSV_BYTES, else 413).
  if (!app.hasContentTypeParser('text/csv')) {
    app.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: MAX_CSV_BYTES },
      (_req, body, done) => done(null, body),
    );
  }
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['customers'];

  r.get(
    '/customers/export.csv',
    {
      config: { permission: 'customers:read' },
      schema: {
        tags,
        summary: "The customers the list's filters match, as Shopify's customers CSV, streamed",
        params: storeParams,
        querystring: exportQuery,
      },
    },
    async (request, reply) => {
      const { store } = storeOf(request);
      const day = new Date().toISOString().slice(0, 10);
      const stream = await exportCustomersCsv(db, store.id, request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${store.handle}-customers-${day}.csv"`)
        .header('cache-control', 'no-store')
        .send(stream);
    },
  );

  r.post(
    '/customers/import',
    {
      config: { permission: 'customers:write' },
      schema: {
        tags,
        summary:
          "Import Shopify's customers CSV (text/csv): all rows or none; 400 import_invalid lists the problems",
        params: storeParams,
      },
    },
    async (request) => {
      const type = (request.headers['content-type'] ?? '').toLowerCase();
      if (typeof request.body !== 'string' || !type.startsWith('text/csv')) {
        throw new AppError(415, 'csv_required', 'Send the file as the body with Content-Type: text/csv.');
      }
      const { store, actor } = storeOf(request);
      const text = request.body;
      return db.transaction((tx) => importCustomersCsv(tx, store.id, actor, text));
    },
  );
}
