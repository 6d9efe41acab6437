import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { storeOf } from '../access/index.ts';
import { countConsentingAudience } from './newsletter-audience.ts';
import { audienceInput, newsletterInput, sendNewsletterInput } from './newsletter-input.ts';
import { listNewsletterRecipients } from './newsletter-recipients.ts';
import { followDeliveries } from './newsletter-sending.ts';
import {
  getNewsletterSettings,
  newsletterSettingsInput,
  updateNewsletterSettings,
} from './newsletter-settings.ts';
import {
  cancelNewsletter,
  createNewsletter,
  getNewsletter,
  listNewsletters,
  previewNewsletter,
  scheduleNewsletter,
  sendTestNewsletter,
  updateNewsletter,
} from './newsletters.ts';
import { recipientStatuses } from './schema.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });
const newsletterParams = storeParams.extend({ newsletterId: z.string().min(1).max(64) });

/** Newsletters under /api/admin/stores/:store/newsletters (docs/newsletters.md). */
export async function newsletterRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['newsletters'];
  const read = { permission: 'newsletters:read' } as const;
  const write = { permission: 'newsletters:write' } as const;

  r.get(
    '/newsletters',
    {
      config: read,
      schema: { tags, summary: 'Newsletters, newest first, with their figures', params: storeParams },
    },
    async (request) => {
      const { store } = storeOf(request);
      const items = await listNewsletters(db, store.id);
      for (const item of items.filter((n) => n.status === 'sending' || n.figures.queued > 0)) {
        await followDeliveries(db, item.id);
      }
      return { items: items.some((n) => n.figures.queued > 0) ? await listNewsletters(db, store.id) : items };
    },
  );

  r.get(
    '/newsletters/settings',
    { config: read, schema: { tags, summary: 'Sending rate and tracking', params: storeParams } },
    async (request) => getNewsletterSettings(db, storeOf(request).store.id),
  );

  r.put(
    '/newsletters/settings',
    {
      config: write,
      schema: {
        tags,
        summary: 'Change the sending rate or tracking',
        params: storeParams,
        body: newsletterSettingsInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      return updateNewsletterSettings(db, store.id, actor, request.body);
    },
  );

  r.post(
    '/newsletters/audience-count',
    {
      config: read,
      schema: {
        tags,
        summary: 'How many customers an audience reaches now (only those who consent)',
        params: storeParams,
        body: z.object({ audience: audienceInput }).strict(),
      },
    },
    async (request) => {
      const { store } = storeOf(request);
      const { audience } = request.body;
      const consenting = await countConsentingAudience(db, store.id, {
        kind: audience.kind,
        id: 'id' in audience ? audience.id : null,
      });
      return { consenting };
    },
  );

  r.post(
    '/newsletters',
    { config: write, schema: { tags, summary: 'Write a draft', params: storeParams, body: newsletterInput } },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      return reply.status(201).send(await createNewsletter(db, store.id, actor, request.body));
    },
  );

  r.get(
    '/newsletters/:newsletterId',
    { config: read, schema: { tags, summary: 'One newsletter with its figures', params: newsletterParams } },
    async (request) => {
      const { store } = storeOf(request);
      const newsletter = await getNewsletter(db, store.id, request.params.newsletterId);
      if (newsletter.figures.queued === 0) return newsletter;
      await followDeliveries(db, newsletter.id);
      return getNewsletter(db, store.id, newsletter.id);
    },
  );

  r.put(
    '/newsletters/:newsletterId',
    {
      config: write,
      schema: { tags, summary: 'Rewrite a draft', params: newsletterParams, body: newsletterInput },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      return updateNewsletter(db, store.id, actor, request.params.newsletterId, request.body);
    },
  );

  r.get(
    '/newsletters/:newsletterId/preview',
    {
      config: read,
      schema: { tags, summary: 'The message as sent (HTML and text)', params: newsletterParams },
    },
    async (request) => previewNewsletter(db, storeOf(request).store.id, request.params.newsletterId),
  );

  r.get(
    '/newsletters/:newsletterId/recipients',
    {
      config: read,
      schema: {
        tags,
        summary: 'Recipients and what happened to each message',
        params: newsletterParams,
        querystring: z
          .object({
            status: z.enum(recipientStatuses).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(100),
            offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
          })
          .strict(),
      },
    },
    async (request) => {
      const { store } = storeOf(request);
      return {
        items: await listNewsletterRecipients(db, store.id, request.params.newsletterId, request.query),
      };
    },
  );

  r.post(
    '/newsletters/:newsletterId/test',
    {
      config: write,
      schema: {
        tags,
        summary: 'Send a test to yourself',
        params: newsletterParams,
        body: z.object({}).strict().optional(),
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      return sendTestNewsletter(db, store.id, actor, request.params.newsletterId);
    },
  );

  r.post(
    '/newsletters/:newsletterId/send',
    {
      config: write,
      schema: {
        tags,
        summary: 'Send now, or schedule with `at`',
        params: newsletterParams,
        body: sendNewsletterInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      return scheduleNewsletter(db, store.id, actor, request.params.newsletterId, request.body);
    },
  );

  r.post(
    '/newsletters/:newsletterId/cancel',
    {
      config: write,
      schema: {
        tags,
        summary: 'Stop a draft, scheduled or sending newsletter',
        params: newsletterParams,
        body: z.object({}).strict().optional(),
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      return cancelNewsletter(db, store.id, actor, request.params.newsletterId);
    },
  );
}
