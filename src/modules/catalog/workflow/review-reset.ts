import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import type { Actor } from '../../access/actor.ts';
import { getProduct } from '../products.ts';
import { reviewedFingerprint, translationsUnderReview } from './review-subject.ts';
import {
  findOpenRevision,
  type Revision,
  recordWorkflowStep,
  revisionSnapshot,
  updateRevision,
} from './revision-store.ts';
import { productRevisions } from './schema.ts';

/**
 * A product that is not live is changed in place, whichever way (the editor, a translation, an
 * image). When its own content is in review or approved, such a change sends the review back to
 * `draft`: the reviewer must see the final content, and publishing would refuse what moved after the
 * approval anyway (409 `changed_since_approval`). Every direct path does it the same way, in its own
 * transaction and after locking the product:
 *
 *   const review = await reviewUnderWay(tx, product);      // before the change
 *   … change the product …
 *   const after = await resetReviewIfChanged(tx, actor, review);
 *
 * A bulk operation changes a whole batch at once: it takes `reviewsUnderWay(tx, batch)` before its
 * writes and calls resetReviewIfChanged for each of them after.
 */

export interface ReviewUnderWay {
  storeId: string;
  productId: string;
  /** The not-live product's `review` revision, in review or approved (locked). */
  revision: Revision;
  /** What the review covers before the change (reviewedFingerprint). */
  fingerprint: string;
}

export interface ReviewAfterChange {
  /** The review revision after the change: back in `draft` when the change reset it. */
  revision: Revision;
  /** True when the change sent it back to draft (audited `product.review_reset`). */
  reset: boolean;
}

/**
 * The review of the product's own content that is under way (in review or approved), with the
 * fingerprint of what it covers now; null when there is none (a live product's edits are staged
 * instead, and a draft has nothing to reset). Call it after locking the product, before changing it.
 */
export async function reviewUnderWay(
  tx: Db,
  product: { id: string; storeId: string; status: string },
): Promise<ReviewUnderWay | null> {
  if (product.status === 'active') return null;
  const open = await findOpenRevision(tx, product.id, { lock: true });
  if (open?.kind !== 'review' || (open.state !== 'in_review' && open.state !== 'approved')) return null;
  const detail = await getProduct(tx, product.storeId, product.id);
  return {
    storeId: product.storeId,
    productId: product.id,
    revision: open,
    fingerprint: reviewedFingerprint(open, detail, await translationsUnderReview(tx, detail, open)),
  };
}

/**
 * reviewUnderWay for a batch of locked products, in id order: one query finds the few whose review
 * is under way, so a batch of products without one costs nothing more.
 */
export async function reviewsUnderWay(
  tx: Db,
  batch: Iterable<{ id: string; storeId: string; status: string }>,
): Promise<ReviewUnderWay[]> {
  const notLive = new Map([...batch].filter((p) => p.status !== 'active').map((p) => [p.id, p]));
  if (notLive.size === 0) return [];
  const rows = await tx
    .select({ productId: productRevisions.productId })
    .from(productRevisions)
    .where(
      and(
        inArray(productRevisions.productId, [...notLive.keys()]),
        eq(productRevisions.kind, 'review'),
        inArray(productRevisions.state, ['in_review', 'approved']),
      ),
    )
    .orderBy(asc(productRevisions.productId));
  const reviews: ReviewUnderWay[] = [];
  for (const { productId } of rows) {
    const review = await reviewUnderWay(tx, notLive.get(productId)!);
    if (review) reviews.push(review);
  }
  return reviews;
}

/**
 * After a direct change: when what the review covers changed, the review goes back to `draft` (its
 * approval dropped), audited as `product.review_reset` and announced, to be submitted again. A change
 * that leaves the content as it was keeps the review where it is. Null when no review was under way.
 * `auditContext` is merged into the audit entry's `after` (a bulk operation's `{ bulkOperationId }`).
 */
export async function resetReviewIfChanged(
  tx: Db,
  actor: Actor,
  review: ReviewUnderWay | null,
  auditContext: Record<string, unknown> = {},
): Promise<ReviewAfterChange | null> {
  if (!review) return null;
  const { storeId, productId, revision: open } = review;
  const detail = await getProduct(tx, storeId, productId);
  const now = reviewedFingerprint(open, detail, await translationsUnderReview(tx, detail, open));
  if (now === review.fingerprint) return { revision: open, reset: false };
  const revision = await updateRevision(tx, open.id, { state: 'draft', approvedFingerprint: null });
  await recordWorkflowStep(tx, actor, storeId, productId, 'product.review_reset', revisionSnapshot(open), {
    ...revisionSnapshot(revision),
    ...auditContext,
  });
  return { revision, reset: true };
}
