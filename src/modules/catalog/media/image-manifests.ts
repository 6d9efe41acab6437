import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { productImages } from '../schema.ts';
import type { ImageManifest } from './image-sizes.ts';
import { imageSrc, MEDIA_PATH_PREFIX } from './image-source.ts';
import type { ImageFormat } from './inspect-image.ts';
import { productImageFiles } from './schema.ts';

/**
 * The generated sizes of product images, for `srcset` on the storefront. Only an image whose file is
 * in media storage and has renditions has a manifest; one still known only by the URL it was
 * recorded with (a remote image not downloaded yet) has none and is shown from that URL as it is.
 */

type ImageRow = {
  imageId: string;
  productId: string;
  mediaKey: string | null;
  sourceUrl: string | null;
  width: number | null;
  height: number | null;
  format: string | null;
  sizes: { key: string; width: number; height: number }[] | null;
};

const columns = {
  imageId: productImages.id,
  productId: productImages.productId,
  mediaKey: productImages.mediaKey,
  sourceUrl: productImages.sourceUrl,
  width: productImages.width,
  height: productImages.height,
  format: productImageFiles.format,
  sizes: productImageFiles.sizes,
};

function manifestOf(row: ImageRow): ImageManifest | undefined {
  const { mediaKey, width, height } = row;
  if (!mediaKey || !width || !height || !row.sizes?.length) return undefined;
  const format = (row.format ?? mediaKey.slice(mediaKey.lastIndexOf('.') + 1)) as ImageFormat;
  return {
    original: { key: mediaKey, width, height, format },
    sizes: row.sizes.map((size) => ({ ...size, format: 'webp' as const })),
  };
}

/** Manifests of the given images of a store (a product page's gallery), by image id. */
export async function loadImageManifests(
  db: Db,
  storeId: string,
  imageIds: readonly string[],
): Promise<Map<string, ImageManifest>> {
  const manifests = new Map<string, ImageManifest>();
  if (imageIds.length === 0) return manifests;
  const rows = await db
    .select(columns)
    .from(productImages)
    .innerJoin(productImageFiles, eq(productImageFiles.imageId, productImages.id))
    .where(and(eq(productImages.storeId, storeId), inArray(productImages.id, [...imageIds])));
  for (const row of rows) {
    const manifest = manifestOf(row);
    if (manifest) manifests.set(row.imageId, manifest);
  }
  return manifests;
}

/**
 * Manifests of the images product cards show (`products.image_url`, the first of the gallery), by
 * product id, in one query. Products whose card image is not a stored file cost nothing.
 */
export async function loadCoverImageManifests(
  db: Db,
  storeId: string,
  products: readonly { id: string; imageUrl: string | null }[],
): Promise<Map<string, ImageManifest>> {
  const manifests = new Map<string, ImageManifest>();
  const stored = products.filter((p) => p.imageUrl?.startsWith(`${MEDIA_PATH_PREFIX}/`));
  if (stored.length === 0) return manifests;
  const rows = await db
    .selectDistinctOn([productImages.productId], columns)
    .from(productImages)
    .leftJoin(productImageFiles, eq(productImageFiles.imageId, productImages.id))
    .where(
      and(
        eq(productImages.storeId, storeId),
        inArray(
          productImages.productId,
          stored.map((p) => p.id),
        ),
      ),
    )
    .orderBy(asc(productImages.productId), asc(productImages.position), asc(productImages.id));
  const shown = new Map(stored.map((p) => [p.id, p.imageUrl]));
  for (const row of rows) {
    const manifest = manifestOf(row);
    // The card shows products.image_url; a manifest of another picture would show something else.
    if (manifest && imageSrc(row) === shown.get(row.productId)) manifests.set(row.productId, manifest);
  }
  return manifests;
}
