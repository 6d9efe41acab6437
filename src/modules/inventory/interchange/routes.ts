import { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { AppError, badRequest } from '../../../platform/errors.ts';
import { storeOf } from '../../access/index.ts';
import { exportInventoryCsv } from './export-inventory-csv.ts';
import { importInventoryCsv } from './import-inventory-csv.ts';
import { inventoryCsvFormats } from './inventory-csv-formats.ts';
import { type InventoryFile, readInventoryCsv } from './read-inventory-csv.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });
const flag = z
  .enum(['true', 'false', '1', '0'])
  .default('false')
  .transform((v) => v === 'true' || v === '1');

const csvRequired = () =>
  new AppError(
    415,
    'csv_required',
    'Send the CSV as the body (Content-Type: text/csv) or as multipart/form-data in a field named "file".',
  );

/** What went wrong reading a multipart body, in the error model (AppErrors pass through). */
function uploadError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  switch ((err as { code?: string }).code) {
    case 'FST_FILES_LIMIT':
      return badRequest('one_file_only', 'Upload one file at a time.');
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return badRequest('unexpected_field', 'Send only the field "file".');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return csvRequired();
  }
  return badRequest('malformed_upload', 'The upload is not a well-formed multipart/form-data body.');
}

/** Reads the file from a multipart upload's "file" part or from a text/csv body, as a stream. */
async function receiveInventoryFile(
  request: FastifyRequest,
  options: Parameters<typeof readInventoryCsv>[1],
): Promise<InventoryFile> {
  if (request.isMultipart()) {
    let file: InventoryFile | undefined;
    try {
      for await (const part of request.parts()) {
        if (part.type !== 'file' || part.fieldname !== 'file' || file) {
          if (part.type === 'file') part.file.resume();
          throw badRequest(
            'unexpected_field',
            `Send only the field "file", not "${part.fieldname.slice(0, 50)}".`,
          );
        }
        file = await readInventoryCsv(part.file, options);
      }
    } catch (err) {
      throw uploadError(err);
    }
    if (!file) throw badRequest('file_required', 'Choose a CSV file to upload (field "file").');
    return file;
  }
  if (!(request.body instanceof Readable)) throw csvRequired();
  return readInventoryCsv(request.body, options);
}

/**
 * Inventory CSV under /api/admin/stores/:store/inventory: export every variant × location in
 * Shopify's inventory layout or Storepilot's, and import one back (on hand per variant and
 * location, written to the ledger as corrections; all rows or none; dry run to check first).
 */
export async function inventoryInterchangeRoutes(
  app: FastifyInstance,
  options: { db: Db; maxUploadBytes: number },
) {
  const { db, maxUploadBytes } = options;
  // Both only for these routes: the file is read as a stream, never whole.
  if (!app.hasPlugin('@fastify/multipart')) {
    // One byte over the limit reaches the reader, which refuses it with 413 file_too_large.
    await app.register(multipart, {
      limits: { fileSize: maxUploadBytes + 1, files: 1, fields: 0, parts: 1, headerPairs: 50 },
      throwFileSizeLimit: false,
    });
  }
  if (!app.hasContentTypeParser('text/csv')) {
    app.addContentTypeParser('text/csv', (_request, payload, done) => done(null, payload));
  }
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['inventory'];

  r.get(
    '/inventory/export.csv',
    {
      config: { permission: 'inventory:read' },
      schema: {
        tags,
        summary: 'Every variant at every location as CSV (Shopify inventory layout or Storepilot), streamed',
        params: storeParams,
        querystring: z.object({ format: z.enum(inventoryCsvFormats).default('storepilot') }).strict(),
      },
    },
    async (request, reply) => {
      const { store } = storeOf(request);
      const { format } = request.query;
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="${store.handle}-inventory-${format}-${day}.csv"`,
        )
        .header('cache-control', 'no-store')
        .send(exportInventoryCsv(db, store.id, format));
    },
  );

  r.post(
    '/inventory/import',
    {
      config: { permission: 'inventory:write' },
      schema: {
        tags,
        summary: 'Set on hand per variant and location from a CSV (Shopify inventory layout or Storepilot)',
        description:
          'Body: the CSV (`Content-Type: text/csv`) or multipart/form-data with the CSV in `file`. ' +
          '`format` is `auto` (told from the header), `shopify` or `storepilot`; `dryRun=true` reports without writing. ' +
          'Any row error (unknown SKU or location, not a whole number, negative, duplicate, below what is reserved) ' +
          'writes nothing: 422 `import_invalid` with the report in `details`.',
        params: storeParams,
        querystring: z
          .object({ format: z.enum(['auto', ...inventoryCsvFormats]).default('auto'), dryRun: flag })
          .strict(),
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const { format, dryRun } = request.query;
      const file = await receiveInventoryFile(request, { format, maxBytes: maxUploadBytes });
      const report = await db.transaction((tx) => importInventoryCsv(tx, store.id, actor, file, { dryRun }));
      return { report };
    },
  );
}
