import { and, asc, eq, isNull, notExists, sql } from 'drizzle-orm';
import type { BlobStorage } from '../../../platform/blob-storage/blob-storage.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { eventsOfTypes, type OutboxConsumer } from '../../../platform/events/index.ts';
import { enqueueJob, type JobRunner } from '../../../platform/jobs/index.ts';
import { announceCatalogChange } from '../change-topic.ts';
import { productImages, products } from '../schema.ts';
import { generateImageSizes } from './image-sizes.ts';
import { imageSrc } from './image-source.ts';
import { type FetchRemoteImageOptions, fetchRemoteImage } from './remote-image.ts';
import { productImageFiles } from './schema.ts';

/**
 * Images recorded by URL (CSV imports, the API's `images[].url`) are copied into media storage in
 * the background, so the store serves them itself, in every size, even if the source goes away.
 * A product change that leaves such images behind queues one job for the product; the job fetches
 * each image through the SSRF-guarded client and records the outcome on the image. A failure is
 * recorded and the image keeps showing from its URL: it never fails the import or the job.
 */

export const DOWNLOAD_IMAGES_JOB = 'catalog.media.download-images';

export interface DownloadImagesPayload {
  storeId: string;
  productId: string;
}

/** Events after which a product may have images to fetch. */
const productChangeEvents = new Set(['product.created', 'product.updated', 'product.published']);

function awaitingDownload(productId: string) {
  return and(
    eq(productImages.productId, productId),
    isNull(productImages.mediaKey),
    sql`${productImages.sourceUrl} ~* '^https?://'`,
    notExists(
      sql`(select 1 from ${productImageFiles} where ${productImageFiles.imageId} = ${productImages.id} and ${productImageFiles.downloadStatus} = 'failed')`,
    ),
  );
}

/** Queues the download job for a product that has images recorded by URL and not yet stored. */
export const remoteImageConsumer: OutboxConsumer = {
  name: 'catalog.media.remote-images',
  select: eventsOfTypes(productChangeEvents),
  async handle(db, event) {
    if (!productChangeEvents.has(event.type) || !event.storeId) return;
    const productId = (event.payload as { id?: unknown }).id;
    if (typeof productId !== 'string') return;
    const [waiting] = await db
      .select({ id: productImages.id })
      .from(productImages)
      .where(awaitingDownload(productId))
      .limit(1);
    if (!waiting) return;
    const payload: DownloadImagesPayload = { storeId: event.storeId, productId };
    // One job per product at a time; the job looks again before it ends, so nothing added meanwhile is missed.
    await enqueueJob(db, DOWNLOAD_IMAGES_JOB, payload, { uniqueKey: `${DOWNLOAD_IMAGES_JOB}:${productId}` });
  },
};

export interface DownloadImagesOptions {
  storage: BlobStorage;
  /** Passed to the fetch (timeouts, size limit; `allowPrivateAddresses` only in tests). */
  fetch?: Omit<FetchRemoteImageOptions, 'storage'>;
}

export interface DownloadOutcome {
  imageId: string;
  ok: boolean;
  reason?: string;
}

async function recordFailure(db: Db, storeId: string, imageId: string, code: string, message: string) {
  await db
    .insert(productImageFiles)
    .values({
      imageId,
      storeId,
      downloadStatus: 'failed',
      downloadErrorCode: code,
      downloadError: message,
      downloadAttempts: 1,
    })
    .onConflictDoUpdate({
      target: productImageFiles.imageId,
      set: {
        downloadStatus: 'failed',
        downloadErrorCode: code,
        downloadError: message,
        downloadAttempts: sql`${productImageFiles.downloadAttempts} + 1`,
        updatedAt: new Date(),
      },
    });
}

/**
 * Fetches every image of the product that is recorded by URL only, one at a time. Returns what
 * happened to each. Throws only for this server's own trouble (database, disk), so the job retries.
 */
export async function downloadProductImages(
  db: Db,
  payload: DownloadImagesPayload,
  options: DownloadImagesOptions,
): Promise<DownloadOutcome[]> {
  const outcomes: DownloadOutcome[] = [];
  const tried = new Set<string>();
  for (;;) {
    const waiting = (
      await db
        .select({ id: productImages.id, sourceUrl: productImages.sourceUrl, storeId: productImages.storeId })
        .from(productImages)
        .where(and(eq(productImages.storeId, payload.storeId), awaitingDownload(payload.productId)))
        .orderBy(asc(productImages.position))
    ).filter((image) => !tried.has(image.id));
    if (waiting.length === 0) return outcomes;
    for (const image of waiting) {
      tried.add(image.id);
      outcomes.push(
        await downloadOne(db, image.id, image.storeId, image.sourceUrl!, payload.productId, options),
      );
    }
  }
}

async function downloadOne(
  db: Db,
  imageId: string,
  storeId: string,
  url: string,
  productId: string,
  options: DownloadImagesOptions,
): Promise<DownloadOutcome> {
  const fetched = await fetchRemoteImage(url, { ...options.fetch, storage: options.storage });
  if (!fetched.ok) {
    await recordFailure(db, storeId, imageId, fetched.reason, fetched.message);
    return { imageId, ok: false, reason: fetched.reason };
  }
  let manifest: Awaited<ReturnType<typeof generateImageSizes>>;
  try {
    manifest = await generateImageSizes(fetched.key, { storage: options.storage });
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    await recordFailure(db, storeId, imageId, err.code, err.message);
    return { imageId, ok: false, reason: err.code };
  }
  const { original } = manifest;
  await db.transaction(async (tx) => {
    // The image may have been removed or replaced while it was downloading: then there is nothing to do.
    const [stored] = await tx
      .update(productImages)
      .set({ mediaKey: original.key, width: original.width, height: original.height })
      .where(and(eq(productImages.id, imageId), isNull(productImages.mediaKey)))
      .returning({ id: productImages.id });
    if (!stored) return;
    const file = {
      format: original.format,
      bytes: fetched.bytes,
      sizes: manifest.sizes.map(({ key, width, height }) => ({ key, width, height })),
      downloadStatus: 'stored',
      downloadErrorCode: null,
      downloadError: null,
    };
    await tx
      .insert(productImageFiles)
      .values({ imageId, storeId, ...file, downloadAttempts: 1 })
      .onConflictDoUpdate({
        target: productImageFiles.imageId,
        set: {
          ...file,
          downloadAttempts: sql`${productImageFiles.downloadAttempts} + 1`,
          updatedAt: new Date(),
        },
      });
    // Listings show the first image; when that is the one just stored, they now show our copy.
    const [first] = await tx
      .select({ id: productImages.id, mediaKey: productImages.mediaKey, sourceUrl: productImages.sourceUrl })
      .from(productImages)
      .where(eq(productImages.productId, productId))
      .orderBy(asc(productImages.position), asc(productImages.id))
      .limit(1);
    if (first?.id === imageId) {
      await tx
        .update(products)
        .set({ imageUrl: imageSrc(first) })
        .where(eq(products.id, productId));
    }
    await announceCatalogChange(tx, storeId);
  });
  return { imageId, ok: true };
}

export function registerMediaJobs(jobs: JobRunner, options: DownloadImagesOptions): void {
  jobs.register<DownloadImagesPayload>(
    DOWNLOAD_IMAGES_JOB,
    async (payload, { db }) => {
      await downloadProductImages(db, payload, options);
    },
    // Each image may take up to the fetch timeout; a product can have many.
    { concurrency: 2, timeoutMs: 30 * 60_000 },
  );
}
