import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { badRequest } from '../../platform/errors.ts';
import { storeOf } from '../access/index.ts';
import { campaignReport, campaignReportQuery } from './campaign-report.ts';
import { importAdSpend } from './import-ad-spend.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });
/** A few years of a campaign report by day is well under this. */
const maxReportBytes = 10 * 1024 * 1024;

/** The marketing admin routes under /api/admin/stores/:store (docs/channels-and-attribution.md). */
export async function marketingRoutes(app: FastifyInstance, { db }: { db: Db }) {
  // The report is sent as the file's own bytes (CSV, maybe UTF-16), read whole: it is small.
  app.addContentTypeParser(
    ['text/csv', 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: maxReportBytes },
    (_request, body, done) => done(null, body),
  );
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['marketing'];

  r.post(
    '/marketing/ad-spend',
    {
      config: { permission: 'analytics:write' },
      bodyLimit: maxReportBytes,
      schema: {
        tags,
        summary: "Import an ad platform's spend report (Google Ads, Meta Ads, or the manual layout)",
        params: storeParams,
        querystring: z
          .object({
            platform: z.enum(['google_ads', 'meta_ads', 'manual']).optional(),
            /** The ad account's currency, for a report that states none. */
            currency: z.string().length(3).optional(),
          })
          .strict(),
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      if (!Buffer.isBuffer(request.body) || request.body.length === 0) {
        throw badRequest('file_required', 'Send the report as the request body (content type text/csv).');
      }
      const result = await importAdSpend(db, actor, store, new Uint8Array(request.body), request.query);
      return reply.status(201).send(result);
    },
  );

  r.get(
    '/marketing/campaigns',
    {
      config: { permission: 'analytics:read' },
      schema: {
        tags,
        summary: 'Spend, sessions, orders, net sales, ROAS and cost per order per campaign and channel; MER',
        params: storeParams,
        querystring: campaignReportQuery,
      },
    },
    async (request) => campaignReport(db, storeOf(request).store, request.query),
  );
}
