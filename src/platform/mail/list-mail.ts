import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { notFound } from '../errors.ts';
import { mailMessages } from './schema.ts';

/** An attachment as lists show it: what it is, not its bytes. */
export interface AttachmentSummary {
  index: number;
  filename: string;
  contentType: string;
  sizeBytes: number;
}

export interface MailQuery {
  entityType?: string;
  entityId?: string;
  limit?: number;
}

// The attachments' names and sizes (from the base64 length, unpadded), computed in the database so
// bodies never leave it.
const attachmentSummaries = sql<AttachmentSummary[]>`coalesce((
  select jsonb_agg(jsonb_build_object(
    'index', a.ordinality - 1,
    'filename', a.value->>'filename',
    'contentType', a.value->>'contentType',
    'sizeBytes', length(a.value->>'content') / 4 * 3
      - (case when a.value->>'content' like '%==' then 2 when a.value->>'content' like '%=' then 1 else 0 end)
  ) order by a.ordinality)
  from jsonb_array_elements(${mailMessages.attachments}) with ordinality as a
), '[]'::jsonb)`;

const summaryColumns = {
  id: mailMessages.id,
  topic: mailMessages.topic,
  from: mailMessages.fromAddress,
  to: mailMessages.toAddresses,
  replyTo: mailMessages.replyTo,
  subject: mailMessages.subject,
  state: mailMessages.state,
  transport: mailMessages.transport,
  messageId: mailMessages.messageId,
  attempts: mailMessages.attempts,
  lastError: mailMessages.lastError,
  entityType: mailMessages.entityType,
  entityId: mailMessages.entityId,
  createdAt: mailMessages.createdAt,
  sentAt: mailMessages.sentAt,
  attachments: attachmentSummaries,
};

export type MailSummary = Awaited<ReturnType<typeof listMail>>[number];

/** A store's messages, newest first, optionally those about one record; attachments by name only. */
export async function listMail(db: Db, storeId: string, query: MailQuery = {}) {
  return db
    .select(summaryColumns)
    .from(mailMessages)
    .where(
      and(
        eq(mailMessages.storeId, storeId),
        query.entityType ? eq(mailMessages.entityType, query.entityType) : undefined,
        query.entityId ? eq(mailMessages.entityId, query.entityId) : undefined,
      ),
    )
    .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
    .limit(query.limit ?? 50);
}

/** One of a store's messages with its text and HTML; attachments by name only. */
export async function getMail(db: Db, storeId: string, id: string) {
  const [message] = await db
    .select({ ...summaryColumns, text: mailMessages.text, html: mailMessages.html })
    .from(mailMessages)
    .where(and(eq(mailMessages.storeId, storeId), eq(mailMessages.id, id)));
  if (!message) throw notFound('Message', { id });
  return message;
}

/** The bytes of one attachment of a store's message. */
export async function getMailAttachment(db: Db, storeId: string, id: string, index: number) {
  const [message] = await db
    .select({ attachments: mailMessages.attachments })
    .from(mailMessages)
    .where(and(eq(mailMessages.storeId, storeId), eq(mailMessages.id, id)));
  const attachment = message?.attachments[index];
  if (!attachment) throw notFound('Attachment', { id, index });
  return {
    filename: attachment.filename,
    contentType: attachment.contentType,
    content: Buffer.from(attachment.content, 'base64'),
  };
}
