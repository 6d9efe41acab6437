import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { storeOf } from '../access/index.ts';
import { installPresetInput, installTaxPreset } from './install-preset.ts';
import { taxPresetKeys, taxPresets } from './presets.ts';
import { formatRatePercent } from './rate-percent.ts';
import { exportTaxRatesCsv, importTaxRatesCsv } from './rates-csv.ts';
import {
  createTaxRate,
  createTaxRateInput,
  deleteTaxRate,
  getTaxRate,
  listTaxRates,
  listTaxRatesQuery,
  taxRateView,
  updateTaxRate,
  updateTaxRateInput,
} from './tax-rates.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });
const rateParams = storeParams.extend({ rateId: z.string().min(1).max(64) });
/** The largest CSV of rates a request may carry (10,000 rows fit easily). */
const maxCsvBytes = 2 * 1024 * 1024;
const flag = (fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false'])
    .default(fallback)
    .transform((v) => v === 'true');

/**
 * Tax rates under /api/admin/stores/:store/tax/rates (CRUD, CSV export and import) and the presets
 * a store can install (/tax/presets). Every change is audited and emits `tax.updated`.
 */
export async function taxRateRoutes(app: FastifyInstance, { db }: { db: Db }) {
  // Only for these routes: the import reads the file as text (at most maxCsvBytes, else 413).
  if (!app.hasContentTypeParser('text/csv')) {
    app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: maxCsvBytes }, (_req, body, done) =>
      done(null, body),
    );
  }
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tax'];

  r.get(
    '/tax/rates',
    {
      config: { permission: 'pricing:read' },
      schema: {
        tags,
        summary: 'Tax rates by country, region (whole country first), class, priority and name',
        params: storeParams,
        querystring: listTaxRatesQuery,
      },
    },
    async (request) => ({
      items: (await listTaxRates(db, storeOf(request).store.id, request.query)).map(taxRateView),
    }),
  );

  r.post(
    '/tax/rates',
    {
      config: { permission: 'pricing:write' },
      schema: {
        tags,
        summary: 'Add a tax rate (ratePpm: millionths, 19 % = 190000)',
        description:
          '409 `tax_rate_exists` for the same country, region, class and name; 422 `unknown_tax_class`.',
        params: storeParams,
        body: createTaxRateInput,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const rate = await db.transaction((tx) => createTaxRate(tx, store.id, actor, request.body));
      return reply.status(201).send({ rate: taxRateView(rate) });
    },
  );

  r.get(
    '/tax/rates/:rateId',
    { config: { permission: 'pricing:read' }, schema: { tags, summary: 'A tax rate', params: rateParams } },
    async (request) => ({
      rate: taxRateView(await getTaxRate(db, storeOf(request).store.id, request.params.rateId)),
    }),
  );

  r.patch(
    '/tax/rates/:rateId',
    {
      config: { permission: 'pricing:write' },
      schema: { tags, summary: 'Change a tax rate', params: rateParams, body: updateTaxRateInput },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const rate = await db.transaction((tx) =>
        updateTaxRate(tx, store.id, actor, request.params.rateId, request.body),
      );
      return { rate: taxRateView(rate) };
    },
  );

  r.delete(
    '/tax/rates/:rateId',
    {
      config: { permission: 'pricing:write' },
      schema: { tags, summary: 'Delete a tax rate', params: rateParams },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      await db.transaction((tx) => deleteTaxRate(tx, store.id, actor, request.params.rateId));
      return reply.status(204).send();
    },
  );

  r.get(
    '/tax/rates.csv',
    {
      config: { permission: 'pricing:read' },
      schema: { tags, summary: 'Every tax rate as CSV (the import reads it back)', params: storeParams },
    },
    async (request, reply) => {
      const { store } = storeOf(request);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${store.handle}-tax-rates.csv"`)
        .header('cache-control', 'no-store')
        .send(await exportTaxRatesCsv(db, store.id));
    },
  );

  r.post(
    '/tax/rates/import',
    {
      config: { permission: 'pricing:write' },
      schema: {
        tags,
        summary: 'Add and change tax rates from CSV (the export’s columns); all rows or none',
        description:
          'Body: the CSV (`Content-Type: text/csv`), at most 10,000 rows; columns country, region, class, rate ' +
          '(percent), name, priority, compound. `replace=true` deletes the rates the file does not name; ' +
          '`dryRun=true` reports without writing. Any row problem: 422 `import_invalid` with the rows in `details.errors`.',
        params: storeParams,
        querystring: z.object({ dryRun: flag('false'), replace: flag('false') }).strict(),
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      if (typeof request.body !== 'string' || !request.headers['content-type']?.startsWith('text/csv')) {
        throw new AppError(415, 'csv_required', 'Send the CSV as the body with Content-Type: text/csv.');
      }
      const text = request.body;
      const report = await db.transaction((tx) =>
        importTaxRatesCsv(tx, store.id, actor, text, request.query),
      );
      return { report };
    },
  );

  r.get(
    '/tax/presets',
    {
      config: { permission: 'pricing:read' },
      schema: {
        tags,
        summary: 'The rate tables a store can install, with their sources',
        params: storeParams,
      },
    },
    async () => ({
      items: taxPresetKeys.map((key) => {
        const preset = taxPresets[key];
        return {
          ...preset,
          rates: preset.rates.map((rate) => ({ ...rate, ratePercent: formatRatePercent(rate.ratePpm) })),
        };
      }),
    }),
  );

  r.post(
    '/tax/presets/:preset',
    {
      config: { permission: 'pricing:write' },
      schema: {
        tags,
        summary:
          "Install a preset's classes and rates (again: nothing changes); the store's other rates stay",
        description:
          '`countries` limits it to some of the preset’s countries (422 `preset_country_unknown` otherwise).',
        params: storeParams.extend({ preset: z.enum(taxPresetKeys) }),
        // No body installs all of it.
        body: installPresetInput.nullish(),
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const report = await db.transaction((tx) =>
        installTaxPreset(tx, store.id, actor, request.params.preset, request.body ?? {}),
      );
      return { report };
    },
  );
}
