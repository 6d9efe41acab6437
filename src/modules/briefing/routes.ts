import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { actorOf, storeOf } from '../access/index.ts';
import { dailyBriefing } from './daily-briefing.ts';
import { briefingMailInput, getBriefingMail, setBriefingMail } from './mail-subscription.ts';

const storeParams = z.object({ store: z.string().min(1).max(64) });

/** The store's briefing, under /api/admin/stores/:store (docs/briefing.md). */
export async function briefingRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/briefing',
    {
      // Everyone in the store has a briefing; what is in it follows their other permissions.
      config: { permission: 'store:read' },
      schema: {
        tags: ['briefing'],
        summary: 'The morning briefing: yesterday against expected and a ranked list of what to do now',
        params: storeParams,
        querystring: z.object({ day: z.iso.date().optional() }).strict(),
      },
    },
    async (request) => {
      const { store, permissions } = storeOf(request);
      return dailyBriefing(db, store, { permissions, day: request.query.day });
    },
  );
}

/** The signed-in person's own morning e-mail setting: /api/me/briefing-mail. */
export async function briefingMailRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/me/briefing-mail',
    {
      config: { access: 'user' },
      schema: {
        tags: ['briefing'],
        summary: 'Whether and when the signed-in person gets the morning e-mail',
      },
    },
    async (request) => getBriefingMail(db, request.auth!.user!.id),
  );
  r.put(
    '/api/me/briefing-mail',
    {
      config: { access: 'user' },
      schema: {
        tags: ['briefing'],
        summary: 'Turn the morning e-mail on or off, at an hour of the person’s own clock',
        body: briefingMailInput,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (actor.type !== 'user') throw new Error('a user route reached without a user');
      return setBriefingMail(db, actor, request.body);
    },
  );
}
