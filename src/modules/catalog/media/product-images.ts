import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { BlobStorage } from '../../../platform/blob-storage/blob-storage.ts';
import type { Db } from '../../../platform/db/database.ts';
import { notFound, unprocessable } from '../../../platform/errors.ts';
import { emitEvent } from '../../../platform/events/outbox.ts';
import { newId } from '../../../platform/ids.ts';
import { recordAudit } from '../../access/index.ts';
import { announceCatalogChange } from '../change-topic.ts';
import type { CatalogWriter } from '../products.ts';
import { catalogTranslations, productImages, products, productVariants } from '../schema.ts';
import { IMAGE_ALT_FIELD } from '../translations/translatable-fields.ts';
import { type ReviewUnderWay, resetReviewIfChanged, reviewUnderWay } from '../workflow/review-reset.ts';
import { changesAreStagedFor } from '../workflow/stage-product-change.ts';
import { renderImageSizes } from './image-sizes.ts';
import { imageSrc } from './image-source.ts';
import { productImageFiles } from './schema.ts';
import {
  type StagedGalleryChange,
  stagedGalleryOf,
  stagedRevisionRef,
  stageImageRemoval,
  stageImageUpdate,
  stageReorder,
  stageUpload,
} from './staged-gallery.ts';

/**
 * The gallery of one product, edited image by image: upload, alt text per locale, order, variant
 * images, delete. Every change locks the product row, keeps `products.image_url` (the first image,
 * for listings) and `updated_at` (sitemap lastmod, list order) in step, and is audited, announced to
 * caches and emitted as `product.updated`, all in one transaction.
 * Someone without catalog:publish changing a live product (or one with staged changes) changes the
 * gallery its staged revision proposes instead (staged-gallery.ts): the live gallery stays as it is
 * until a reviewer publishes the revision. An upload's file is stored either way.
 */

/** Largest upload accepted. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** As many images as a product may list (the same bound as the product API's `images`). */
export const MAX_IMAGES_PER_PRODUCT = 250;
export const MAX_ALT_CHARS = 512;

export interface GalleryStore {
  id: string;
  /** The default locale: its alt text is kept on the image itself. */
  locale: string;
  /** Every locale the store serves, the default first. */
  locales: readonly string[];
}

export interface GalleryImage {
  id: string;
  position: number;
  /** Where the image is shown from: `/media/<key>` once stored, else the URL it was recorded with. */
  url: string | null;
  sourceUrl: string | null;
  mediaKey: string | null;
  width: number | null;
  height: number | null;
  /** Alt text in the store's default locale. */
  alt: string | null;
  /** Alt text in every locale that has one, the default included. */
  altByLocale: Record<string, string>;
  format: string | null;
  bytes: number | null;
  sizes: { key: string; width: number; height: number }[];
  variantIds: string[];
  download: { status: string; errorCode: string | null; error: string | null; attempts: number } | null;
}

type Tx = Db;

async function lockProduct(tx: Tx, storeId: string, productId: string) {
  const [product] = await tx
    .select({ id: products.id, storeId: products.storeId, status: products.status, handle: products.handle })
    .from(products)
    .where(and(eq(products.storeId, storeId), eq(products.id, productId)))
    .for('update');
  if (!product) throw notFound('Product');
  return product;
}

/**
 * A change as the API answers it: applied to the gallery, or staged in the product's revision. An
 * applied change to a product that is not live names the review of its content that was under way
 * (`revision`), and `reviewReset` says when the change sent it back to draft.
 */
export type GalleryChange =
  | ({ staged: false } & StagedGalleryChange)
  | ({ staged: true } & StagedGalleryChange);

const applied = (
  change: { images: GalleryImage[]; review: Awaited<ReturnType<typeof resetReviewIfChanged>> },
  imageId?: string,
): GalleryChange => ({
  staged: false,
  image: imageId ? (change.images.find((i) => i.id === imageId) ?? null) : null,
  images: change.images,
  revision: change.review ? stagedRevisionRef(change.review.revision) : null,
  reviewReset: change.review?.reset ?? false,
});

const staged = (change: StagedGalleryChange): GalleryChange => ({ staged: true, ...change });

