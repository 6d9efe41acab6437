import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { badRequest } from '../../platform/errors.ts';
import { type Actor, recordAudit } from '../access/index.ts';
import { briefingMailSubscriptions } from './schema.ts';

export interface BriefingMailSubscription {
  enabled: boolean;
  sendHour: number;
  timeZone: string;
  lastSentOn: string | null;
}

export const briefingMailInput = z
  .object({
    enabled: z.boolean(),
    sendHour: z.number().int().min(0).max(23).default(7),
    timeZone: z.string().trim().min(1).max(64),
  })
  .strict();

/** What a person who never chose gets: no e-mail (opt-in), at seven on the installation's clock. */
const defaults: BriefingMailSubscription = { enabled: false, sendHour: 7, timeZone: 'UTC', lastSentOn: null };

export async function getBriefingMail(db: Db, userId: string): Promise<BriefingMailSubscription> {
  const [row] = await db
    .select()
    .from(briefingMailSubscriptions)
    .where(eq(briefingMailSubscriptions.userId, userId));
  return row
    ? { enabled: row.enabled, sendHour: row.sendHour, timeZone: row.timeZone, lastSentOn: row.lastSentOn }
    : defaults;
}

/**
 * Turns a person's morning e-mail on or off, at their hour in their zone (400 `invalid_time_zone` for a
 * zone the clock library does not know). Audited under no store: it is the person's own setting.
 */
export async function setBriefingMail(
  db: Db,
  actor: Actor & { type: 'user' },
  input: z.input<typeof briefingMailInput>,
): Promise<BriefingMailSubscription> {
  const { enabled, sendHour, timeZone } = briefingMailInput.parse(input);
  if (!DateTime.local().setZone(timeZone).isValid) {
    throw badRequest(
      'invalid_time_zone',
      `${JSON.stringify(timeZone)} is not a time zone (e.g. Europe/Paris).`,
      {
        path: 'timeZone',
      },
    );
  }
  return db.transaction(async (tx) => {
    const before = await getBriefingMail(tx, actor.id);
    await tx
      .insert(briefingMailSubscriptions)
      .values({ userId: actor.id, enabled, sendHour, timeZone })
      .onConflictDoUpdate({
        target: briefingMailSubscriptions.userId,
        set: { enabled, sendHour, timeZone, updatedAt: new Date() },
      });
    const after = { ...before, enabled, sendHour, timeZone };
    await recordAudit(tx, actor, {
      storeId: null,
      action: 'briefing_mail.updated',
      entityType: 'user',
      entityId: actor.id,
      before,
      after,
    });
    return after;
  });
}
