import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { supportSettings } from '../schema.ts';
import type { TicketRow } from '../ticket-rows.ts';
import { supportCsatSurveys } from './schema.ts';

/** Tickets tagged so are not asked how it went: nobody wants a survey about spam. */
const NO_SURVEY_TAGS = ['spam'];

/**
 * Makes the satisfaction survey of a ticket that was just solved, in the solving transaction: mailed
 * by the `support.csat-mail` job `csatDelayMinutes` later (support settings, default an hour), so a
 * ticket reopened meanwhile is not asked. At most one per ticket: solving it again before the mail
 * left only moves the send time, after that nothing. Not for merged or spam-tagged tickets, or when
 * the store switched surveys off.
 */
export async function queueCsatSurvey(tx: Db, ticket: TicketRow, solvedAt: Date): Promise<void> {
  if (ticket.mergedIntoId || ticket.tags.some((tag) => NO_SURVEY_TAGS.includes(tag))) return;
  const [settings] = await tx
    .select({ enabled: supportSettings.csatEnabled, delay: supportSettings.csatDelayMinutes })
    .from(supportSettings)
    .where(eq(supportSettings.storeId, ticket.storeId));
  if (settings && !settings.enabled) return;
  const sendAfter = new Date(solvedAt.getTime() + (settings?.delay ?? 60) * 60_000);
  await tx
    .insert(supportCsatSurveys)
    .values({ ticketId: ticket.id, storeId: ticket.storeId, email: ticket.requesterEmail, sendAfter })
    .onConflictDoUpdate({
      target: supportCsatSurveys.ticketId,
      set: { sendAfter },
      setWhere: sql`${supportCsatSurveys.sentAt} is null`,
    });
}
