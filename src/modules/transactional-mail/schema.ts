import { pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { now } from '../../platform/clock.ts';
import type { TransactionalTemplateKey } from './template-keys.ts';

/**
 * A store's own text of one e-mail in one language. A row exists only where the store changed the
 * built-in text; deleting it goes back to the default (docs/transactional-mail.md).
 */
export const mailTemplates = pgTable(
  'mail_templates',
  {
    storeId: text('store_id').notNull(),
    key: text('key').$type<TransactionalTemplateKey>().notNull(),
    /** A BCP 47 tag in canonical form (fr, de-CH). */
    locale: text('locale').notNull(),
    /** Liquid, rendered as plain text. */
    subject: text('subject').notNull(),
    /** Liquid producing HTML, variables escaped; wrapped in the store's layout when sent. */
    body: text('body').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [primaryKey({ name: 'mail_templates_pkey', columns: [t.storeId, t.key, t.locale] })],
);

/**
 * Every e-mail sent with an idempotency key (the outbox event it reports, a reset request): the key
 * is claimed in the sender's transaction, so at-least-once delivery of an event sends it once.
 */
export const transactionalMailSends = pgTable(
  'transactional_mail_sends',
  {
    storeId: text('store_id').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    template: text('template').$type<TransactionalTemplateKey>().notNull(),
    /** The queued message (src/platform/mail), for support questions ("was it sent?"). */
    mailMessageId: text('mail_message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [primaryKey({ name: 'transactional_mail_sends_pkey', columns: [t.storeId, t.idempotencyKey] })],
);
