import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const notificationSeverities = ['info', 'warning', 'critical'] as const;
export type NotificationSeverity = (typeof notificationSeverities)[number];

/**
 * What the admin's bell shows a store's team: made from domain events (stock running low or out,
 * later SLA breaches and anomalies), each linking to the screen that deals with it. A notification
 * with the same key replaces the open one (one "running low" per variant, not one per sale).
 */
export const notifications = pgTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    /** The event type it came from, e.g. 'inventory.low'. */
    topic: text('topic').notNull(),
    /** Deduplication key within the store, e.g. 'inventory:var_…'. */
    key: text('key').notNull(),
    severity: text('severity').$type<NotificationSeverity>().notNull().default('info'),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    /** Admin path of the screen that deals with it. */
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when the team dismisses it or the condition clears. */
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notifications_open_key').on(t.storeId, t.key).where(sql`resolved_at is null`),
    index('notifications_store_idx').on(t.storeId, t.createdAt),
  ],
);

/** When a member last opened the store's notifications: newer ones count as unread. */
export const notificationCursors = pgTable(
  'notification_cursors',
  {
    userId: text('user_id').notNull(),
    storeId: text('store_id').notNull(),
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.storeId] })],
);
