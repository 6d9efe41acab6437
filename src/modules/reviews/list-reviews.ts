import { and, arrayContains, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors.ts';
import { getProduct } from '../catalog/index.ts';
import { reviewFlags, reviewPhotos, reviewStatuses, reviews } from './schema.ts';
import type { Review } from './submit-review.ts';

export const reviewListQuery = z
  .object({
    status: z.enum(reviewStatuses).optional(),
    rating: z.coerce.number().int().min(1).max(5).optional(),
    productId: z.string().min(1).max(64).optional(),
    flag: z.enum(reviewFlags).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
export type ReviewListQuery = z.input<typeof reviewListQuery>;

export interface ReviewPhotoView {
  key: string;
  width: number;
  height: number;
}

export type ReviewView = Omit<Review, 'textDigest'> & { photos: ReviewPhotoView[] };

async function withPhotos(db: Db, rows: Review[]): Promise<ReviewView[]> {
  if (rows.length === 0) return [];
  const photos = await db
    .select()
    .from(reviewPhotos)
    .where(
      inArray(
        reviewPhotos.reviewId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(reviewPhotos.reviewId), asc(reviewPhotos.position));
  return rows.map(({ textDigest: _, ...r }) => ({
    ...r,
    photos: photos
      .filter((p) => p.reviewId === r.id)
      .map((p) => ({ key: p.storageKey, width: p.width, height: p.height })),
  }));
}

/** The products' titles for the queue (a page names a few products); a deleted product has none. */
async function productTitles(db: Db, storeId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  for (const id of new Set(ids)) {
    const detail = await getProduct(db, storeId, id).catch(() => null);
    if (detail) titles.set(id, detail.product.title);
  }
  return titles;
}

function conditions(storeId: string, q: z.output<typeof reviewListQuery>): SQL {
  return and(
    eq(reviews.storeId, storeId),
    q.status ? eq(reviews.status, q.status) : undefined,
    q.rating ? eq(reviews.rating, q.rating) : undefined,
    q.productId ? eq(reviews.productId, q.productId) : undefined,
    q.flag ? arrayContains(reviews.flags, [q.flag]) : undefined,
  )!;
}

/** The moderation queue: a store's reviews by filter, newest first, with the total and counts per status. */
export async function listReviews(db: Db, storeId: string, query: ReviewListQuery = {}) {
  const q = reviewListQuery.parse(query);
  const where = conditions(storeId, q);
  const [rows, [total], perStatus] = await Promise.all([
    db
      .select()
      .from(reviews)
      .where(where)
      .orderBy(desc(reviews.createdAt), desc(reviews.id))
      .limit(q.limit)
      .offset(q.offset),
    db.select({ n: count() }).from(reviews).where(where),
    db
      .select({ status: reviews.status, n: count() })
      .from(reviews)
      .where(eq(reviews.storeId, storeId))
      .groupBy(reviews.status),
  ]);
  const statusCounts = Object.fromEntries(reviewStatuses.map((s) => [s, 0])) as Record<
    (typeof reviewStatuses)[number],
    number
  >;
  for (const row of perStatus) statusCounts[row.status] = Number(row.n);
  const titles = await productTitles(
    db,
    storeId,
    rows.map((r) => r.productId),
  );
  const items = (await withPhotos(db, rows)).map((r) => ({
    ...r,
    productTitle: titles.get(r.productId) ?? null,
  }));
  return { items, total: Number(total?.n ?? 0), statusCounts };
}

export async function getReview(db: Db, storeId: string, reviewId: string): Promise<ReviewView> {
  const [row] = await db
    .select()
    .from(reviews)
    .where(and(eq(reviews.storeId, storeId), eq(reviews.id, reviewId)));
  if (!row) throw notFound('Review', { id: reviewId });
  return (await withPhotos(db, [row]))[0]!;
}

/** A product's published reviews for its page, newest first. */
export async function publishedReviewsOf(
  db: Db,
  storeId: string,
  productId: string,
  limit = 20,
): Promise<ReviewView[]> {
  const rows = await db
    .select()
    .from(reviews)
    .where(
      and(eq(reviews.storeId, storeId), eq(reviews.productId, productId), eq(reviews.status, 'published')),
    )
    .orderBy(desc(reviews.publishedAt), desc(reviews.id))
    .limit(limit);
  return withPhotos(db, rows);
}

/** Whether a published review shows this photo (only those are served to the public). */
export async function isPublishedPhoto(db: Db, key: string): Promise<boolean> {
  const [row] = await db
    .select({ id: reviewPhotos.id })
    .from(reviewPhotos)
    .innerJoin(reviews, eq(reviews.id, reviewPhotos.reviewId))
    .where(and(eq(reviewPhotos.storageKey, key), eq(reviews.status, 'published')))
    .limit(1);
  return row !== undefined;
}

/** Whether a review of the store has this photo (the admin sees photos of reviews in any status). */
export async function isStorePhoto(db: Db, storeId: string, key: string): Promise<boolean> {
  const [row] = await db
    .select({ id: reviewPhotos.id })
    .from(reviewPhotos)
    .where(and(eq(reviewPhotos.storeId, storeId), eq(reviewPhotos.storageKey, key)))
    .limit(1);
  return row !== undefined;
}
