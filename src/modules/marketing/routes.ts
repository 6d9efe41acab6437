import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { badRequest } from '../../platform/errors.ts';
import { requestBaseUrl } from '../../platform/http/public-base-url.ts';
import { storeOf } from '../access/index.ts';
import { attributionReport, attributionReportQuery } from './attribution-report.ts';
import { campaignReport, campaignReportQuery } from './campaign-report.ts';
import { campaignInput } from './campaigns/campaign-input.ts';
import { campaignLink } from './campaigns/campaign-link.ts';
import { campaignsWithPacing } from './campaigns/campaign-pacing.ts';
import { createCampaign, deleteCampaign, getCampaign, updateCampaign } from './campaigns/campaign-records.ts';
import { discountCodeReport, discountCodeReportQuery } from './discount-code-report.ts';
import { importAdSpend } from './import-ad-spend.ts';
import { manualSpendInput, recordManualSpend } from './manual-ad-spend.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });
const campaignParams = storeParams.extend({ id: z.string().min(1).max(64) });
/** A few years of a campaign report by day is well under this. */
const maxReportBytes = 10 * 1024 * 1024;

/** The marketing admin routes under /api/admin/stores/:store (docs/channels-and-attribution.md). */
export async function marketingRoutes(
  app: FastifyInstance,
  { db, publicUrl }: { db: Db; publicUrl?: string | undefined },
) {
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
      config: { permission: 'marketing:write' },
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

  r.post(
    '/marketing/ad-spend/entries',
    {
      config: { permission: 'marketing:write' },
      schema: {
        tags,
        summary: "Record one day's spend on one campaign by hand (replaces that day's earlier entry)",
        params: storeParams,
        body: manualSpendInput,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      return reply.status(201).send(await recordManualSpend(db, actor, store, request.body));
    },
  );

  const withLink = <T extends Parameters<typeof campaignLink>[0]>(campaign: T, request: FastifyRequest) => ({
    ...campaign,
    link: campaignLink(campaign, requestBaseUrl(request, publicUrl)),
  });

  r.get(
    '/marketing/campaigns',
    {
      config: { permission: 'marketing:read' },
      schema: {
        tags,
        summary: "The store's campaigns, each with its tagged link and budget pacing",
        params: storeParams,
        querystring: z.object({ asOf: z.iso.date().optional() }).strict(),
      },
    },
    async (request) => {
      const { store } = storeOf(request);
      const campaigns = await campaignsWithPacing(db, store, request.query.asOf);
      return { currency: store.baseCurrency, campaigns: campaigns.map((c) => withLink(c, request)) };
    },
  );

  r.post(
    '/marketing/campaigns',
    {
      config: { permission: 'marketing:write' },
      schema: { tags, summary: 'Plan a campaign', params: storeParams, body: campaignInput },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const campaign = await createCampaign(db, actor, store.id, request.body);
      return reply.status(201).send(withLink(campaign, request));
    },
  );

  r.get(
    '/marketing/campaigns/:id',
    {
      config: { permission: 'marketing:read' },
      schema: { tags, summary: 'A campaign with its tagged link', params: campaignParams },
    },
    async (request) => withLink(await getCampaign(db, storeOf(request).store.id, request.params.id), request),
  );

  r.get(
    '/marketing/campaigns/:id/link',
    {
      config: { permission: 'marketing:read' },
      schema: { tags, summary: "The campaign's landing page with its UTM tags", params: campaignParams },
    },
    async (request) => {
      const campaign = await getCampaign(db, storeOf(request).store.id, request.params.id);
      return { url: withLink(campaign, request).link };
    },
  );

  r.put(
    '/marketing/campaigns/:id',
    {
      config: { permission: 'marketing:write' },
      schema: { tags, summary: 'Change a campaign', params: campaignParams, body: campaignInput },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      return withLink(await updateCampaign(db, actor, store.id, request.params.id, request.body), request);
    },
  );

  r.delete(
    '/marketing/campaigns/:id',
    {
      config: { permission: 'marketing:write' },
      schema: {
        tags,
        summary: "Delete a campaign's plan (its sessions and spend stay)",
        params: campaignParams,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      await deleteCampaign(db, actor, store.id, request.params.id);
      return reply.status(204).send();
    },
  );

  r.get(
    '/marketing/attribution',
    {
      config: { permission: 'marketing:read' },
      schema: {
        tags,
        summary:
          'Orders, net sales and new customers attributed to channels and campaigns by a model, against spend: ROAS, CPA, CAC; MER',
        params: storeParams,
        querystring: attributionReportQuery,
      },
    },
    async (request) => attributionReport(db, storeOf(request).store, request.query),
  );

  r.get(
    '/marketing/discount-codes',
    {
      config: { permission: 'marketing:read' },
      schema: {
        tags,
        summary:
          'Per discount code: orders, net sales, discount given, AOV against orders without a code, new customers',
        params: storeParams,
        querystring: discountCodeReportQuery,
      },
    },
    async (request) => discountCodeReport(db, storeOf(request).store, request.query),
  );

  r.get(
    '/marketing/returns',
    {
      config: { permission: 'marketing:read' },
      schema: {
        tags,
        summary:
          "Spend, sessions, orders, net sales, ROAS and cost per order per campaign and channel (the session's own campaign); MER",
        params: storeParams,
        querystring: campaignReportQuery,
      },
    },
    async (request) => campaignReport(db, storeOf(request).store, request.query),
  );
}
