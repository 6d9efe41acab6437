import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { type CustomerErasure, type DataSubject, ERASED_TEXT } from '../personal-data/data-subject.ts';
import { redactedText } from '../personal-data/redaction.ts';
import { mailMessages } from './schema.ts';

function toSubject(storeId: string, subject: DataSubject) {
  // Recipients are stored as written: a bare address or `Name <address>`.
  return and(
    eq(mailMessages.storeId, storeId),
    sql`exists (select 1 from unnest(${mailMessages.toAddresses}) as recipient where lower(recipient) like ${`%${subject.email}%`})`,
  );
}

/**
 * Mail's part of a privacy request (docs/privacy.md): every message the store sent (or queued) to
 * the customer, with its text and the names of its attachments.
 */
export async function exportCustomerData(db: Db, storeId: string, subject: DataSubject) {
  const rows = await db
    .select({
      id: mailMessages.id,
      topic: mailMessages.topic,
      from: mailMessages.fromAddress,
      to: mailMessages.toAddresses,
      subject: mailMessages.subject,
      text: mailMessages.text,
      attachments: sql<
        string[]
      >`(select coalesce(jsonb_agg(a->>'filename'), '[]'::jsonb) from jsonb_array_elements(${mailMessages.attachments}) a)`,
      state: mailMessages.state,
      createdAt: mailMessages.createdAt,
      sentAt: mailMessages.sentAt,
    })
    .from(mailMessages)
    .where(toSubject(storeId, subject))
    .orderBy(mailMessages.createdAt);
  return { mail_messages: rows };
}

/**
 * Redacts the store's mail to the customer in the caller's transaction: the record that a message
 * of that topic went out (and when) stays, its recipient becomes the tombstone address, its
 * subject, text, HTML and attachments go. A message still queued is failed rather than sent to an
 * address that no longer exists.
 */
export async function eraseCustomerData(
  tx: Db,
  storeId: string,
  subject: DataSubject,
): Promise<CustomerErasure> {
  await tx
    .update(mailMessages)
    .set({
      toAddresses: [subject.tombstoneEmail],
      subject: ERASED_TEXT,
      text: ERASED_TEXT,
      html: null,
      attachments: [],
      lastError: redactedText(mailMessages.lastError, subject),
      state: sql`case when ${mailMessages.state} = 'queued' then 'failed' else ${mailMessages.state} end`,
    })
    .where(toSubject(storeId, subject));
  return {};
}
