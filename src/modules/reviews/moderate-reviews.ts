import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { emitEvent } from '../../platform/events/index.ts';
import { type Actor, recordAudit } from '../access/index.ts';
import { announceReviewChange } from './change-topic.ts';
import { countPublished } from './review-aggregates.ts';
import { type ReviewStatus, reviews } from './schema.ts';
import type { Review } from './submit-review.ts';

async function lockReviews(tx: Db, storeId: string, ids: readonly string[]): Promise<Review[]> {
  const found = await tx
    .select()
    .from(reviews)
    .where(and(eq(reviews.storeId, storeId), inArray(reviews.id, [...ids])))
    .orderBy(reviews.id)
    .for('update');
  const missing = ids.filter((id) => !found.some((r) => r.id === id));
  if (missing.length > 0) throw notFound('Review', { ids: missing });
  return found;
}

/**
 * Moves reviews to `published` or `rejected` (any status to any other: a published review can be
 * taken down, a rejected one reconsidered), all or none. The product figures follow in the same
 * transaction; a review already in the status is left as it is.
 */
export async function setReviewStatus(
  db: Db,
  storeId: string,
  actor: Actor,
  ids: readonly string[],
  status: Exclude<ReviewStatus, 'pending'>,
): Promise<Review[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) throw badRequest('no_reviews', 'Name at least one review.');
  return db.transaction(async (tx) => {
    const before = await lockReviews(tx, storeId, unique);
    const changed: Review[] = [];
    for (const review of before) {
      if (review.status === status) {
        changed.push(review);
        continue;
      }
      const [after] = await tx
        .update(reviews)
        .set({
          status,
          updatedAt: now(),
          publishedAt: status === 'published' ? now() : review.publishedAt,
        })
        .where(eq(reviews.id, review.id))
        .returning();
      if (status === 'published') await countPublished(tx, storeId, review.productId, review.rating, 1);
      if (review.status === 'published')
        await countPublished(tx, storeId, review.productId, review.rating, -1);
      await recordAudit(tx, actor, {
        storeId,
        action: `review.${status}`,
        entityType: 'review',
        entityId: review.id,
        before: { status: review.status },
        after: { status },
      });
      await emitEvent(tx, {
        storeId,
        type: `review.${status}`,
        payload: {
          reviewId: review.id,
          productId: review.productId,
          rating: review.rating,
          from: review.status,
        },
      });
      changed.push(after!);
    }
    if (before.some((r) => r.status === 'published' || status === 'published')) {
      await announceReviewChange(tx, storeId);
    }
    return changed;
  });
}

export const replyInput = z.object({ reply: z.string().trim().min(1).max(5000) }).strict();

/** Sets (or replaces) the store's public reply to a review; `null` removes it. */
export async function setReviewReply(
  db: Db,
  storeId: string,
  actor: Actor,
  reviewId: string,
  reply: string | null,
): Promise<Review> {
  const text = reply === null ? null : replyInput.parse({ reply }).reply;
  return db.transaction(async (tx) => {
    const [review] = await lockReviews(tx, storeId, [reviewId]);
    const [after] = await tx
      .update(reviews)
      .set({
        reply: text,
        repliedAt: text === null ? null : now(),
        repliedBy: text === null ? null : actor.label,
        updatedAt: now(),
      })
      .where(eq(reviews.id, reviewId))
      .returning();
    const action = text === null ? 'review.reply_removed' : 'review.replied';
    await recordAudit(tx, actor, {
      storeId,
      action,
      entityType: 'review',
      entityId: reviewId,
      before: { reply: review!.reply },
      after: { reply: text },
    });
    await emitEvent(tx, { storeId, type: action, payload: { reviewId, productId: review!.productId } });
    if (review!.status === 'published') await announceReviewChange(tx, storeId);
    return after!;
  });
}

/** Removes a review for good (its photos' rows go with it); a published one leaves the figures. */
export async function deleteReview(db: Db, storeId: string, actor: Actor, reviewId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [review] = await lockReviews(tx, storeId, [reviewId]);
    await tx.delete(reviews).where(eq(reviews.id, reviewId));
    if (review!.status === 'published') {
      await countPublished(tx, storeId, review!.productId, review!.rating, -1);
      await announceReviewChange(tx, storeId);
    }
    await recordAudit(tx, actor, {
      storeId,
      action: 'review.deleted',
      entityType: 'review',
      entityId: reviewId,
      before: review,
    });
    await emitEvent(tx, {
      storeId,
      type: 'review.deleted',
      payload: { reviewId, productId: review!.productId, status: review!.status },
    });
  });
}
