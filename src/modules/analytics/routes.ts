import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { storeOf } from '../access/index.ts';
import { customerContacts } from '../customers/index.ts';
import {
  analyticsSettingsInput,
  getAnalyticsSettings,
  updateAnalyticsSettings,
} from './analytics-settings.ts';
import { rfmSegments } from './customer-value/index.ts';
import { ingestBatchInput, ingestEvents } from './ingest/ingest-events.ts';
import { breakdownQuery, breakdownReport } from './reports/breakdown-report.ts';
import { cohortReport } from './reports/cohort-report.ts';
import { exploreQuery, exploreReport } from './reports/explore-report.ts';
import { funnelQuery, funnelReport } from './reports/funnel-report.ts';
import { kpiQuery, kpiReport } from './reports/kpi-report.ts';
import { lifetimeValueReport } from './reports/lifetime-value-report.ts';
import { productReport, productReportQuery } from './reports/product-report.ts';
import { rfmReport } from './reports/rfm-report.ts';
import { searchTermsQuery, searchTermsReport } from './reports/search-terms-report.ts';
import { segmentCsv } from './reports/segment-csv.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });

/** The analytics admin routes under /api/admin/stores/:store (docs/analytics-events.md). */
export async function analyticsRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['analytics'];

  r.post(
    '/analytics/events',
    {
      config: { permission: 'analytics:write' },
      // A full batch of events with items is larger than the server's default body limit.
      bodyLimit: 4 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Send events from another channel (up to 1,000 a request; a bad one refuses the batch)',
        params: storeParams,
        body: ingestBatchInput,
      },
    },
    async (request, reply) => {
      const { store } = storeOf(request);
      const result = await ingestEvents(db, store, request.body.events);
      return reply.status(202).send(result);
    },
  );

  r.get(
    '/analytics/kpis',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags,
        summary: 'Every KPI over a period against a comparison period, the funnel and a daily series',
        params: storeParams,
        querystring: kpiQuery,
      },
    },
    async (request) => {
      const { store } = storeOf(request);
      return kpiReport(db, store, request.query);
    },
  );

  r.get(
    '/analytics/breakdown',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags,
        summary: 'KPIs per channel, campaign, source / medium, device or country over a period',
        params: storeParams,
        querystring: breakdownQuery,
      },
    },
    async (request) => breakdownReport(db, storeOf(request).store, request.query),
  );

  r.get(
    '/analytics/explore',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags,
        summary:
          'One KPI per day, week or month, for the store and the top values of a breakdown, against a comparison period',
        params: storeParams,
        querystring: exploreQuery,
      },
    },
    async (request) => exploreReport(db, storeOf(request).store, request.query),
  );

  r.get(
    '/analytics/funnel',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags,
        summary: 'The closed checkout funnel over a period, whole and per channel, device, country …',
        params: storeParams,
        querystring: funnelQuery,
      },
    },
    async (request) => funnelReport(db, storeOf(request).store, request.query),
  );

  r.get(
    '/analytics/products',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags,
        summary: 'Top or bottom products (or categories, vendors, types) by net sales, with margin',
        params: storeParams,
        querystring: productReportQuery,
      },
    },
    async (request) => productReport(db, storeOf(request).store, request.query),
  );

  r.get(
    '/analytics/search-terms',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags,
        summary: 'What shoppers searched for, by default only the searches that found nothing',
        params: storeParams,
        querystring: searchTermsQuery,
      },
    },
    async (request) => searchTermsReport(db, storeOf(request).store, request.query),
  );

  r.get(
    '/analytics/customers/segments',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags,
        summary: 'RFM segments (Champions … Lost): customers, revenue and what to do with each',
        params: storeParams,
      },
    },
    async (request) => {
      const { scored: _scored, ...report } = await rfmReport(db, storeOf(request).store);
      return report;
    },
  );

  r.get(
    '/analytics/customers/segments/:segment',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags,
        summary: 'The customers of one RFM segment (an audience), with their scores; CSV with format=csv',
        params: storeParams.extend({ segment: z.enum(rfmSegments) }),
        querystring: z
          .object({
            format: z.enum(['json', 'csv']).default('json'),
            limit: z.coerce.number().int().min(1).max(10_000).default(500),
          })
          .strict(),
      },
    },
    async (request, reply) => {
      const { store } = storeOf(request);
      const report = await rfmReport(db, store);
      const members = report.scored.filter((c) => c.segment === request.params.segment);
      if (request.query.format === 'csv') {
        const contacts = await customerContacts(
          db,
          store.id,
          members.map((m) => m.customerId),
        );
        const csv = segmentCsv(members, contacts);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="${store.handle}-${request.params.segment}.csv"`,
          )
          .send(csv);
      }
      return {
        segment: request.params.segment,
        total: members.length,
        customers: members.slice(0, request.query.limit),
      };
    },
  );

  r.get(
    '/analytics/customers/cohorts',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags,
        summary: 'Retention and revenue by first-order month',
        params: storeParams,
        querystring: z.object({ months: z.coerce.number().int().min(1).max(36).default(12) }).strict(),
      },
    },
    async (request) => cohortReport(db, storeOf(request).store, { months: request.query.months }),
  );

  r.get(
    '/analytics/customers/lifetime-value',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags,
        summary: 'Predicted 12-month value and chance of still buying per customer (BG/NBD + Gamma-Gamma)',
        params: storeParams,
      },
    },
    async (request) => lifetimeValueReport(db, storeOf(request).store),
  );

  r.get(
    '/analytics/settings',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags,
        summary: 'Analytics settings: whether visitor cookies wait for consent',
        params: storeParams,
      },
    },
    async (request) => ({ settings: await getAnalyticsSettings(db, storeOf(request).store.id) }),
  );

  r.patch(
    '/analytics/settings',
    {
      config: { permission: 'analytics:write' },
      schema: {
        tags,
        summary: 'Change the analytics settings',
        params: storeParams,
        body: analyticsSettingsInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      return { settings: await updateAnalyticsSettings(db, actor, store.id, request.body) };
    },
  );
}
