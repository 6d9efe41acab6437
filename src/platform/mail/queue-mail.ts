import type { Db } from '../db/database.ts';
import { unprocessable } from '../errors.ts';
import { newId } from '../ids.ts';
import { jobInsert } from '../jobs/enqueue.ts';
import { type MailAttachment, type MailThreadHeaders, mailMessages } from './schema.ts';

export type MailMessage = typeof mailMessages.$inferSelect;

export const SEND_MAIL_JOB = 'mail.send';

/** With the default backoff (2^n s, capped at 1 h) 12 attempts span about two hours and a quarter. */
export const MAIL_SEND_ATTEMPTS = 12;

export interface SendMailJobPayload {
  messageId: string;
}

export interface OutgoingMail {
  /** Null for mail of the installation rather than of a store. */
  storeId: string | null;
  /** What it is about, e.g. 'purchase_order.sent'. */
  topic: string;
  /** An address, optionally with a display name: `"Linen & Co" <shop@example.com>`. */
  from: string;
  to: readonly string[];
  replyTo?: string | null;
  subject: string;
  text: string;
  html?: string | null;
  attachments?: readonly MailAttachment[];
  /** Threading headers, for a message that answers another (the support inbox's replies). */
  thread?: MailThreadHeaders;
  /**
   * Further headers, sent as they are: `List-Unsubscribe`, `List-Unsubscribe-Post` (RFC 8058) for
   * marketing mail. Names are RFC 5322 field names; values are one line. The ones the transport
   * writes itself (From, To, Subject, Message-ID, threading, MIME) are refused.
   */
  headers?: Readonly<Record<string, string>>;
  /** The record it was sent for, so the admin can list a purchase order's mail. */
  entity?: { type: string; id: string };
  /** The message's id when the caller recorded it before queueing (`newId('mailMessage')`). */
  id?: string;
}

/** One address: something@something, no spaces or angle brackets (display names go in `from` only). */
const plainAddress = /^[^\s@<>"]+@[^\s@<>"]+$/;
const base64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** RFC 5322 field name: printable US-ASCII but the colon. */
const headerName = /^[!-9;-~]+$/;
/** Headers the message's own fields set; a second copy would contradict them. */
const reservedHeaders = new Set([
  'from',
  'to',
  'cc',
  'bcc',
  'reply-to',
  'subject',
  'date',
  'message-id',
  'in-reply-to',
  'references',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
]);

/** Checks extra headers: a bad one is the caller's mistake, refused before anything is stored. */
function checkedHeaders(
  headers: Readonly<Record<string, string>> | undefined,
): Record<string, string> | null {
  if (!headers) return null;
  const entries = Object.entries(headers);
  if (entries.length === 0) return null;
  for (const [name, value] of entries) {
    if (!headerName.test(name) || reservedHeaders.has(name.toLowerCase())) {
      throw new Error(`queueMail: ${JSON.stringify(name)} is not a header the caller may set`);
    }
    if (/[\r\n]/.test(value) || value.length > 2_000) {
      throw new Error(`queueMail: the ${name} header must be one line of at most 2,000 characters`);
    }
  }
  return Object.fromEntries(entries);
}

/**
 * Queues a message: the row (state `queued`) and the job that sends it are written in the caller's
 * transaction, so mail goes out if and only if the change it reports commits. The `mail.send` job
 * delivers it over SMTP, or keeps it as sent by the development transport when no SMTP server is
 * configured. Bad recipients are refused here (422), not discovered by a retrying job.
 */
export async function queueMail(tx: Db, message: OutgoingMail): Promise<MailMessage> {
  if (message.to.length === 0) {
    throw unprocessable('mail_recipient_missing', 'A message needs at least one recipient.', { path: 'to' });
  }
  for (const [index, address] of message.to.entries()) {
    if (!plainAddress.test(address)) {
      throw unprocessable('invalid_mail_address', `${JSON.stringify(address)} is not an e-mail address.`, {
        path: `to.${index}`,
      });
    }
  }
  for (const [index, attachment] of (message.attachments ?? []).entries()) {
    if (!attachment.filename || !base64.test(attachment.content)) {
      throw new Error(`queueMail: attachment ${index} needs a file name and base64 content`);
    }
  }
  const headers = checkedHeaders(message.headers);
  const id = message.id ?? newId('mailMessage');
  const payload: SendMailJobPayload = { messageId: id };
  // The message and the job that sends it in one statement: the job's insert is a `with` part.
  const sending = tx.$with('sending_job', {}).as(
    jobInsert(tx, SEND_MAIL_JOB, payload, {
      uniqueKey: `${SEND_MAIL_JOB}:${id}`,
      maxAttempts: MAIL_SEND_ATTEMPTS,
    }).getSQL(),
  );
  const [row] = await tx
    .with(sending)
    .insert(mailMessages)
    .values({
      id,
      storeId: message.storeId,
      topic: message.topic,
      fromAddress: message.from,
      toAddresses: [...message.to],
      replyTo: message.replyTo ?? null,
      subject: message.subject,
      text: message.text,
      html: message.html ?? null,
      attachments: [...(message.attachments ?? [])],
      headers,
      threadHeaders: message.thread ?? null,
      entityType: message.entity?.type ?? null,
      entityId: message.entity?.id ?? null,
    })
    .returning();
  return row!;
}

/** A `From` value with a display name, quoted so commas and quotes in a store's name stay part of it. */
export function mailboxWithName(name: string, address: string): string {
  const clean = name.replace(/[\r\n]+/g, ' ').trim();
  if (!clean) return address;
  return `"${clean.replace(/(["\\])/g, '\\$1')}" <${address}>`;
}
