import type { FastifyInstance } from 'fastify';
import {
  type BlobStorage,
  contentTypeOfBlobKey,
  isBlobKey,
} from '../../../platform/blob-storage/blob-storage.ts';
import { notFound } from '../../../platform/errors.ts';
import { MEDIA_PATH_PREFIX } from './image-source.ts';
import { imageContentTypes } from './inspect-image.ts';

/** Only pictures are public; whatever else media storage may come to hold (exports) is not served here. */
const servedTypes = new Set<string>(Object.values(imageContentTypes));

/**
 * Serves stored images at `/media/<key>`. A key is the SHA-256 of the content, so what a URL names
 * never changes: browsers and CDNs may keep it a year without asking again, and the key itself is
 * the ETag. Only well-formed keys of image types are looked up, which also rules out any path
 * traversal (a key has no slash and no dot but the extension's).
 */
export async function mediaFileRoutes(app: FastifyInstance, { storage }: { storage: BlobStorage }) {
  app.get<{ Params: { key: string } }>(
    `${MEDIA_PATH_PREFIX}/:key`,
    { schema: { hide: true } },
    async (request, reply) => {
      const { key } = request.params;
      if (!isBlobKey(key) || !servedTypes.has(contentTypeOfBlobKey(key))) throw notFound('File');
      const etag = `"${key.slice(0, key.indexOf('.'))}"`;
      // Set only on answers that name the file: a 404 must not be cached for a year.
      const longLived = () =>
        reply
          .header('cache-control', 'public, max-age=31536000, immutable')
          .header('etag', etag)
          .header('x-content-type-options', 'nosniff');
      const ifNoneMatch = request.headers['if-none-match'];
      if (ifNoneMatch?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
        if (await storage.exists(key)) return longLived().status(304).send();
      }
      const content = await storage.get(key);
      if (!content) throw notFound('File');
      return longLived()
        .header('content-type', content.contentType)
        .header('content-length', String(content.size))
        .send(content.stream);
    },
  );
}
