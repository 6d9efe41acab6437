import { and, asc, eq, gt, inArray, min, sql } from 'drizzle-orm';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { emitEvent } from '../../platform/events/index.ts';
import { newId } from '../../platform/ids.ts';
import { enqueueJob, type JobRunner } from '../../platform/jobs/index.ts';
import { mailStatesOf, queueMail } from '../../platform/mail/index.ts';
import { getStore, type Store } from '../access/index.ts';
import { type Customer, consentingCustomer, type MarketingConsentSource } from '../customers/index.ts';
import { transactionalSender } from '../transactional-mail/index.ts';
import { consentingAudience } from './newsletter-audience.ts';
import { linksOfBody, renderNewsletter } from './newsletter-body.ts';
import { getNewsletterSettings, type NewsletterSettings } from './newsletter-settings.ts';
import { NEWSLETTER_SEND_JOB, type NewsletterRow, type NewsletterSendJobPayload } from './newsletters.ts';
import { listUnsubscribeHeaders, newRecipientToken, recipientLinks } from './recipient-links.ts';
import { newsletterRecipients, newsletters } from './schema.ts';

/** The rate limit's window. */
const MINUTE_MS = 60_000;
/** The most recipients one run queues, whatever the rate allows (one transaction's worth). */
const MAX_BATCH = 200;
/** Recipient rows written per statement while the audience is resolved. */
const RESOLVE_CHUNK = 500;

/**
 * Consent the customer gave themselves on the store's own forms (the newsletter sign-up, its
 * confirmation, checkout's box), whose wording says opens and clicks may be counted. Consent an
 * import or a staff member recorded proves no such thing: those recipients are never tracked.
 */
const trackableConsentSources: ReadonlySet<MarketingConsentSource> = new Set([
  'signup_form',
  'double_opt_in',
  'checkout_checkbox',
]);

/** Opens and clicks are measured only when the store turned tracking on AND the customer's consent covers it. */
export function mayTrack(settings: Pick<NewsletterSettings, 'trackingEnabled'>, customer: Customer): boolean {
  return (
    settings.trackingEnabled &&
    customer.marketingConsentSource !== null &&
    trackableConsentSources.has(customer.marketingConsentSource)
  );
}

export type SendRunResult =
  | { state: 'finished' }
  | { state: 'stopped' }
  /** More to queue, not before `notBefore` (business clock). */
  | { state: 'more'; notBefore: Date };

/**
 * Gives each consenting member of the audience a `pending` row, as of now. Idempotent (unique per
 * newsletter and customer), so a run cut short by a restart resolves again and adds the rest.
 */
async function resolveAudience(db: Db, row: NewsletterRow): Promise<void> {
  let chunk: Customer[] = [];
  const flush = async () => {
    if (chunk.length === 0) return;
    await db
      .insert(newsletterRecipients)
      .values(
        chunk.map((c) => ({
          id: newId('newsletterRecipient'),
          storeId: row.storeId,
          newsletterId: row.id,
          customerId: c.id,
          email: c.email,
        })),
      )
      .onConflictDoNothing({ target: [newsletterRecipients.newsletterId, newsletterRecipients.customerId] });
    chunk = [];
  };
  for await (const customer of consentingAudience(db, row.storeId, {
    kind: row.audienceKind,
    id: row.audienceId,
  })) {
    chunk.push(customer);
    if (chunk.length >= RESOLVE_CHUNK) await flush();
  }
  await flush();
  await db
    .update(newsletters)
    .set({ audienceResolved: true, links: linksOfBody(row.bodyHtml), updatedAt: now() })
    .where(eq(newsletters.id, row.id));
}

/**
 * How many more messages the store may queue now, and when the oldest of the last minute's leaves
 * the window. Counted over all its newsletters, on the business clock.
 */
