import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import {
  type CustomerErasure,
  type DataSubject,
  ERASED_TEXT,
} from '../../platform/personal-data/data-subject.ts';
import { redactedText } from '../../platform/personal-data/redaction.ts';
import { supportCsatSurveys } from './csat/schema.ts';
import { supportAttachments, supportMessages, supportTickets } from './schema.ts';

async function subjectTicketIds(db: Db, storeId: string, subject: DataSubject): Promise<string[]> {
  const rows = await db
    .select({ id: supportTickets.id })
    .from(supportTickets)
    .where(
      and(
        eq(supportTickets.storeId, storeId),
        or(
          eq(supportTickets.customerId, subject.id),
          sql`lower(${supportTickets.requesterEmail}) = ${subject.email}`,
        ),
      ),
    );
  return rows.map((r) => r.id);
}

/**
 * The support inbox's part of a privacy request (docs/privacy.md): the customer's tickets with
 * their whole threads (staff answers and internal notes about them included), the attachments'
 * names, types and sizes (the files themselves stay in the inbox), and their satisfaction surveys
 * (rating and comment; not the link token's digest).
 */
export async function exportCustomerData(db: Db, storeId: string, subject: DataSubject) {
  const ids = await subjectTicketIds(db, storeId, subject);
  if (ids.length === 0) {
    return { support_tickets: [], support_messages: [], support_attachments: [], support_csat_surveys: [] };
  }
  return {
    support_tickets: await db
      .select()
      .from(supportTickets)
      .where(inArray(supportTickets.id, ids))
      .orderBy(supportTickets.createdAt),
    support_messages: await db
      .select()
      .from(supportMessages)
      .where(inArray(supportMessages.ticketId, ids))
      .orderBy(supportMessages.createdAt),
    support_attachments: await db
      .select({
        id: supportAttachments.id,
        ticketId: supportAttachments.ticketId,
        messageId: supportAttachments.messageId,
        filename: supportAttachments.filename,
        contentType: supportAttachments.contentType,
        size: supportAttachments.size,
        createdAt: supportAttachments.createdAt,
      })
      .from(supportAttachments)
      .where(inArray(supportAttachments.ticketId, ids)),
    support_csat_surveys: await db
      .select({
        ticketId: supportCsatSurveys.ticketId,
        email: supportCsatSurveys.email,
        sentAt: supportCsatSurveys.sentAt,
        rating: supportCsatSurveys.rating,
        ratedAt: supportCsatSurveys.ratedAt,
        comment: supportCsatSurveys.comment,
        commentedAt: supportCsatSurveys.commentedAt,
      })
      .from(supportCsatSurveys)
      .where(inArray(supportCsatSurveys.ticketId, ids)),
  };
}

/**
 * Erases the customer's correspondence in the caller's transaction. Tickets stay (numbers,
 * statuses and response times are the team's figures) with the tombstone address, no name and
 * no subject; satisfaction surveys keep their rating only; every message body of those threads is
 * replaced (answers quote and greet the person), senders' addresses become the tombstone;
 * attachments' rows go and their files are returned for deletion after commit (only files no
 * other attachment shares: storage is content-addressed).
 */
export async function eraseCustomerData(
  tx: Db,
  storeId: string,
  subject: DataSubject,
): Promise<CustomerErasure> {
  const ids = await subjectTicketIds(tx, storeId, subject);
  if (ids.length === 0) return {};
  await tx
    .update(supportTickets)
    .set({ requesterEmail: subject.tombstoneEmail, requesterName: null, subject: ERASED_TEXT })
    .where(inArray(supportTickets.id, ids));
  await tx
    .update(supportMessages)
    .set({
      bodyText: ERASED_TEXT,
      bodyHtml: null,
      fromEmail: sql`case when ${supportMessages.fromEmail} is null then null else ${subject.tombstoneEmail} end`,
      authorLabel: redactedText(supportMessages.authorLabel, subject),
    })
    .where(inArray(supportMessages.ticketId, ids));
  // The rating stays (the team's satisfaction figures); the address and the words go, and the
  // survey's link stops working.
  await tx
    .update(supportCsatSurveys)
    .set({
      email: subject.tombstoneEmail,
      comment: sql`case when ${supportCsatSurveys.comment} is null then null else ${ERASED_TEXT} end`,
      tokenHash: null,
      tokenExpiresAt: null,
    })
    .where(inArray(supportCsatSurveys.ticketId, ids));
  const removed = await tx
    .delete(supportAttachments)
    .where(inArray(supportAttachments.ticketId, ids))
    .returning({ blobKey: supportAttachments.blobKey });
  const keys = [...new Set(removed.map((r) => r.blobKey))];
  if (keys.length === 0) return {};
  const shared = await tx
    .select({ blobKey: supportAttachments.blobKey })
    .from(supportAttachments)
    .where(inArray(supportAttachments.blobKey, keys));
  const stillUsed = new Set(shared.map((r) => r.blobKey));
  return { blobKeys: keys.filter((k) => !stillUsed.has(k)) };
}
