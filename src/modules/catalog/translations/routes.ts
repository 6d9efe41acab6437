import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { storeOf } from '../../access/index.ts';
import { productStatuses } from '../product-input.ts';
import { listProductsMissingTranslations } from './missing-translations.ts';
import {
  getProductTranslation,
  getProductTranslationStatus,
  putProductTranslation,
} from './product-translations.ts';
import { translationInput } from './translation-input.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });
const productParams = storeParams.extend({ productId: z.string().min(1).max(64) });
const localeParams = productParams.extend({ locale: z.string().min(1).max(40) });

/** Product translations, registered under /api/admin/stores/:store. */
export async function translationRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/products/missing-translations',
    {
      config: { permission: 'catalog:read' },
      schema: {
        tags: ['translations'],
        summary: 'Products with untranslated text, per locale (all translation locales unless one is named)',
        params: storeParams,
        querystring: z.object({
          locale: z.string().min(1).max(40).optional(),
          status: z.enum(productStatuses).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
        }),
      },
    },
    async (request) => listProductsMissingTranslations(db, storeOf(request).store, request.query),
  );

  r.get(
    '/products/:productId/translations',
    {
      config: { permission: 'catalog:read' },
      schema: {
        tags: ['translations'],
        summary: "A product's translation completeness in every locale the store translates into",
        params: productParams,
      },
    },
    async (request) => getProductTranslationStatus(db, storeOf(request).store, request.params.productId),
  );

  r.get(
    '/products/:productId/translations/:locale',
    {
      config: { permission: 'catalog:read' },
      schema: {
        tags: ['translations'],
        summary: "A product's text in one locale beside the default-locale text, and what is missing",
        params: localeParams,
      },
    },
    async (request) => {
      const { productId, locale } = request.params;
      return { translation: await getProductTranslation(db, storeOf(request).store, productId, locale) };
    },
  );

  r.put(
    '/products/:productId/translations/:locale',
    {
      config: { permission: 'catalog:write' },
      schema: {
        tags: ['translations'],
        summary:
          "Replace a product's translations in one locale (left out = not translated; the default locale shows). " +
          'Without catalog:publish, a live product’s translation is staged in its revision for review (202).',
        params: localeParams,
        body: translationInput,
      },
    },
    async (request, reply) => {
      const { store, actor, permissions } = storeOf(request);
      const { productId, locale } = request.params;
      const writer = { actor, canPublish: permissions.has('catalog:publish') };
      const outcome = await putProductTranslation(db, writer, store, productId, locale, request.body);
      // Staged for review (the live text is unchanged) answers 202, as a staged product edit does.
      return reply.status(outcome.staged ? 202 : 200).send(outcome);
    },
  );
}
