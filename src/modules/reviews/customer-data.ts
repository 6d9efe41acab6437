import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { CustomerErasure, DataSubject } from '../../platform/personal-data/data-subject.ts';
import { redactedText } from '../../platform/personal-data/redaction.ts';
import { reviewPhotos, reviewRequests, reviewRequestTokens, reviews } from './schema.ts';

/** The name an erased customer's reviews are shown under. */
export const ERASED_REVIEW_AUTHOR = 'Former customer';

function subjectReviews(storeId: string, subject: DataSubject) {
  return and(
    eq(reviews.storeId, storeId),
    or(eq(reviews.customerId, subject.id), sql`lower(${reviews.authorEmail}) = ${subject.email}`),
  );
}

function subjectTokens(storeId: string, subject: DataSubject) {
  return and(
    eq(reviewRequestTokens.storeId, storeId),
    or(
      eq(reviewRequestTokens.customerId, subject.id),
      sql`lower(${reviewRequestTokens.email}) = ${subject.email}`,
    ),
  );
}

/**
 * The reviews module's part of a privacy request (docs/privacy.md): the customer's reviews with
 * their photos' addresses, the review requests mailed to them and the links those carried
 * (without the links' secrets).
 */
export async function exportCustomerData(db: Db, storeId: string, subject: DataSubject) {
  const reviewColumns = reviews;
  const rows = await db
    .select({
      id: reviewColumns.id,
      productId: reviewColumns.productId,
      variantId: reviewColumns.variantId,
      orderId: reviewColumns.orderId,
      authorName: reviewColumns.authorName,
      authorEmail: reviewColumns.authorEmail,
      verified: reviewColumns.verified,
      rating: reviewColumns.rating,
      title: reviewColumns.title,
      body: reviewColumns.body,
      status: reviewColumns.status,
      reply: reviewColumns.reply,
      repliedAt: reviewColumns.repliedAt,
      locale: reviewColumns.locale,
      createdAt: reviewColumns.createdAt,
      publishedAt: reviewColumns.publishedAt,
    })
    .from(reviews)
    .where(subjectReviews(storeId, subject))
    .orderBy(reviews.createdAt);
  const ids = rows.map((r) => r.id);
  return {
    reviews: rows,
    review_photos:
      ids.length === 0 ? [] : await db.select().from(reviewPhotos).where(inArray(reviewPhotos.reviewId, ids)),
    review_requests: await db
      .select()
      .from(reviewRequests)
      .where(
        and(eq(reviewRequests.storeId, storeId), sql`lower(${reviewRequests.email}) = ${subject.email}`),
      ),
    review_request_tokens: await db
      .select({
        orderId: reviewRequestTokens.orderId,
        productId: reviewRequestTokens.productId,
        email: reviewRequestTokens.email,
        createdAt: reviewRequestTokens.createdAt,
        expiresAt: reviewRequestTokens.expiresAt,
        usedAt: reviewRequestTokens.usedAt,
        reviewId: reviewRequestTokens.reviewId,
      })
      .from(reviewRequestTokens)
      .where(subjectTokens(storeId, subject)),
  };
}

/**
 * Anonymises the customer's reviews in the caller's transaction. The star rating stays, so the
 * product's figures (`product_review_stats`) do not move and shoppers keep an honest average;
 * the title, text and photos go, the author becomes "Former customer" without an e-mail, and a
 * staff reply loses any identifier. The review links mailed to them are deleted; the record that an order's
 * request was sent stays (so it is never sent again) with the tombstone address. Photo files are
 * returned for deletion after commit.
 */
export async function eraseCustomerData(
  tx: Db,
  storeId: string,
  subject: DataSubject,
): Promise<CustomerErasure> {
  const mine = await tx
    .update(reviews)
    .set({
      authorName: ERASED_REVIEW_AUTHOR,
      authorEmail: null,
      title: '',
      body: '',
      textDigest: sql`'erased-' || ${reviews.id}`,
      reply: redactedText(reviews.reply, subject),
    })
    .where(subjectReviews(storeId, subject))
    .returning({ id: reviews.id });
  await tx.delete(reviewRequestTokens).where(subjectTokens(storeId, subject));
  await tx
    .update(reviewRequests)
    .set({ email: subject.tombstoneEmail })
    .where(and(eq(reviewRequests.storeId, storeId), sql`lower(${reviewRequests.email}) = ${subject.email}`));
  const ids = mine.map((r) => r.id);
  if (ids.length === 0) return {};
  const photos = await tx
    .delete(reviewPhotos)
    .where(inArray(reviewPhotos.reviewId, ids))
    .returning({ storageKey: reviewPhotos.storageKey });
  const keys = [...new Set(photos.map((p) => p.storageKey))];
  if (keys.length === 0) return {};
  const shared = await tx
    .select({ storageKey: reviewPhotos.storageKey })
    .from(reviewPhotos)
    .where(inArray(reviewPhotos.storageKey, keys));
  const stillUsed = new Set(shared.map((r) => r.storageKey));
  return { blobKeys: keys.filter((k) => !stillUsed.has(k)) };
}
