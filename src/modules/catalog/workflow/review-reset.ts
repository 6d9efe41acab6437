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
 * After a direct change: when what the review covers changed, the review goes back to `draft` (its
 * approval dropped), audited as `product.review_reset` and announced, to be submitted again. A change
 * that leaves the content as it was keeps the review where it is. Null when no review was under way.
 */
export async function resetReviewIfChanged(
  tx: Db,
  actor: Actor,
  review: ReviewUnderWay | null,
): Promise<ReviewAfterChange | null> {
  if (!review) return null;
  const { storeId, productId, revision: open } = review;
  const detail = await getProduct(tx, storeId, productId);
  const now = reviewedFingerprint(open, detail, await translationsUnderReview(tx, detail, open));
  if (now === review.fingerprint) return { revision: open, reset: false };
  const revision = await updateRevision(tx, open.id, { state: 'draft', approvedFingerprint: null });
  await recordWorkflowStep(
    tx,
    actor,
    storeId,
    productId,
    'product.review_reset',
    revisionSnapshot(open),
    revisionSnapshot(revision),
  );
  return { revision, reset: true };
}