async function rateBudget(tx: Db, storeId: string, perMinute: number, at: Date) {
  const since = new Date(at.getTime() - MINUTE_MS);
  const [window] = await tx
    .select({ count: sql<number>`count(*)::int`, oldest: min(newsletterRecipients.queuedAt) })
    .from(newsletterRecipients)
    .where(and(eq(newsletterRecipients.storeId, storeId), gt(newsletterRecipients.queuedAt, since)));
  const oldest = window?.oldest ? new Date(window.oldest) : at;
  return {
    left: Math.max(0, perMinute - (window?.count ?? 0)),
    freesAt: new Date(oldest.getTime() + MINUTE_MS),
  };
}

/**
 * Queues one recipient's message, if they still consent: their customer row is locked (FOR SHARE)
 * until the batch commits, so a withdrawal either comes first (skipped, no message) or waits for
 * this transaction. The recipient row was claimed `pending` under FOR UPDATE, so it is queued once.
 */
async function queueRecipient(
  tx: Db,
  store: Store,
  row: NewsletterRow,
  links: readonly string[],
  settings: NewsletterSettings,
  recipient: { id: string; customerId: string },
  at: Date,
): Promise<void> {
  const customer = await consentingCustomer(tx, row.storeId, recipient.customerId);
  if (!customer) {
    await tx
      .update(newsletterRecipients)
      .set({ status: 'skipped_no_consent' })
      .where(eq(newsletterRecipients.id, recipient.id));
    return;
  }
  const tracked = mayTrack(settings, customer);
  const { token, digest } = newRecipientToken();
  const addresses = recipientLinks(store, token, tracked);
  const rendered = renderNewsletter(
    { name: store.name, locale: customer.locale ?? store.locale },
    row,
    links,
    addresses,
  );
  try {
    // A savepoint: a recipient the mail layer refuses does not undo the batch.
    const message = await tx.transaction((sp) =>
      queueMail(sp, {
        storeId: row.storeId,
        topic: 'newsletter',
        from: transactionalSender(store),
        to: [customer.email],
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        headers: listUnsubscribeHeaders(addresses.unsubscribeUrl),
        entity: { type: 'newsletter', id: row.id },
      }),
    );
    await tx
      .update(newsletterRecipients)
      .set({
        status: 'queued',
        email: customer.email,
        tokenDigest: digest,
        tracked,
        mailMessageId: message.id,
        queuedAt: at,
      })
      .where(eq(newsletterRecipients.id, recipient.id));
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    await tx
      .update(newsletterRecipients)
      .set({ status: 'failed', queuedAt: at })
      .where(eq(newsletterRecipients.id, recipient.id));
  }
}

/**
 * One run of a newsletter's sending: starts it (scheduled → sending, the audience resolved with
 * consent), then queues as many pending recipients as the store's rate allows in this minute,
 * checking each one's consent again right before its message is queued. Answers whether there is
 * more, and from when; `finished` marks it sent. Safe to repeat and to run after a restart: every
 * step looks at what is already done.
 */
