import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import type { JobRunner, ScheduleDefinition } from '../../platform/jobs/index.ts';
import { queueMail } from '../../platform/mail/index.ts';
import { findUserById, isRole, listStoresForUser, rolePermissions } from '../access/index.ts';
import { renderBriefingMail } from './briefing-mail.ts';
import { dailyBriefing } from './daily-briefing.ts';
import { briefingMailSubscriptions } from './schema.ts';

export const MORNING_MAIL_JOB = 'briefing.morning-mail';

/** Every ten minutes: a person's e-mail leaves within ten minutes of their hour. */
export const morningMailSchedule: ScheduleDefinition = {
  name: MORNING_MAIL_JOB,
  jobName: MORNING_MAIL_JOB,
  everySeconds: 600,
  payload: {},
};

export interface MorningMailOptions {
  mailFrom: string;
  /** The installation's address, for the links into the admin. */
  publicBaseUrl: string;
}

/** The person's calendar day and hour now, in their zone. */
function clockOf(timeZone: string, at: Date) {
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  return { day: local.toISODate()!, hour: local.hour };
}

/**
 * Sends one person's morning e-mail if it is due (their hour has come and today's has not gone):
 * a briefing for each store they belong to, read with the permissions of their role there. The
 * subscription row is locked and marked sent in the transaction that queues the mail, so two runs
 * or two instances never send it twice. Returns whether a message was queued.
 */
export async function sendMorningMailIfDue(
  db: Db,
  userId: string,
  options: MorningMailOptions & { at?: Date },
): Promise<boolean> {
  const at = options.at ?? now();
  return db.transaction(async (tx) => {
    const [subscription] = await tx
      .select()
      .from(briefingMailSubscriptions)
      .where(eq(briefingMailSubscriptions.userId, userId))
      .for('update');
    if (!subscription?.enabled) return false;
    const clock = clockOf(subscription.timeZone, at);
    if (clock.hour < subscription.sendHour || subscription.lastSentOn === clock.day) return false;
    const user = await findUserById(tx, userId);
    if (!user) return false;
    const memberships = (await listStoresForUser(tx, userId)).filter(({ role }) => isRole(role));
    await tx
      .update(briefingMailSubscriptions)
      .set({ lastSentOn: clock.day })
      .where(eq(briefingMailSubscriptions.userId, userId));
    if (memberships.length === 0) return false;
    const briefings = [];
    for (const { store, role } of memberships) {
      const permissions = new Set(isRole(role) ? rolePermissions[role] : []);
      briefings.push(await dailyBriefing(tx, store, { permissions, at }));
    }
    const mail = renderBriefingMail(briefings, {
      baseUrl: options.publicBaseUrl.replace(/\/+$/, ''),
      recipientName: user.name,
      on: clock.day,
    });
    await queueMail(tx, {
      storeId: null,
      topic: 'briefing.morning',
      from: options.mailFrom,
      to: [user.email],
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      entity: { type: 'user', id: userId },
    });
    return true;
  });
}

/**
 * The job: every subscription not yet sent today (by the server's date, widened by a day either
 * way, since each person's day is their own) is looked at; each is sent on its own transaction.
 */
export function registerMorningMailJob(jobs: Pick<JobRunner, 'register'>, options: MorningMailOptions): void {
  jobs.register(MORNING_MAIL_JOB, async (_payload, { db, logger }) => {
    const at = now();
    const notSince = DateTime.fromJSDate(at, { zone: 'utc' }).plus({ days: 1 }).toISODate()!;
    const candidates = await db
      .select({ userId: briefingMailSubscriptions.userId })
      .from(briefingMailSubscriptions)
      .where(
        and(
          eq(briefingMailSubscriptions.enabled, true),
          or(
            isNull(briefingMailSubscriptions.lastSentOn),
            lt(briefingMailSubscriptions.lastSentOn, notSince),
          ),
        ),
      );
    let sent = 0;
    for (const { userId } of candidates) {
      if (await sendMorningMailIfDue(db, userId, { ...options, at })) sent++;
    }
    if (sent > 0) logger.info({ job: MORNING_MAIL_JOB, sent }, 'morning briefings queued');
  });
}
