/** Shapes of the reviews API (src/modules/reviews/). */

export const reviewStatuses = ['pending', 'published', 'rejected'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];

export const reviewFlags = ['contains_link', 'profanity', 'too_short', 'duplicate'] as const;
export type ReviewFlag = (typeof reviewFlags)[number];

export const flagWords: Record<ReviewFlag, string> = {
  contains_link: 'Link',
  profanity: 'Profanity',
  too_short: 'Very short',
  duplicate: 'Duplicate',
};

export interface Review {
  id: string;
  productId: string;
  variantId: string | null;
  authorName: string;
  authorEmail: string | null;
  orderId: string | null;
  verified: boolean;
  rating: number;
  title: string;
  body: string;
  status: ReviewStatus;
  flags: ReviewFlag[];
  reply: string | null;
  repliedAt: string | null;
  repliedBy: string | null;
  locale: string;
  createdAt: string;
  publishedAt: string | null;
  photos: { key: string; width: number; height: number }[];
}

export interface ReviewList {
  items: Review[];
  total: number;
  statusCounts: Record<ReviewStatus, number>;
}