export async function runNewsletterSending(
  db: Db,
  storeId: string,
  newsletterId: string,
): Promise<SendRunResult> {
  const [current] = await db
    .select()
    .from(newsletters)
    .where(and(eq(newsletters.storeId, storeId), eq(newsletters.id, newsletterId)));
  if (!current || (current.status !== 'scheduled' && current.status !== 'sending'))
    return { state: 'stopped' };
  let row = current;
  if (row.status === 'scheduled') {
    const started = await db.transaction(async (tx) => {
      const [updated] = await tx
        .update(newsletters)
        .set({ status: 'sending', startedAt: now(), updatedAt: now() })
        .where(and(eq(newsletters.id, newsletterId), eq(newsletters.status, 'scheduled')))
        .returning();
      if (updated) {
        await emitEvent(tx, { storeId, type: 'newsletter.sending', payload: { id: newsletterId } });
      }
      return updated;
    });
    if (!started) return runNewsletterSending(db, storeId, newsletterId);
    row = started;
  }
  if (!row.audienceResolved) {
    await resolveAudience(db, row);
    row = (await db.select().from(newsletters).where(eq(newsletters.id, newsletterId)))[0]!;
  }
  await followDeliveries(db, newsletterId);
  const settings = await getNewsletterSettings(db, storeId);
  const store = await getStore(db, storeId);
  return db.transaction(async (tx) => {
    // One sender per store at a time, so two newsletters together keep to the store's rate.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`newsletters:${storeId}`}))`);
    const [locked] = await tx
      .select()
      .from(newsletters)
      .where(eq(newsletters.id, newsletterId))
      .for('update');
    if (locked?.status !== 'sending') return { state: 'stopped' } as const;
    const at = now();
    const budget = await rateBudget(tx, storeId, settings.messagesPerMinute, at);
    if (budget.left === 0) return { state: 'more', notBefore: budget.freesAt } as const;
    const claimed = await tx
      .select({ id: newsletterRecipients.id, customerId: newsletterRecipients.customerId })
      .from(newsletterRecipients)
      .where(
        and(eq(newsletterRecipients.newsletterId, newsletterId), eq(newsletterRecipients.status, 'pending')),
      )
      .orderBy(asc(newsletterRecipients.customerId))
      .limit(Math.min(budget.left, MAX_BATCH) + 1)
      .for('update', { skipLocked: true });
    const batch = claimed.slice(0, Math.min(budget.left, MAX_BATCH));
    for (const recipient of batch) {
      await queueRecipient(tx, store, locked, locked.links, settings, recipient, at);
    }
    if (claimed.length > batch.length) {
      const after = await rateBudget(tx, storeId, settings.messagesPerMinute, at);
      return { state: 'more', notBefore: after.left > 0 ? at : after.freesAt } as const;
    }
    await tx
      .update(newsletters)
      .set({ status: 'sent', finishedAt: at, updatedAt: at })
      .where(eq(newsletters.id, newsletterId));
    await emitEvent(tx, { storeId, type: 'newsletter.sent', payload: { id: newsletterId } });
    return { state: 'finished' } as const;
  });
}

/**
 * Copies what the mail layer did with queued messages (sent, failed) onto their recipients, so the
 * figures say how many left. Called by each run and before figures are shown.
 */
export async function followDeliveries(db: Db, newsletterId: string): Promise<void> {
  const queued = await db
    .select({ id: newsletterRecipients.id, mailMessageId: newsletterRecipients.mailMessageId })
    .from(newsletterRecipients)
    .where(
      and(eq(newsletterRecipients.newsletterId, newsletterId), eq(newsletterRecipients.status, 'queued')),
    )
    .limit(5_000);
  const states = await mailStatesOf(
    db,
    queued.flatMap((r) => (r.mailMessageId ? [r.mailMessageId] : [])),
  );
  for (const state of ['sent', 'failed'] as const) {
    const ids = queued
      .filter((r) => r.mailMessageId && states.get(r.mailMessageId) === state)
      .map((r) => r.id);
    if (ids.length === 0) continue;
    await db
      .update(newsletterRecipients)
      .set({ status: state })
      .where(and(inArray(newsletterRecipients.id, ids), eq(newsletterRecipients.status, 'queued')));
  }
}

/**
 * The `newsletters.send` job: one run, then the next run enqueued for when the rate allows. Each
 * run has its own unique key, so a repeated delivery of the job starts no second chain.
 */
export function registerNewsletterJobs(runner: Pick<JobRunner, 'register'>): void {
  runner.register<NewsletterSendJobPayload>(
    NEWSLETTER_SEND_JOB,
    async ({ newsletterId, run }, { db }) => {
      const [row] = await db
        .select({ storeId: newsletters.storeId })
        .from(newsletters)
        .where(eq(newsletters.id, newsletterId));
      if (!row) return;
      const result = await runNewsletterSending(db, row.storeId, newsletterId);
      if (result.state !== 'more') return;
      const next: NewsletterSendJobPayload = { newsletterId, run: run + 1 };
      await enqueueJob(db, NEWSLETTER_SEND_JOB, next, {
        runAt: result.notBefore,
        uniqueKey: `${NEWSLETTER_SEND_JOB}:${newsletterId}:${run + 1}`,
      });
    },
    { concurrency: 2 },
  );
}
