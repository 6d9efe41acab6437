import { and, eq, isNull, lte, sql } from 'drizzle-orm';
import { now } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { JobRunner, ScheduleDefinition } from '../../../platform/jobs/index.ts';
import { randomToken, tokenDigest } from '../../access/index.ts';
import { getCustomer } from '../../customers/index.ts';
import { sendTransactionalMail } from '../../transactional-mail/index.ts';
import { supportTickets } from '../schema.ts';
import { CSAT_LINK_LIFETIME_MS } from './csat-ratings.ts';
import { supportCsatSurveys } from './schema.ts';

export const CSAT_MAIL_JOB = 'support.csat-mail';

/** Every five minutes: a survey leaves within minutes of its delay. */
export const csatMailSchedule: ScheduleDefinition = {
  name: CSAT_MAIL_JOB,
  jobName: CSAT_MAIL_JOB,
  everySeconds: 300,
  payload: {},
};

const BATCH = 200;

/** The storefront page a survey link opens (made absolute under the store's address by the mail module). */
export function csatLinkPath(token: string, rating: 'good' | 'bad'): string {
  return `/support/rate/${encodeURIComponent(token)}?rating=${rating}`;
}

/**
 * Mails the surveys whose time has come, each once: the row is claimed (sent time and token digest
 * set where no sent time was) and the `support_satisfaction` e-mail queued in one transaction, so a
 * second run or another instance sends nothing. A ticket that is no longer solved or closed (the
 * customer wrote again) is left until it is solved again. Returns how many were sent.
 */
export async function sendDueCsatSurveys(db: Db, at: Date = now()): Promise<number> {
  const s = supportCsatSurveys;
  const t = supportTickets;
  let sent = 0;
  for (;;) {
    const due = await db
      .select({
        ticketId: s.ticketId,
        storeId: s.storeId,
        email: s.email,
        number: t.number,
        subject: t.subject,
        customerId: t.customerId,
        requesterName: t.requesterName,
      })
      .from(s)
      .innerJoin(t, eq(t.id, s.ticketId))
      .where(
        and(
          isNull(s.sentAt),
          lte(s.sendAfter, at),
          isNull(t.mergedIntoId),
          sql`${t.status} in ('solved', 'closed')`,
        ),
      )
      .orderBy(s.sendAfter)
      .limit(BATCH);
    for (const survey of due) {
      const done = await db.transaction(async (tx) => {
        const token = randomToken();
        const claimed = await tx
          .update(s)
          .set({
            sentAt: at,
            tokenHash: tokenDigest(token),
            tokenExpiresAt: new Date(Date.now() + CSAT_LINK_LIFETIME_MS),
          })
          .where(and(eq(s.ticketId, survey.ticketId), isNull(s.sentAt)))
          .returning({ ticketId: s.ticketId });
        if (claimed.length === 0) return false;
        const account = survey.customerId
          ? await getCustomer(tx, survey.storeId, survey.customerId).catch(() => null)
          : null;
        await sendTransactionalMail(tx, survey.storeId, {
          template: 'support_satisfaction',
          to: survey.email,
          locale: account?.locale ?? null,
          variables: {
            customer: {
              first_name: account?.firstName ?? survey.requesterName?.split(' ')[0] ?? '',
              last_name: account?.lastName ?? '',
              email: survey.email,
            },
            ticket: { number: survey.number, subject: survey.subject },
            good_url: csatLinkPath(token, 'good'),
            bad_url: csatLinkPath(token, 'bad'),
          },
          idempotencyKey: `support_satisfaction:${survey.ticketId}`,
          entity: { type: 'support_ticket', id: survey.ticketId },
        });
        return true;
      });
      if (done) sent++;
    }
    if (due.length < BATCH) return sent;
  }
}

export function registerCsatMailJob(jobs: Pick<JobRunner, 'register'>): void {
  jobs.register(CSAT_MAIL_JOB, async (_payload, { db, logger }) => {
    const sent = await sendDueCsatSurveys(db);
    if (sent > 0) logger.info({ job: CSAT_MAIL_JOB, sent }, 'satisfaction surveys queued');
  });
}
