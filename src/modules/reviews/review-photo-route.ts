import type { FastifyInstance } from 'fastify';
import type { BlobStorage } from '../../platform/blob-storage/blob-storage.ts';
import { isBlobKey } from '../../platform/blob-storage/blob-storage.ts';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors.ts';
import { isPublishedPhoto } from './list-reviews.ts';

export const REVIEW_PHOTO_PREFIX = '/review-photos';

export function reviewPhotoPath(key: string): string {
  return `${REVIEW_PHOTO_PREFIX}/${key}`;
}

/**
 * Serves the photos of published reviews at `/review-photos/<key>`: a photo of a review still
 * waiting, or rejected, is not public. Keys are content hashes, so a served photo may be cached long;
 * only for a day, though, since taking a review down should take its photos with it soon.
 */
export async function reviewPhotoRoutes(
  app: FastifyInstance,
  { db, storage }: { db: Db; storage: BlobStorage },
) {
  app.get<{ Params: { key: string } }>(
    `${REVIEW_PHOTO_PREFIX}/:key`,
    { schema: { hide: true } },
    async (request, reply) => {
      const { key } = request.params;
      if (!isBlobKey(key) || !key.endsWith('.webp') || !(await isPublishedPhoto(db, key)))
        throw notFound('File');
      const content = await storage.get(key);
      if (!content) throw notFound('File');
      return reply
        .header('cache-control', 'public, max-age=86400')
        .header('x-content-type-options', 'nosniff')
        .header('content-type', content.contentType)
        .header('content-length', String(content.size))
        .send(content.stream);
    },
  );
}
