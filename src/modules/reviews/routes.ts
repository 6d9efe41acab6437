import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type BlobStorage, isBlobKey } from '../../platform/blob-storage/blob-storage.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { storeOf } from '../access/index.ts';
import { getReview, isStorePhoto, listReviews, reviewListQuery } from './list-reviews.ts';
import { deleteReview, replyInput, setReviewReply, setReviewStatus } from './moderate-reviews.ts';
import { productRatingSummary } from './review-aggregates.ts';
import { getReviewSettings, reviewSettingsInput, updateReviewSettings } from './review-settings.ts';
import { exportReviewsCsv, importReviewsCsv } from './reviews-csv.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });
const reviewParams = storeParams.extend({ reviewId: z.string().min(1).max(64) });
const bulkInput = z.object({ ids: z.array(z.string().min(1).max(64)).min(1).max(500) }).strict();

/** A reviews CSV may be this large. */
const MAX_CSV_BYTES = 10 * 1024 * 1024;

/**
 * Reviews under /api/admin/stores/:store/reviews (docs/reviews.md): the moderation queue, public
 * replies, settings, CSV export and import. Seen with reviews:read, changed with reviews:write.
 */
export async function reviewRoutes(app: FastifyInstance, { db, photos }: { db: Db; photos?: BlobStorage }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reviews'];
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: MAX_CSV_BYTES }, (_req, body, done) =>
    done(null, body),
  );

  r.get(
    '/reviews',
    {
      config: { permission: 'reviews:read' },
      schema: {
        tags,
        summary: 'Reviews by status, rating, product or flag, newest first, with counts per status',
        params: storeParams,
        querystring: reviewListQuery,
      },
    },
    async (request) => listReviews(db, storeOf(request).store.id, request.query),
  );

  r.get(
    '/reviews/settings',
    {
      config: { permission: 'reviews:read' },
      schema: { tags, summary: "The store's review settings", params: storeParams },
    },
    async (request) => getReviewSettings(db, storeOf(request).store.id),
  );

  r.patch(
    '/reviews/settings',
    {
      config: { permission: 'reviews:write' },
      schema: { tags, summary: 'Change review settings', params: storeParams, body: reviewSettingsInput },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      return updateReviewSettings(db, store.id, actor, request.body);
    },
  );

  r.get(
    '/reviews/export.csv',
    {
      config: { permission: 'reviews:read' },
      schema: { tags, summary: 'Every review of the store as CSV (docs/reviews.md)', params: storeParams },
    },
    async (request, reply) => {
      const { store } = storeOf(request);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="reviews-${store.handle}.csv"`)
        .send(await exportReviewsCsv(db, store.id));
    },
  );

  r.post(
    '/reviews/import',
    {
      config: { permission: 'reviews:write' },
      bodyLimit: MAX_CSV_BYTES,
      schema: {
        tags,
        summary: 'Import reviews from CSV (Content-Type: text/csv), all or nothing',
        params: storeParams,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      const type = request.headers['content-type'] ?? '';
      if (typeof request.body !== 'string' || !type.toLowerCase().startsWith('text/csv')) {
        throw new AppError(415, 'csv_required', 'Send the CSV as the body with Content-Type: text/csv.');
      }
      return importReviewsCsv(db, store.id, actor, request.body, { defaultLocale: store.locale });
    },
  );

  r.get(
    '/reviews/products/:productId/summary',
    {
      config: { permission: 'reviews:read' },
      schema: {
        tags,
        summary: "A product's published reviews: count, average, per star",
        params: storeParams.extend({ productId: z.string().min(1).max(64) }),
      },
    },
    async (request) => productRatingSummary(db, storeOf(request).store.id, request.params.productId),
  );

  r.get(
    '/reviews/photos/:key',
    {
      config: { permission: 'reviews:read' },
      schema: {
        tags,
        summary: "A photo of one of the store's reviews, whatever its status (for moderation)",
        params: storeParams.extend({ key: z.string().min(1).max(100) }),
      },
    },
    async (request, reply) => {
      const { store } = storeOf(request);
      const { key } = request.params;
      if (!photos || !isBlobKey(key) || !(await isStorePhoto(db, store.id, key))) throw notFound('Photo');
      const content = await photos.get(key);
      if (!content) throw notFound('Photo');
      return reply
        .header('cache-control', 'private, max-age=3600')
        .header('x-content-type-options', 'nosniff')
        .type(content.contentType)
        .send(content.stream);
    },
  );

  r.get(
    '/reviews/:reviewId',
    {
      config: { permission: 'reviews:read' },
      schema: { tags, summary: 'One review', params: reviewParams },
    },
    async (request) => getReview(db, storeOf(request).store.id, request.params.reviewId),
  );

  for (const status of ['published', 'rejected'] as const) {
    const verb = status === 'published' ? 'publish' : 'reject';
    r.post(
      `/reviews/:reviewId/${verb}`,
      {
        config: { permission: 'reviews:write' },
        schema: { tags, summary: `${verb[0]!.toUpperCase()}${verb.slice(1)} a review`, params: reviewParams },
      },
      async (request) => {
        const { store, actor } = storeOf(request);
        const [review] = await setReviewStatus(db, store.id, actor, [request.params.reviewId], status);
        return review;
      },
    );
    r.post(
      `/reviews/bulk-${verb}`,
      {
        config: { permission: 'reviews:write' },
        schema: {
          tags,
          summary: `${verb[0]!.toUpperCase()}${verb.slice(1)} several reviews, all or none`,
          params: storeParams,
          body: bulkInput,
        },
      },
      async (request) => {
        const { store, actor } = storeOf(request);
        return { items: await setReviewStatus(db, store.id, actor, request.body.ids, status) };
      },
    );
  }

  r.put(
    '/reviews/:reviewId/reply',
    {
      config: { permission: 'reviews:write' },
      schema: {
        tags,
        summary: "Set or change the store's public reply",
        params: reviewParams,
        body: replyInput,
      },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      return setReviewReply(db, store.id, actor, request.params.reviewId, request.body.reply);
    },
  );

  r.delete(
    '/reviews/:reviewId/reply',
    {
      config: { permission: 'reviews:write' },
      schema: { tags, summary: 'Remove the public reply', params: reviewParams },
    },
    async (request) => {
      const { store, actor } = storeOf(request);
      return setReviewReply(db, store.id, actor, request.params.reviewId, null);
    },
  );

  r.delete(
    '/reviews/:reviewId',
    {
      config: { permission: 'reviews:write' },
      schema: { tags, summary: 'Delete a review for good', params: reviewParams },
    },
    async (request, reply) => {
      const { store, actor } = storeOf(request);
      await deleteReview(db, store.id, actor, request.params.reviewId);
      return reply.status(204).send();
    },
  );
}
