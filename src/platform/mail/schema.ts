import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { now } from '../clock.ts';

/** A file sent with a message, kept inline (purchase orders, exports: small files). */
export interface MailAttachment {
  filename: string;
  contentType: string;
  /** Base64. */
  content: string;
}

/** RFC 5322 threading headers, angle brackets included, for mail that answers other mail (support replies). */
export interface MailThreadHeaders {
  messageId: string;
  inReplyTo?: string | null;
  references?: readonly string[];
}

export const mailStates = ['queued', 'sent', 'failed'] as const;
export type MailState = (typeof mailStates)[number];

/**
 * Every message the platform sends. With SMTP configured a job delivers it (retried with backoff);
 * without, it stays here as sent by the development transport and the admin shows it (the outbox a
 * new installation reads instead of a mailbox).
 */
export const mailMessages = pgTable(
  'mail_messages',
  {
    id: text('id').primaryKey(),
    /** Null for messages of the installation (e.g. sign-in), not of a store. */
    storeId: text('store_id'),
    /** What it is about, e.g. 'purchase_order.sent', for lists and tests. */
    topic: text('topic').notNull(),
    fromAddress: text('from_address').notNull(),
    toAddresses: text('to_addresses').array().notNull(),
    replyTo: text('reply_to'),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    /** The Message-ID, In-Reply-To and References it is sent with; null: the transport makes a Message-ID. */
    threadHeaders: jsonb('thread_headers').$type<MailThreadHeaders>(),
    /**
     * Further headers sent as they are (a newsletter's RFC 8058 `List-Unsubscribe` and
     * `List-Unsubscribe-Post`); null: none.
     */
    headers: jsonb('headers').$type<Record<string, string>>(),
    attachments: jsonb('attachments').$type<MailAttachment[]>().notNull().default([]),
    state: text('state').$type<MailState>().notNull().default('queued'),
    /** 'smtp' or 'development'. */
    transport: text('transport'),
    messageId: text('message_id'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** The entity it was sent for, e.g. a purchase order. */
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('mail_messages_store_idx').on(t.storeId, t.createdAt),
    index('mail_messages_entity_idx').on(t.entityType, t.entityId),
  ],
);