/** The product's gallery with files, translations and variant links, in position order. */
export async function loadGallery(db: Db, store: GalleryStore, productId: string): Promise<GalleryImage[]> {
  const rows = await db
    .select({ image: productImages, file: productImageFiles })
    .from(productImages)
    .leftJoin(productImageFiles, eq(productImageFiles.imageId, productImages.id))
    .where(and(eq(productImages.storeId, store.id), eq(productImages.productId, productId)))
    .orderBy(asc(productImages.position), asc(productImages.id));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.image.id);
  const [translations, variants] = await Promise.all([
    db
      .select({
        entityId: catalogTranslations.entityId,
        locale: catalogTranslations.locale,
        value: catalogTranslations.value,
      })
      .from(catalogTranslations)
      .where(and(inArray(catalogTranslations.entityId, ids), eq(catalogTranslations.field, IMAGE_ALT_FIELD))),
    db
      .select({ id: productVariants.id, imageId: productVariants.imageId })
      .from(productVariants)
      .where(eq(productVariants.productId, productId))
      .orderBy(asc(productVariants.position)),
  ]);
  return rows.map(({ image, file }) => {
    const altByLocale: Record<string, string> = {};
    if (image.alt) altByLocale[store.locale] = image.alt;
    for (const t of translations) if (t.entityId === image.id) altByLocale[t.locale] = t.value;
    return {
      id: image.id,
      position: image.position,
      url: imageSrc(image),
      sourceUrl: image.sourceUrl,
      mediaKey: image.mediaKey,
      width: image.width,
      height: image.height,
      alt: image.alt,
      altByLocale,
      format: file?.format ?? null,
      bytes: file?.bytes ?? null,
      sizes: file?.sizes ?? [],
      variantIds: variants.filter((v) => v.imageId === image.id).map((v) => v.id),
      download: file?.downloadStatus
        ? {
            status: file.downloadStatus,
            errorCode: file.downloadErrorCode,
            error: file.downloadError,
            attempts: file.downloadAttempts,
          }
        : null,
    };
  });
}

/**
 * The gallery of a product of the store (404 when the store has no such product), with the gallery
 * its open staged revision proposes, if it has one.
 */
export async function productGallery(db: Db, store: GalleryStore, productId: string) {
  const images = await loadGallery(db, store, productId);
  if (images.length === 0) {
    // An empty gallery and an unknown product look alike; only the second is a 404.
    const [product] = await db
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.storeId, store.id), eq(products.id, productId)));
    if (!product) throw notFound('Product');
  }
  return { images, staged: await stagedGalleryOf(db, store, productId, images) };
}

/** What the audit log keeps of a gallery: enough to see what moved, changed or went. */
function gallerySnapshot(gallery: GalleryImage[]) {
  return gallery.map(({ id, position, url, alt, altByLocale, variantIds }) => ({
    id,
    position,
    url,
    alt,
    altByLocale,
    variantIds,
  }));
}

/** Keeps the product row in step with its gallery: the first image for listings, and the change time. */
async function touchProduct(tx: Tx, productId: string) {
  const [first] = await tx
    .select({ mediaKey: productImages.mediaKey, sourceUrl: productImages.sourceUrl })
    .from(productImages)
    .where(eq(productImages.productId, productId))
    .orderBy(asc(productImages.position), asc(productImages.id))
    .limit(1);
  await tx
    .update(products)
    .set({ imageUrl: first ? imageSrc(first) : null, updatedAt: new Date() })
    .where(eq(products.id, productId));
}

/**
 * Audits, announces and emits a change to the gallery; images of a product that is not live are part
 * of what its reviewer approves, so a review under way (taken before the change) goes back to draft
 * when they changed.
 */
async function finishChange(
  tx: Tx,
  writer: CatalogWriter,
  store: GalleryStore,
  productId: string,
  handle: string,
  action: string,
  before: GalleryImage[],
  review: ReviewUnderWay | null,
) {
  await touchProduct(tx, productId);
  const after = await loadGallery(tx, store, productId);
  await announceCatalogChange(tx, store.id);
  await recordAudit(tx, writer.actor, {
    storeId: store.id,
    action,
    entityType: 'product',
    entityId: productId,
    before: { images: gallerySnapshot(before) },
    after: { images: gallerySnapshot(after) },
  });
  await emitEvent(tx, {
    storeId: store.id,
    type: 'product.updated',
    payload: { id: productId, handle, changed: ['images'] },
  });
  return { images: after, review: await resetReviewIfChanged(tx, writer.actor, review) };
}

export interface UploadInput {
  bytes: Buffer;
  /** Alt text in the store's default locale. */
  alt?: string | null;
}

/**
 * Adds an uploaded image at the end of the gallery. The bytes must decode as a JPEG, PNG, WebP, GIF
 * or AVIF (422 `unsupported_image` / `corrupt_image` / `image_too_large` otherwise); only the
 * published original (upright, metadata stripped) and its sizes are stored.
 */
