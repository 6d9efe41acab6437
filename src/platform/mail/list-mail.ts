import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { badRequest, notFound } from '../errors.ts';
import { type MailState, mailMessages } from './schema.ts';

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
  state?: MailState;
  /** The id of the last message of the previous page: only messages older than it. */
  before?: string;
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
        query.state ? eq(mailMessages.state, query.state) : undefined,
        // Compared in the database: its timestamps have microseconds, JavaScript dates do not.
        query.before
          ? sql`(${mailMessages.createdAt}, ${mailMessages.id}) < (select m.created_at, m.id from ${mailMessages} m where m.id = ${query.before} and m.store_id = ${storeId})`
          : undefined,
      ),
    )
    .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
    .limit(query.limit ?? 50);
}

/**
 * A page of the store's messages for the outbox screen: `nextBefore` asks for the next (older) page,
 * null on the last. A `before` that is not one of the store's messages is refused (400), not read as
 * an empty page.
 */
export async function listMailPage(db: Db, storeId: string, query: MailQuery & { limit: number }) {
  if (query.before) {
    const [cursor] = await db
      .select({ id: mailMessages.id })
      .from(mailMessages)
      .where(and(eq(mailMessages.storeId, storeId), eq(mailMessages.id, query.before)));
    if (!cursor) {
      throw badRequest('invalid_cursor', 'before is not a message of this store.', { path: 'before' });
    }
  }
  const rows = await listMail(db, storeId, { ...query, limit: query.limit + 1 });
  const items = rows.slice(0, query.limit);
  return { items, nextBefore: rows.length > query.limit ? items[items.length - 1]!.id : null };
}

/** One of a store's messages with its text and HTML; attachments by name only. */
export async function getMail(db: Db, storeId: string, id: string) {
  const [message] = await db
    .select({
      ...summaryColumns,
      text: mailMessages.text,
      html: mailMessages.html,
      headers: mailMessages.headers,
    })
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

/**
 * The delivery state of messages by id (a newsletter follows its recipients' messages): ids that
 * are not messages are left out of the answer.
 */
export async function mailStatesOf(db: Db, ids: readonly string[]): Promise<Map<string, MailState>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: mailMessages.id, state: mailMessages.state })
    .from(mailMessages)
    .where(inArray(mailMessages.id, [...ids]));
  return new Map(rows.map((row) => [row.id, row.state]));
}
