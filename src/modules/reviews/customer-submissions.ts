import type { Db } from '../../platform/db/database.ts';
import { forbidden } from '../../platform/errors.ts';
import { customerPurchaseOfProduct } from '../orders/index.ts';
import { type ReviewContentInput, reviewContentInput } from './review-input.ts';
import type { StoredReviewPhoto } from './review-photo-storage.ts';
import { consumeReviewToken, markTokenReview, reviewLinkExpired } from './review-request-tokens.ts';
import { type Review, recordReview } from './submit-review.ts';

/**
 * A review through a request e-mail's link: a verified purchase of the link's product. The token is
 * spent in the transaction that records the review, so a refused review leaves the link working and
 * a second submission with it gets 422 `link_expired`.
 */
export async function submitReviewWithToken(
  db: Db,
  storeId: string,
  token: string,
  content: ReviewContentInput,
  photos: readonly StoredReviewPhoto[] = [],
): Promise<Review> {
  reviewContentInput.parse(content);
  return db.transaction(async (tx) => {
    const link = await consumeReviewToken(tx, storeId, token);
    if (!link) throw reviewLinkExpired();
    const review = await recordReview(
      tx,
      storeId,
      {
        productId: link.productId,
        variantId: link.variantId,
        customerId: link.customerId,
        email: link.email,
        orderId: link.orderId,
        verified: true,
        locale: link.locale,
      },
      content,
      photos,
    );
    await markTokenReview(tx, link.tokenHash, review.id);
    return review;
  });
}

/**
 * A signed-in customer's review of a product they received (an order of theirs, not cancelled, with
 * a shipped line of it): a verified purchase. 403 `not_purchased` otherwise.
 */
export async function submitCustomerReview(
  db: Db,
  storeId: string,
  customer: { id: string; email: string },
  productId: string,
  locale: string,
  content: ReviewContentInput,
  photos: readonly StoredReviewPhoto[] = [],
): Promise<Review> {
  reviewContentInput.parse(content);
  return db.transaction(async (tx) => {
    const purchase = await customerPurchaseOfProduct(tx, storeId, customer.id, productId);
    if (!purchase) {
      throw forbidden('not_purchased', 'Only customers who received this product can review it here.');
    }
    return recordReview(
      tx,
      storeId,
      {
        productId,
        variantId: purchase.variantId,
        customerId: customer.id,
        email: customer.email,
        orderId: purchase.orderId,
        verified: true,
        locale,
      },
      content,
      photos,
    );
  });
}

/** Whether a signed-in customer may review the product (they received it). */
export async function customerMayReview(
  db: Db,
  storeId: string,
  customerId: string,
  productId: string,
): Promise<boolean> {
  return (await customerPurchaseOfProduct(db, storeId, customerId, productId)) !== null;
}
