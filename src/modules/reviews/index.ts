/**
 * The reviews module's public face (docs/reviews.md): customers' product reviews with photos, the
 * request e-mail after delivery with single-use verified-purchase links, automatic flags and the
 * moderation queue, public replies, exact per-product figures, CSV export and import.
 */
export { reviewsTopic } from './change-topic.ts';
export * as customerData from './customer-data.ts';
export { customerMayReview, submitCustomerReview, submitReviewWithToken } from './customer-submissions.ts';
export {
  getReview,
  isPublishedPhoto,
  listReviews,
  publishedReviewsOf,
  type ReviewView,
} from './list-reviews.ts';
export { deleteReview, setReviewReply, setReviewStatus } from './moderate-reviews.ts';
export { type ProductRatingSummary, productRatingSummary } from './review-aggregates.ts';
export {
  MAX_REVIEW_PHOTO_BYTES,
  MAX_REVIEW_PHOTOS,
  type ReviewContentInput,
  reviewContentInput,
} from './review-input.ts';
export { REVIEW_PHOTO_PREFIX, reviewPhotoPath, reviewPhotoRoutes } from './review-photo-route.ts';
export { reviewPhotoStorage, type StoredReviewPhoto, storeReviewPhoto } from './review-photo-storage.ts';
export {
  registerReviewRequestJob,
  reviewLinkPath,
  reviewRequestsSchedule,
  sendDueReviewRequests,
  sendReviewRequest,
} from './review-request-job.ts';
export { peekReviewToken, type ReviewRequestToken } from './review-request-tokens.ts';
export { getReviewSettings, type ReviewSettings, updateReviewSettings } from './review-settings.ts';
export {
  LOW_RATING,
  type ReviewsAwaitingModeration,
  reviewsAwaitingModeration,
} from './reviews-awaiting-moderation.ts';
export { exportReviewsCsv, importReviewsCsv, reviewCsvColumns } from './reviews-csv.ts';
export { reviewRoutes } from './routes.ts';
export { type ReviewFlag, type ReviewStatus, reviewFlags, reviewStatuses } from './schema.ts';
export { type Review, recordReview } from './submit-review.ts';
