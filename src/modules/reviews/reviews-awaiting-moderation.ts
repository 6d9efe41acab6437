import { and, count, eq, lte, min, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { reviews } from './schema.ts';

/** Ratings at or below this are an unhappy customer waiting for an answer, not only a listing. */
export const LOW_RATING = 2;

export interface ReviewsAwaitingModeration {
  /** Reviews in the moderation queue (`pending`). */
  pending: number;
  /** Of those, the ones rated `LOW_RATING` stars or fewer. */
  lowRated: number;
  /** When the longest-waiting one was submitted; null when the queue is empty. */
  oldestSince: Date | null;
}

/**
 * The moderation queue at a glance for the daily briefing: how many reviews wait, how many of them
 * are unhappy ones, and since when — one indexed aggregate, no review rows travel.
 */
export async function reviewsAwaitingModeration(db: Db, storeId: string): Promise<ReviewsAwaitingModeration> {
  const [row] = await db
    .select({
      n: count(),
      low: sql<number>`count(*) filter (where ${lte(reviews.rating, LOW_RATING)})`,
      oldest: min(reviews.createdAt),
    })
    .from(reviews)
    .where(and(eq(reviews.storeId, storeId), eq(reviews.status, 'pending')));
  return {
    pending: Number(row?.n ?? 0),
    lowRated: Number(row?.low ?? 0),
    oldestSince: row?.oldest ? new Date(row.oldest) : null,
  };
}
