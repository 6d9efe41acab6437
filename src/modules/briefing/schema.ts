import { boolean, date, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { now } from '../../platform/clock.ts';

/**
 * A person's morning briefing e-mail: one message a day covering every store they belong to, sent
 * once their own clock passes `send_hour`. `last_sent_on` (their calendar day) makes the job send
 * it once a day whatever the number of instances or runs.
 */
export const briefingMailSubscriptions = pgTable('briefing_mail_subscriptions', {
  userId: text('user_id').primaryKey(),
  enabled: boolean('enabled').notNull(),
  /** 0–23 on the person's clock. */
  sendHour: smallint('send_hour').notNull(),
  /** IANA zone of the person (the admin sends the browser's). */
  timeZone: text('time_zone').notNull(),
  lastSentOn: date('last_sent_on'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
});
