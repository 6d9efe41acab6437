import { and, count, desc, eq, gt, gte, isNull, lte, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Permission } from '../access/index.ts';
import { type NotificationSeverity, notificationCursors, notifications } from './schema.ts';

export type Notification = typeof notifications.$inferSelect;

/**
 * What a notification's topic family asks of whoever sees or dismisses it. Families not listed
 * here are for everyone who can read the store. Dismissing clears it for the whole team, so it
 * takes the right to act on the thing itself (restock, change thresholds).
 */
const topicPermissions: Record<string, { read: Permission; dismiss: Permission }> = {
  inventory: { read: 'inventory:read', dismiss: 'inventory:write' },
};

const familyOf = (topic: string) => topic.split('.', 1)[0]!;

export interface NewNotification {
  storeId: string;
  topic: string;
  key: string;
  severity: NotificationSeverity;
  title: string;
  body: string;
  link: string | null;
  /** When what it tells happened (the event's time): older news never replaces newer. */
  at: Date;
}

/**
 * Opens a notification, or replaces the open one with the same key (one "running low" per variant,
 * its words and severity following the latest event). Safe to call twice with the same event and
 * with events out of order: nothing happens when a notification of this key (open or already
 * resolved) is as new as this one.
 */
export async function openNotification(db: Db, input: NewNotification): Promise<void> {
  const [newer] = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(
      and(
        eq(notifications.storeId, input.storeId),
        eq(notifications.key, input.key),
        gte(notifications.createdAt, input.at),
      ),
    )
    .limit(1);
  if (newer) return;
  const { at, ...fields } = input;
  await db
    .insert(notifications)
    .values({ id: newId('notification'), ...fields, createdAt: at })
    .onConflictDoUpdate({
      target: [notifications.storeId, notifications.key],
      targetWhere: sql`resolved_at is null`,
      set: {
        topic: sql`excluded.topic`,
        severity: sql`excluded.severity`,
        title: sql`excluded.title`,
        body: sql`excluded.body`,
        link: sql`excluded.link`,
        createdAt: sql`excluded.created_at`,
      },
      setWhere: sql`${notifications.createdAt} < excluded.created_at`,
    });
}

/**
 * Resolves the open notification with this key if it is not newer than `at` (the condition
 * cleared); with `topic`, only if the open one is of that topic (a milder all-clear must not
 * resolve a stronger alert that replaced its notification).
 */
export async function resolveNotification(
  db: Db,
  storeId: string,
  key: string,
  at: Date,
  options: { topic?: string } = {},
): Promise<void> {
  await db
    .update(notifications)
    .set({ resolvedAt: sql`now()` })
    .where(
      and(
        eq(notifications.storeId, storeId),
        eq(notifications.key, key),
        isNull(notifications.resolvedAt),
        lte(notifications.createdAt, at),
        options.topic ? eq(notifications.topic, options.topic) : undefined,
      ),
    );
}

export const notificationListQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
    /** `open` leaves out the resolved ones. */
    state: z.enum(['open', 'all']).default('all'),
  })
  .strict();
export type NotificationListQuery = z.infer<typeof notificationListQuery>;

export interface NotificationView extends Notification {
  /** Newer than the caller's cursor (and still open). */
  unread: boolean;
}

/** Leaves out the topic families the caller may not read. */
function readableBy(permissions: ReadonlySet<Permission>): SQL[] {
  return Object.entries(topicPermissions)
    .filter(([, needs]) => !permissions.has(needs.read))
    .map(([family]) => sql`split_part(${notifications.topic}, '.', 1) <> ${family}`);
}

async function cursorOf(db: Db, storeId: string, readerId: string): Promise<Date | null> {
  const [cursor] = await db
    .select({ seenAt: notificationCursors.seenAt })
    .from(notificationCursors)
    .where(and(eq(notificationCursors.userId, readerId), eq(notificationCursors.storeId, storeId)));
  return cursor?.seenAt ?? null;
}

/**
 * A page of the store's notifications the caller may read: open ones first, newest first within
 * each; `unread` counts the open ones newer than the caller's cursor (`readerId`: the member, or
 * the API key).
 */
export async function listNotifications(
  db: Db,
  storeId: string,
  reader: { id: string; permissions: ReadonlySet<Permission> },
  query: NotificationListQuery,
) {
  const seenAt = await cursorOf(db, storeId, reader.id);
  const visible = and(
    eq(notifications.storeId, storeId),
    query.state === 'open' ? isNull(notifications.resolvedAt) : undefined,
    ...readableBy(reader.permissions),
  );
  const rows = await db
    .select()
    .from(notifications)
    .where(visible)
    .orderBy(
      sql`${notifications.resolvedAt} is null desc`,
      desc(notifications.createdAt),
      desc(notifications.id),
    )
    .limit(query.limit)
    .offset(query.offset);
  const [total] = await db.select({ n: count() }).from(notifications).where(visible);
  const [unread] = await db
    .select({ n: count() })
    .from(notifications)
    .where(
      and(
        visible,
        isNull(notifications.resolvedAt),
        seenAt ? gt(notifications.createdAt, seenAt) : undefined,
      ),
    );
  const isUnread = (n: Notification) => n.resolvedAt === null && (!seenAt || n.createdAt > seenAt);
  return {
    items: rows.map((n): NotificationView => ({ ...n, unread: isUnread(n) })),
    total: Number(total?.n ?? 0),
    unread: Number(unread?.n ?? 0),
    seenAt,
  };
}

/** Moves the caller's cursor to now: everything so far counts as read (it never moves back). */
export async function markNotificationsSeen(db: Db, storeId: string, readerId: string): Promise<Date> {
  const [row] = await db
    .insert(notificationCursors)
    .values({ userId: readerId, storeId, seenAt: sql`now()` })
    .onConflictDoUpdate({
      target: [notificationCursors.userId, notificationCursors.storeId],
      set: { seenAt: sql`greatest(${notificationCursors.seenAt}, excluded.seen_at)` },
    })
    .returning({ seenAt: notificationCursors.seenAt });
  return row!.seenAt;
}

/**
 * Dismisses a notification for the whole team. The caller must be allowed to act on what it is
 * about (inventory notifications: inventory:write); dismissing one already resolved changes
 * nothing and says so (`changed: false`).
 */
export async function dismissNotification(
  tx: Db,
  storeId: string,
  permissions: ReadonlySet<Permission>,
  notificationId: string,
): Promise<{ before: Notification; after: Notification; changed: boolean }> {
  const [before] = await tx
    .select()
    .from(notifications)
    .where(and(eq(notifications.storeId, storeId), eq(notifications.id, notificationId)))
    .for('update');
  const needs = before ? topicPermissions[familyOf(before.topic)] : undefined;
  if (!before || (needs && !permissions.has(needs.read)))
    throw notFound('Notification', { id: notificationId });
  if (needs && !permissions.has(needs.dismiss)) {
    throw forbidden('permission_denied', `Dismissing this needs the ${needs.dismiss} permission.`, {
      permission: needs.dismiss,
    });
  }
  if (before.resolvedAt) return { before, after: before, changed: false };
  const [after] = await tx
    .update(notifications)
    .set({ resolvedAt: sql`now()` })
    .where(eq(notifications.id, notificationId))
    .returning();
  return { before, after: after!, changed: true };
}
