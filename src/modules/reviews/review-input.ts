import { z } from 'zod';

/** What a customer writes. Limits keep a review a review, not a document. */
export const reviewContentInput = z
  .object({
    rating: z.coerce.number().int().min(1).max(5),
    title: z.string().trim().max(150).default(''),
    body: z.string().trim().min(1).max(5000),
    authorName: z.string().trim().min(1).max(80),
  })
  .strict();
export type ReviewContentInput = z.input<typeof reviewContentInput>;

/** At most this many photos per review, each at most this large as uploaded. */
export const MAX_REVIEW_PHOTOS = 4;
export const MAX_REVIEW_PHOTO_BYTES = 8 * 1024 * 1024;
