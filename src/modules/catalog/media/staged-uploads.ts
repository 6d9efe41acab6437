import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import type { ProductDetail } from '../product-detail.ts';
import { productImages } from '../schema.ts';
import type { StagedUpload } from '../workflow/product-content.ts';
import { mediaPath } from './image-source.ts';
import { productImageFiles } from './schema.ts';

/**
 * When a staged revision with uploads is published, its new images arrive as rows recorded by their
 * address (`/media/<key>`). This gives each the stored file it shows — the media key, dimensions and
 * generated sizes — exactly as a direct upload would have. Answers how many images it attached.
 */
export async function attachStagedUploads(
  tx: Db,
  product: ProductDetail,
  uploads: readonly StagedUpload[],
): Promise<number> {
  const byPath = new Map(uploads.map((upload) => [mediaPath(upload.key), upload]));
  const waiting = product.images.filter(
    (image) => !image.mediaKey && image.sourceUrl && byPath.has(image.sourceUrl),
  );
  if (waiting.length === 0) return 0;
  for (const image of waiting) {
    const upload = byPath.get(image.sourceUrl!)!;
    await tx
      .update(productImages)
      .set({ mediaKey: upload.key, sourceUrl: null, width: upload.width, height: upload.height })
      .where(and(eq(productImages.id, image.id), isNull(productImages.mediaKey)));
    await tx
      .insert(productImageFiles)
      .values({
        imageId: image.id,
        storeId: product.product.storeId,
        format: upload.format,
        bytes: upload.bytes,
        sizes: upload.sizes.map(({ key, width, height }) => ({ key, width, height })),
      })
      .onConflictDoNothing();
  }
  return waiting.length;
}
