import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { unprocessable } from '../../platform/errors.ts';
import { randomToken, tokenDigest } from '../access/index.ts';
import { reviewRequestTokens } from './schema.ts';

/** A review link works for 60 days: long enough to try the product, short enough to mean this purchase. */
export const REVIEW_LINK_LIFETIME_MS = 60 * 24 * 60 * 60 * 1000;

export type ReviewRequestToken = typeof reviewRequestTokens.$inferSelect;

export function reviewLinkExpired() {
  return unprocessable('link_expired', 'This review link has expired or was already used.');
}

/** Makes the link token of one product of an order; only its digest is kept. Returns the token for the e-mail. */
export async function issueReviewToken(
  tx: Db,
  line: Omit<typeof reviewRequestTokens.$inferInsert, 'tokenHash' | 'expiresAt'>,
): Promise<string> {
  const token = randomToken();
  await tx.insert(reviewRequestTokens).values({
    ...line,
    tokenHash: tokenDigest(token),
    expiresAt: new Date(Date.now() + REVIEW_LINK_LIFETIME_MS),
  });
  return token;
}

function usable(storeId: string, token: string) {
  return and(
    eq(reviewRequestTokens.tokenHash, tokenDigest(token)),
    eq(reviewRequestTokens.storeId, storeId),
    isNull(reviewRequestTokens.usedAt),
    gt(reviewRequestTokens.expiresAt, sql`now()`),
  );
}

/** What a token would let its holder review, if used now; nothing is spent. */
export async function peekReviewToken(
  db: Db,
  storeId: string,
  token: string,
): Promise<ReviewRequestToken | null> {
  const [row] = await db.select().from(reviewRequestTokens).where(usable(storeId, token));
  return row ?? null;
}

/**
 * Spends a token: one conditional UPDATE, so of two concurrent submissions exactly one gets it.
 * Null when unknown, of another store, used or expired.
 */
export async function consumeReviewToken(
  tx: Db,
  storeId: string,
  token: string,
): Promise<ReviewRequestToken | null> {
  const [row] = await tx
    .update(reviewRequestTokens)
    .set({ usedAt: sql`now()` })
    .where(usable(storeId, token))
    .returning();
  return row ?? null;
}

export async function markTokenReview(tx: Db, tokenHash: string, reviewId: string): Promise<void> {
  await tx.update(reviewRequestTokens).set({ reviewId }).where(eq(reviewRequestTokens.tokenHash, tokenHash));
}