export async function uploadProductImage(
  db: Db,
  storage: BlobStorage,
  writer: CatalogWriter,
  store: GalleryStore,
  productId: string,
  input: UploadInput,
): Promise<GalleryChange & { image: GalleryImage }> {
  // Refuse early what the transaction would refuse, before spending seconds on the image.
  const [known] = await db
    .select({ status: products.status })
    .from(products)
    .where(and(eq(products.storeId, store.id), eq(products.id, productId)));
  if (!known) throw notFound('Product');
  const manifest = await renderImageSizes(input.bytes, { storage });
  const original = manifest.original;
  const stored = await storage.get(original.key);
  stored?.stream.destroy();
  const bytes = stored?.size ?? input.bytes.length;
  const sizes = manifest.sizes.map(({ key, width, height }) => ({ key, width, height }));
  const imageId = newId('productImage');
  return db.transaction(async (tx) => {
    const product = await lockProduct(tx, store.id, productId);
    const before = await loadGallery(tx, store, productId);
    if (await changesAreStagedFor(tx, writer, product)) {
      // The file is stored; attaching it to the live product waits for review.
      const change = staged(
        await stageUpload(tx, writer, store, productId, before, {
          key: original.key,
          width: original.width,
          height: original.height,
          format: original.format,
          bytes,
          sizes,
          alt: input.alt?.trim() || null,
          maxImages: MAX_IMAGES_PER_PRODUCT,
        }),
      );
      return { ...change, image: change.image! };
    }
    if (before.length >= MAX_IMAGES_PER_PRODUCT) {
      throw unprocessable('too_many_images', `A product has at most ${MAX_IMAGES_PER_PRODUCT} images.`);
    }
    const review = await reviewUnderWay(tx, product);
    const position = (before.at(-1)?.position ?? 0) + 1;
    await tx.insert(productImages).values({
      id: imageId,
      storeId: store.id,
      productId,
      position,
      mediaKey: original.key,
      width: original.width,
      height: original.height,
      alt: input.alt?.trim() || null,
    });
    await tx.insert(productImageFiles).values({
      imageId,
      storeId: store.id,
      format: original.format,
      bytes,
      sizes,
    });
    const change = await finishChange(
      tx,
      writer,
      store,
      productId,
      product.handle,
      'product.image_added',
      before,
      review,
    );
    return { ...applied(change), image: change.images.find((i) => i.id === imageId)! };
  });
}

export interface ImageChanges {
  /** New alt text for `locale` (the default locale when omitted); null or blank removes it. */
  alt?: string | null;
  locale?: string;
  /** The variants that show this image; variants left out stop showing it. */
  variantIds?: string[];
}

export async function updateProductImage(
  db: Db,
  writer: CatalogWriter,
  store: GalleryStore,
  productId: string,
  imageId: string,
  changes: ImageChanges,
): Promise<GalleryChange> {
  const locale = changes.locale ?? store.locale;
  if (!store.locales.includes(locale)) {
    // The same answer as the translations API gives for a locale the store does not serve.
    throw unprocessable(
      'locale_not_enabled',
      `The store does not serve ${locale}; enable it in the store settings first.`,
      { locale, enabled: store.locales },
    );
  }
  return db.transaction(async (tx) => {
    const product = await lockProduct(tx, store.id, productId);
    const before = await loadGallery(tx, store, productId);
    if (await changesAreStagedFor(tx, writer, product)) {
      return staged(
        await stageImageUpdate(tx, writer, store, productId, before, imageId, { ...changes, locale }),
      );
    }
    if (!before.some((i) => i.id === imageId)) throw notFound('Image');
    const review = await reviewUnderWay(tx, product);
    if (changes.alt !== undefined) {
      const alt = changes.alt?.trim() || null;
      if (locale === store.locale) {
        await tx.update(productImages).set({ alt }).where(eq(productImages.id, imageId));
      } else if (alt === null) {
        await tx
          .delete(catalogTranslations)
          .where(
            and(
              eq(catalogTranslations.entityId, imageId),
              eq(catalogTranslations.locale, locale),
              eq(catalogTranslations.field, IMAGE_ALT_FIELD),
            ),
          );
      } else {
        await tx
          .insert(catalogTranslations)
          .values({
            storeId: store.id,
            entityId: imageId,
            productId,
            locale,
            field: IMAGE_ALT_FIELD,
            value: alt,
          })
          .onConflictDoUpdate({
            target: [catalogTranslations.entityId, catalogTranslations.locale, catalogTranslations.field],
            set: { value: alt, updatedAt: new Date() },
          });
      }
    }
    if (changes.variantIds !== undefined) {
      const wanted = [...new Set(changes.variantIds)];
      const own = await tx
        .select({ id: productVariants.id })
        .from(productVariants)
        .where(eq(productVariants.productId, productId));
      const ownIds = new Set(own.map((v) => v.id));
      const unknown = wanted.filter((id) => !ownIds.has(id));
      if (unknown.length > 0) {
        throw unprocessable('unknown_variant', 'Some variants are not variants of this product.', {
          variantIds: unknown,
        });
      }
      await tx
        .update(productVariants)
        .set({ imageId: null, updatedAt: new Date() })
        .where(and(eq(productVariants.productId, productId), eq(productVariants.imageId, imageId)));
      if (wanted.length > 0) {
        await tx
          .update(productVariants)
          .set({ imageId, updatedAt: new Date() })
          .where(and(eq(productVariants.productId, productId), inArray(productVariants.id, wanted)));
      }
    }
    const change = await finishChange(
      tx,
      writer,
      store,
      productId,
      product.handle,
      'product.image_updated',
      before,
      review,
    );
    return applied(change, imageId);
  });
}

