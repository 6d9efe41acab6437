import { createHash } from 'node:crypto';
import { and, eq, or, sql } from 'drizzle-orm';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { emitEvent } from '../../platform/events/index.ts';
import { newId } from '../../platform/ids.ts';
import { type Actor, recordAudit, systemActor } from '../access/index.ts';
import { announceReviewChange } from './change-topic.ts';
import { countPublished } from './review-aggregates.ts';
import { normalisedReviewText, reviewFlagsOf } from './review-flags.ts';
import { type ReviewContentInput, reviewContentInput } from './review-input.ts';
import type { StoredReviewPhoto } from './review-photo-storage.ts';
import { getReviewSettings } from './review-settings.ts';
import { type ReviewFlag, type ReviewStatus, reviewPhotos, reviews } from './schema.ts';

export type Review = typeof reviews.$inferSelect;

/** Who wrote a review and how we know they bought the product. */
export interface ReviewAuthor {
  productId: string;
  variantId?: string | null;
  customerId?: string | null;
  email?: string | null;
  orderId?: string | null;
  verified: boolean;
  locale: string;
}

export const storefrontActor: Actor = systemActor('storefront review form');

export function reviewTextDigest(body: string): string {
  return createHash('sha256').update(normalisedReviewText(body)).digest('hex');
}

/** Whether this author already reviewed the product, or this text was already submitted in the store. */
async function isDuplicate(tx: Db, storeId: string, author: ReviewAuthor, digest: string): Promise<boolean> {
  const sameAuthor = [
    author.customerId ? eq(reviews.customerId, author.customerId) : undefined,
    author.email ? sql`lower(${reviews.authorEmail}) = ${author.email.toLowerCase()}` : undefined,
  ].filter((c) => c !== undefined);
  const [row] = await tx
    .select({ id: reviews.id })
    .from(reviews)
    .where(
      and(
        eq(reviews.storeId, storeId),
        or(
          eq(reviews.textDigest, digest),
          sameAuthor.length > 0 ? and(eq(reviews.productId, author.productId), or(...sameAuthor)) : undefined,
        ),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * Records a customer's review in the caller's transaction: checks the content (400 on bad input,
 * before anything is written), sets the automatic flags, and decides its status — flagged reviews
 * wait, unflagged ones wait or go live by the store's setting. Photos were stored beforehand
 * (content-addressed, so a refused review leaves at most a file no row names).
 */
export async function recordReview(
  tx: Db,
  storeId: string,
  author: ReviewAuthor,
  content: ReviewContentInput,
  photos: readonly StoredReviewPhoto[] = [],
  actor: Actor = storefrontActor,
): Promise<Review> {
  const data = reviewContentInput.parse(content);
  const settings = await getReviewSettings(tx, storeId);
  const textDigest = reviewTextDigest(data.body);
  const flags: ReviewFlag[] = reviewFlagsOf(data, {
    minLength: settings.minLength,
    duplicate: await isDuplicate(tx, storeId, author, textDigest),
  });
  const status: ReviewStatus = flags.length === 0 && settings.autoPublish ? 'published' : 'pending';
  const [review] = await tx
    .insert(reviews)
    .values({
      id: newId('review'),
      storeId,
      productId: author.productId,
      variantId: author.variantId ?? null,
      customerId: author.customerId ?? null,
      authorName: data.authorName,
      authorEmail: author.email ?? null,
      orderId: author.orderId ?? null,
      verified: author.verified,
      rating: data.rating,
      title: data.title,
      body: data.body,
      textDigest,
      status,
      flags,
      locale: author.locale,
      publishedAt: status === 'published' ? now() : null,
    })
    .returning();
  if (photos.length > 0) {
    await tx.insert(reviewPhotos).values(
      photos.map((p, i) => ({
        id: newId('reviewPhoto'),
        storeId,
        reviewId: review!.id,
        position: i + 1,
        storageKey: p.key,
        width: p.width,
        height: p.height,
      })),
    );
  }
  if (status === 'published') {
    await countPublished(tx, storeId, review!.productId, review!.rating, 1);
    await announceReviewChange(tx, storeId);
  }
  await recordAudit(tx, actor, {
    storeId,
    action: 'review.submitted',
    entityType: 'review',
    entityId: review!.id,
    after: { ...review, photos: photos.length },
  });
  await emitEvent(tx, {
    storeId,
    type: 'review.submitted',
    payload: {
      reviewId: review!.id,
      productId: review!.productId,
      rating: review!.rating,
      status,
      flags,
      verified: review!.verified,
    },
  });
  if (status === 'published') {
    await emitEvent(tx, {
      storeId,
      type: 'review.published',
      payload: { reviewId: review!.id, productId: review!.productId, rating: review!.rating },
    });
  }
  return review!;
}
