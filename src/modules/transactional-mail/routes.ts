import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { unprocessable } from '../../platform/errors.ts';
import { storeOf } from '../access/index.ts';
import { previewInput, templateParams, templateTextInput, testSendInput } from './template-input.ts';
import {
  getTemplate,
  listTemplates,
  previewTemplate,
  resetTemplate,
  saveTemplate,
  sendTestMail,
} from './templates.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });

/**
 * The store's e-mail texts under /api/admin/stores/:store/mail-templates (docs/transactional-mail.md,
 * "API"): read with `store:read`, changed and test-sent with `store:write`; every change is audited.
 */
export async function transactionalMailRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['transactional-mail'];

  r.get(
    '/mail-templates',
    {
      config: { permission: 'store:read' },
      schema: {
        tags,
        summary:
          "Every e-mail the store sends customers, with the store's languages and which are customised",
        params: storeParams,
      },
    },
    async (request) => listTemplates(db, storeOf(request).store),
  );

  r.get(
    '/mail-templates/:key/:locale',
    {
      config: { permission: 'store:read' },
      schema: {
        tags,
        summary: 'The text an e-mail is sent with in a language, and the variables it offers',
        params: templateParams,
      },
    },
    async (request) => {
      const { key, locale } = request.params;
      return { template: await getTemplate(db, storeOf(request).store, key, locale) };
    },
  );

  r.put(
    '/mail-templates/:key/:locale',
    {
      config: { permission: 'store:write' },
      schema: {
        tags,
        summary: "Save the store's own text (422 template_invalid when it does not render with the examples)",
        params: templateParams,
        body: templateTextInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const { key, locale } = request.params;
      const template = await db.transaction((tx) =>
        saveTemplate(tx, store, actor, key, locale, request.body),
      );
      return { template };
    },
  );

  r.delete(
    '/mail-templates/:key/:locale',
    {
      config: { permission: 'store:write' },
      schema: { tags, summary: 'Go back to the built-in text', params: templateParams },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const { key, locale } = request.params;
      await db.transaction((tx) => resetTemplate(tx, store, actor, key, locale));
      return reply.status(204).send();
    },
  );

  r.post(
    '/mail-templates/:key/:locale/preview',
    {
      config: { permission: 'store:read' },
      schema: {
        tags,
        summary: 'Render an e-mail (the saved text or the one given) with the example or given variables',
        params: templateParams,
        body: previewInput,
      },
    },
    async (request) => {
      const { key, locale } = request.params;
      return previewTemplate(db, storeOf(request).store, key, locale, request.body);
    },
  );

  r.post(
    '/mail-templates/:key/:locale/test',
    {
      config: { permission: 'store:write' },
      schema: {
        tags,
        summary: 'Send the e-mail with the example variables to the signed-in member',
        params: templateParams,
        body: testSendInput,
      },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      const to = request.auth?.user?.email;
      if (!to) {
        throw unprocessable('test_recipient_missing', 'Sign in as a member to send yourself a test e-mail.');
      }
      const { key, locale } = request.params;
      const sent = await db.transaction((tx) =>
        sendTestMail(tx, store, actor, { key, locale, to, ...request.body }),
      );
      return reply.status(202).send(sent);
    },
  );
}
