import { date, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { now } from '../../platform/clock.ts';

/**
 * The store days whose anomalies have been announced (`insights.anomaly_detected` events, which
 * webhooks deliver): one row per store day, written with the events, so a day is announced once.
 */
export const insightsAlertedDays = pgTable(
  'insights_alerted_days',
  {
    storeId: text('store_id').notNull(),
    day: date('day').notNull(),
    flagged: smallint('flagged').notNull(),
    alertedAt: timestamp('alerted_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.day] })],
);
