import path from 'node:path';
import type { BlobStorage } from '../../platform/blob-storage/blob-storage.ts';
import { LocalDiskBlobStorage } from '../../platform/blob-storage/local-disk-blob-storage.ts';
import { AppError, unprocessable } from '../../platform/errors.ts';
import { MAX_REVIEW_PHOTO_BYTES } from './review-input.ts';

/**
 * Review photos live in storage of their own (`<dataDir>/review-photos`), not in the catalog's media:
 * the catalog's sweep removes media files no catalog row names, and review photos are named by
 * review rows it does not (and must not) read.
 */
export function reviewPhotoStorage(dataDir: string): BlobStorage {
  return new LocalDiskBlobStorage({ dataDir: path.join(dataDir, 'review-photos') });
}

export interface StoredReviewPhoto {
  key: string;
  width: number;
  height: number;
}

/** Photos are shown at most this wide or high; larger ones are scaled down. */
const MAX_SIDE = 1600;
/** Above any phone camera, below what would exhaust memory when decoded. */
const MAX_PIXELS = 50_000_000;

let sharpLoading: Promise<typeof import('sharp')['default']> | undefined;

/**
 * Checks and stores one uploaded photo: 413 `file_too_large` above the size limit, 422
 * `unsupported_image` when the bytes are not a JPEG, PNG, WebP, GIF or AVIF picture (decided from the
 * content, never the name). The picture is re-encoded as WebP, turned upright and scaled down, which
 * also drops its EXIF and other metadata: a phone photo's GPS position is not published.
 */
export async function storeReviewPhoto(storage: BlobStorage, bytes: Buffer): Promise<StoredReviewPhoto> {
  if (bytes.length > MAX_REVIEW_PHOTO_BYTES) {
    throw new AppError(413, 'file_too_large', `A photo may be at most ${MAX_REVIEW_PHOTO_BYTES} bytes.`, {
      maxBytes: MAX_REVIEW_PHOTO_BYTES,
    });
  }
  sharpLoading ??= import('sharp').then((m) => m.default);
  const sharp = await sharpLoading;
  let output: { data: Buffer; info: { width: number; height: number } };
  try {
    const image = sharp(bytes, { failOn: 'error', limitInputPixels: MAX_PIXELS });
    const { format } = await image.metadata();
    // Never SVG (a document that can fetch and script); AVIF reads as `heif`. Re-encoded below anyway.
    if (!format || !['jpeg', 'png', 'webp', 'gif', 'heif'].includes(format)) throw new Error('not accepted');
    output = await image
      .rotate()
      .resize(MAX_SIDE, MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
  } catch {
    throw unprocessable('unsupported_image', 'A photo must be a JPEG, PNG, WebP, GIF or AVIF picture.');
  }
  const stored = await storage.put(output.data, { contentType: 'image/webp' });
  return { key: stored.key, width: output.info.width, height: output.info.height };
}