/** Puts the gallery in the given order; the list must name every image of the product exactly once. */
export async function reorderProductImages(
  db: Db,
  writer: CatalogWriter,
  store: GalleryStore,
  productId: string,
  imageIds: readonly string[],
): Promise<GalleryChange> {
  return db.transaction(async (tx) => {
    const product = await lockProduct(tx, store.id, productId);
    const before = await loadGallery(tx, store, productId);
    if (await changesAreStagedFor(tx, writer, product)) {
      return staged(await stageReorder(tx, writer, store, productId, before, imageIds));
    }
    const current = new Set(before.map((i) => i.id));
    const given = new Set(imageIds);
    if (
      given.size !== imageIds.length ||
      given.size !== current.size ||
      ![...given].every((id) => current.has(id))
    ) {
      throw unprocessable('image_order_mismatch', 'List every image of the product exactly once.', {
        imageIds: before.map((i) => i.id),
      });
    }
    const review = await reviewUnderWay(tx, product);
    if (imageIds.length > 0) {
      // One statement: positions follow the list's order.
      const cases = sql.join(
        imageIds.map((id, index) => sql`when ${id} then ${index + 1}`),
        sql` `,
      );
      await tx
        .update(productImages)
        .set({ position: sql`(case ${productImages.id} ${cases} end)::integer` })
        .where(eq(productImages.productId, productId));
    }
    return applied(
      await finishChange(
        tx,
        writer,
        store,
        productId,
        product.handle,
        'product.images_reordered',
        before,
        review,
      ),
    );
  });
}

/**
 * Removes an image from the gallery (its variants stop showing it, the rest close up). Its files
 * stay in media storage: content is shared by identical uploads, possibly of other stores.
 */
export async function deleteProductImage(
  db: Db,
  writer: CatalogWriter,
  store: GalleryStore,
  productId: string,
  imageId: string,
): Promise<GalleryChange> {
  return db.transaction(async (tx) => {
    const product = await lockProduct(tx, store.id, productId);
    const before = await loadGallery(tx, store, productId);
    if (await changesAreStagedFor(tx, writer, product)) {
      return staged(await stageImageRemoval(tx, writer, store, productId, before, imageId));
    }
    if (!before.some((i) => i.id === imageId)) throw notFound('Image');
    const review = await reviewUnderWay(tx, product);
    await tx
      .update(productVariants)
      .set({ imageId: null, updatedAt: new Date() })
      .where(and(eq(productVariants.productId, productId), eq(productVariants.imageId, imageId)));
    await tx
      .delete(catalogTranslations)
      .where(and(eq(catalogTranslations.entityId, imageId), eq(catalogTranslations.field, IMAGE_ALT_FIELD)));
    await tx.delete(productImages).where(eq(productImages.id, imageId));
    const rest = before.filter((i) => i.id !== imageId);
    for (const [index, image] of rest.entries()) {
      if (image.position !== index + 1) {
        await tx
          .update(productImages)
          .set({ position: index + 1 })
          .where(eq(productImages.id, image.id));
      }
    }
    return applied(
      await finishChange(
        tx,
        writer,
        store,
        productId,
        product.handle,
        'product.image_deleted',
        before,
        review,
      ),
    );
  });
}
