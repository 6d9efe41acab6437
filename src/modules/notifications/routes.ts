import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { recordAudit, storeOf } from '../access/index.ts';
import {
  dismissNotification,
  listNotifications,
  markNotificationsSeen,
  notificationListQuery,
} from './notifications.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });

/** Whose read cursor: the signed-in member, or the API key calling. */
const readerOf = (request: FastifyRequest) => {
  const { actor, permissions } = storeOf(request);
  return { id: actor.id ?? actor.label, permissions };
};

/**
 * The team's notifications under /api/admin/stores/:store/notifications: reading needs store:read
 * (topics the caller may not see are left out), dismissing needs the right to act on the topic.
 */
export async function notificationRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];

  r.get(
    '/notifications',
    {
      config: { permission: 'store:read' },
      schema: {
        tags,
        summary: 'Notifications, open ones first, newest first; `unread`: open ones newer than your cursor',
        params: storeParams,
        querystring: notificationListQuery,
      },
    },
    async (request) => listNotifications(db, storeOf(request).store.id, readerOf(request), request.query),
  );

  r.post(
    '/notifications/seen',
    {
      config: { permission: 'store:read' },
      schema: {
        tags,
        summary: 'Mark every notification so far as seen (moves your cursor to now)',
        params: storeParams,
        body: z.object({}).strict().optional(),
      },
    },
    async (request) => ({
      seenAt: await markNotificationsSeen(db, storeOf(request).store.id, readerOf(request).id),
    }),
  );

  r.post(
    '/notifications/:notificationId/dismiss',
    {
      config: { permission: 'store:read' },
      schema: {
        tags,
        summary: 'Dismiss a notification for the whole team (inventory ones need inventory:write)',
        params: storeParams.extend({ notificationId: z.string().min(1).max(64) }),
      },
    },
    async (request) => {
      const { store, actor, permissions } = storeOf(request);
      const notification = await db.transaction(async (tx) => {
        const { before, after, changed } = await dismissNotification(
          tx,
          store.id,
          permissions,
          request.params.notificationId,
        );
        if (changed) {
          await recordAudit(tx, actor, {
            storeId: store.id,
            action: 'notification.dismissed',
            entityType: 'notification',
            entityId: after.id,
            before,
            after,
          });
        }
        return after;
      });
      return { notification };
    },
  );
}
