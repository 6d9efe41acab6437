import type { FastifyRequest } from 'fastify';
import { MAX_REVIEW_PHOTO_BYTES, MAX_REVIEW_PHOTOS } from '../../modules/reviews/index.ts';
import { AppError, badRequest } from '../../platform/errors.ts';

export interface ReviewFormInput {
  fields: Record<string, string>;
  /** The photos' bytes; empty file inputs (no file chosen) are left out. */
  photos: Buffer[];
}

/**
 * Reads a posted review form: multipart (the page's form, with photos) or URL-encoded (a form
 * without photos). 413 `file_too_large` for a photo above the limit, 400 `too_many_photos`, 400
 * `invalid_multipart` for a body the parser cannot read. Nothing is stored here.
 */
export async function readReviewForm(request: FastifyRequest): Promise<ReviewFormInput> {
  if (!request.isMultipart()) {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const fields = Object.fromEntries(
      Object.entries(body).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])),
    );
    return { fields, photos: [] };
  }
  const fields: Record<string, string> = {};
  const photos: Buffer[] = [];
  try {
    const parts = request.parts({
      limits: {
        fileSize: MAX_REVIEW_PHOTO_BYTES,
        files: MAX_REVIEW_PHOTOS,
        fields: 10,
        fieldSize: 16 * 1024,
        parts: MAX_REVIEW_PHOTOS + 10,
      },
    });
    for await (const part of parts) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (part.fieldname === 'photos' && content.length > 0) photos.push(content);
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError(413, 'file_too_large', `A photo may be at most ${MAX_REVIEW_PHOTO_BYTES} bytes.`, {
        maxBytes: MAX_REVIEW_PHOTO_BYTES,
      });
    }
    if (code === 'FST_FILES_LIMIT') {
      throw badRequest('too_many_photos', `Attach at most ${MAX_REVIEW_PHOTOS} photos.`);
    }
    if (err instanceof AppError) throw err;
    throw badRequest('invalid_multipart', 'The form could not be read.');
  }
  return { fields, photos };
}
