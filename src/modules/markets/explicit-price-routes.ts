import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { storeOf } from '../access/index.ts';
import {
  listExplicitPrices,
  listExplicitPricesQuery,
  removeExplicitPrice,
  setExplicitPrices,
  setExplicitPricesInput,
} from './explicit-prices.ts';
import { exportExplicitPricesCsv } from './explicit-prices-csv-export.ts';
import { importExplicitPricesCsv } from './explicit-prices-csv-import.ts';
import { getMarket } from './markets.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });
const marketParams = storeParams.extend({ marketId: z.string().min(1).max(64) });

/** The largest CSV of prices a request may carry (50,000 rows fit easily). */
const maxCsvBytes = 16 * 1024 * 1024;

/**
 * A market's explicit prices under /api/admin/stores/:store/markets/:marketId/explicit-prices: list,
 * set up to 1,000 per call, remove one, and the same as CSV (export, import with a dry run).
 */
export async function explicitPriceRoutes(app: FastifyInstance, { db }: { db: Db }) {
  // Only for these routes: the import reads the file as text (at most maxCsvBytes, else 413).
  if (!app.hasContentTypeParser('text/csv')) {
    app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: maxCsvBytes }, (_req, body, done) =>
      done(null, body),
    );
  }
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['markets'];

  r.get(
    '/markets/:marketId/explicit-prices',
    {
      config: { permission: 'pricing:read' },
      schema: {
        tags,
        summary: "A market's explicit prices by variant id, a page at a time (`nextAfter` for the next)",
        params: marketParams,
        querystring: listExplicitPricesQuery,
      },
    },
    async (request) =>
      listExplicitPrices(db, storeOf(request).store.id, request.params.marketId, request.query),
  );

  r.put(
    '/markets/:marketId/explicit-prices',
    {
      config: { permission: 'pricing:write' },
      schema: {
        tags,
        summary: 'Set explicit prices of up to 1,000 variants (others are kept); all or nothing',
        description:
          'Amounts are minor units of the market currency. 422 `unknown_variant` (naming it), `duplicate_variant`, ' +
          '`invalid_compare_at`; 409 `primary_market_uses_base_prices` on the primary market.',
        params: marketParams,
        body: setExplicitPricesInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      await db.transaction((tx) =>
        setExplicitPrices(tx, store, actor, request.params.marketId, request.body),
      );
      return listExplicitPrices(db, store.id, request.params.marketId, { limit: 1000 });
    },
  );

  r.delete(
    '/markets/:marketId/explicit-prices/:variantId',
    {
      config: { permission: 'pricing:write' },
      schema: {
        tags,
        summary: "Remove a variant's explicit price (it is converted from the base price again)",
        params: marketParams.extend({ variantId: z.string().min(1).max(64) }),
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const { marketId, variantId } = request.params;
      await db.transaction((tx) => removeExplicitPrice(tx, store, actor, marketId, variantId));
      return reply.status(204).send();
    },
  );

  r.get(
    '/markets/:marketId/explicit-prices.csv',
    {
      config: { permission: 'pricing:read' },
      schema: {
        tags,
        summary: "Every variant with the market's explicit price (empty where none), as CSV",
        params: marketParams,
      },
    },
    async (request, reply) => {
      const { store } = storeOf(request);
      const market = await getMarket(db, store.id, request.params.marketId);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${store.handle}-${market.handle}-prices.csv"`)
        .header('cache-control', 'no-store')
        .send(exportExplicitPricesCsv(db, store, market.id));
    },
  );

  r.post(
    '/markets/:marketId/explicit-prices/import',
    {
      config: { permission: 'pricing:write' },
      schema: {
        tags,
        summary: "Set a market's explicit prices from CSV (the export's columns); all rows or none",
        description:
          'Body: the CSV (`Content-Type: text/csv`), at most 50,000 rows. An empty price removes the explicit price. ' +
          '`dryRun=true` reports without writing. Any row problem: 422 `import_invalid` with the rows in `details.errors`.',
        params: marketParams,
        querystring: z
          .object({
            dryRun: z
              .enum(['true', 'false'])
              .default('false')
              .transform((v) => v === 'true'),
          })
          .strict(),
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      if (typeof request.body !== 'string' || !request.headers['content-type']?.startsWith('text/csv')) {
        throw new AppError(415, 'csv_required', 'Send the CSV as the body with Content-Type: text/csv.');
      }
      const text = request.body;
      const report = await db.transaction((tx) =>
        importExplicitPricesCsv(tx, store, actor, request.params.marketId, text, request.query),
      );
      return { report };
    },
  );
}
