import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { productImages } from '../schema.ts';

/** A generated rendition of a product image (WebP, narrower than the original). */
export interface StoredRendition {
  key: string;
  width: number;
  height: number;
}

/**
 * The file side of a product image: what media storage holds for it (the published original is
 * `product_images.media_key`; these are its generated sizes), and, for images recorded by URL, how
 * downloading them went. One row per image that has a file or has had a download attempt.
 */
export const productImageFiles = pgTable('product_image_files', {
  imageId: text('image_id')
    .primaryKey()
    .references(() => productImages.id, { onDelete: 'cascade' }),
  storeId: text('store_id').notNull(),
  /** jpeg, png, webp, gif or avif: the original's format as decoded (never the declared type). */
  format: text('format'),
  /** Size of the published original in bytes. */
  bytes: integer('bytes'),
  /** WebP renditions, narrowest first. */
  sizes: jsonb('sizes').$type<StoredRendition[]>().notNull().default([]),
  /** For images recorded by URL: `stored` once downloaded, `failed` when the download failed. */
  downloadStatus: text('download_status'),
  /** Why the download failed (a RemoteImageFailureReason such as `http_status` or `private_address`). */
  downloadErrorCode: text('download_error_code'),
  downloadError: text('download_error'),
  downloadAttempts: integer('download_attempts').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
