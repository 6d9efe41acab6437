import { and, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import { now } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { emitEvent } from '../../../platform/events/index.ts';
import { tokenDigest } from '../../access/index.ts';
import { type CsatRating, supportCsatSurveys } from './schema.ts';

/** A survey link works for 30 days after it was mailed: long enough to answer, short enough to mean that ticket. */
export const CSAT_LINK_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

export interface CsatSurvey {
  ticketId: string;
  rating: CsatRating | null;
  comment: string | null;
}

function byToken(storeId: string, token: string) {
  return and(
    eq(supportCsatSurveys.storeId, storeId),
    eq(supportCsatSurveys.tokenHash, tokenDigest(token)),
    gt(supportCsatSurveys.tokenExpiresAt, sql`now()`),
  );
}

const columns = {
  ticketId: supportCsatSurveys.ticketId,
  rating: supportCsatSurveys.rating,
  comment: supportCsatSurveys.comment,
};

/** The survey a link's token belongs to (of this store, not expired), or null. */
export async function csatSurveyByToken(db: Db, storeId: string, token: string): Promise<CsatSurvey | null> {
  const [row] = await db.select(columns).from(supportCsatSurveys).where(byToken(storeId, token));
  return row ?? null;
}

/**
 * Records the customer's rating: one conditional UPDATE, so of two clicks (or two links) the first
 * stands and the others change nothing. Returns the survey as it now is, with `recorded` true only
 * for the click that set it; null for an unknown or expired token. Emits `support.csat_rated`.
 */
export async function rateTicket(
  db: Db,
  storeId: string,
  token: string,
  rating: CsatRating,
): Promise<(CsatSurvey & { recorded: boolean }) | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(supportCsatSurveys)
      .set({ rating, ratedAt: now() })
      .where(and(byToken(storeId, token), isNull(supportCsatSurveys.rating)))
      .returning(columns);
    if (row) {
      await emitEvent(tx, {
        storeId,
        type: 'support.csat_rated',
        payload: { ticketId: row.ticketId, rating },
      });
      return { ...row, recorded: true };
    }
    const existing = await csatSurveyByToken(tx, storeId, token);
    return existing ? { ...existing, recorded: false } : null;
  });
}

/** Keeps the comment given with a rating, once (a second post changes nothing); false when there is nothing to comment on. */
export async function commentOnRating(
  db: Db,
  storeId: string,
  token: string,
  comment: string,
): Promise<boolean> {
  const text = comment.trim().slice(0, 2000);
  if (!text) return false;
  const rows = await db
    .update(supportCsatSurveys)
    .set({ comment: text, commentedAt: now() })
    .where(
      and(byToken(storeId, token), isNotNull(supportCsatSurveys.rating), isNull(supportCsatSurveys.comment)),
    )
    .returning({ ticketId: supportCsatSurveys.ticketId });
  return rows.length > 0;
}
