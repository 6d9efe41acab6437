import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { conflict, notFound, unprocessable } from '../../platform/errors.ts';
import { emitEvent } from '../../platform/events/index.ts';
import { newId } from '../../platform/ids.ts';
import { enqueueJob } from '../../platform/jobs/index.ts';
import { queueMail } from '../../platform/mail/index.ts';
import { type Actor, findUserById, getStore, recordAudit } from '../access/index.ts';
import { transactionalSender } from '../transactional-mail/index.ts';
import { assertAudienceExists } from './newsletter-audience.ts';
import { cleanNewsletterBody, renderNewsletter } from './newsletter-body.ts';
import {
  type NewsletterInput,
  newsletterInput,
  type SendNewsletterInput,
  sendNewsletterInput,
} from './newsletter-input.ts';
import { recipientLinks } from './recipient-links.ts';
import { type NewsletterStatus, newsletterRecipients, newsletters } from './schema.ts';

export type NewsletterRow = typeof newsletters.$inferSelect;

export const NEWSLETTER_SEND_JOB = 'newsletters.send';

export interface NewsletterSendJobPayload {
  newsletterId: string;
  /** The how-many-th run of this newsletter's sending: each run enqueues the next. */
  run: number;
}

/** The figures of a newsletter's sending, counted from its recipients. */
export interface NewsletterFigures {
  recipients: number;
  pending: number;
  queued: number;
  sent: number;
  failed: number;
  skippedNoConsent: number;
  bounced: number;
  /** Recipients who opened / clicked at least once (of the tracked ones), and all opens / clicks. */
  uniqueOpens: number;
  opens: number;
  uniqueClicks: number;
  clicks: number;
  tracked: number;
  unsubscribes: number;
}

export interface Newsletter {
  id: string;
  subject: string;
  preheader: string;
  bodyHtml: string;
  audience: { kind: NewsletterRow['audienceKind']; id: string | null };
  status: NewsletterStatus;
  scheduledAt: Date | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  figures: NewsletterFigures;
}

const figureColumns = {
  newsletterId: newsletterRecipients.newsletterId,
  recipients: sql<number>`count(*)::int`,
  pending: sql<number>`(count(*) filter (where ${newsletterRecipients.status} = 'pending'))::int`,
  queued: sql<number>`(count(*) filter (where ${newsletterRecipients.status} = 'queued'))::int`,
  sent: sql<number>`(count(*) filter (where ${newsletterRecipients.status} = 'sent'))::int`,
  failed: sql<number>`(count(*) filter (where ${newsletterRecipients.status} = 'failed'))::int`,
  skippedNoConsent: sql<number>`(count(*) filter (where ${newsletterRecipients.status} = 'skipped_no_consent'))::int`,
  bounced: sql<number>`(count(*) filter (where ${newsletterRecipients.status} = 'bounced'))::int`,
  uniqueOpens: sql<number>`(count(*) filter (where ${newsletterRecipients.opens} > 0))::int`,
  opens: sql<number>`coalesce(sum(${newsletterRecipients.opens}), 0)::int`,
  uniqueClicks: sql<number>`(count(*) filter (where ${newsletterRecipients.clicks} > 0))::int`,
  clicks: sql<number>`coalesce(sum(${newsletterRecipients.clicks}), 0)::int`,
  tracked: sql<number>`(count(*) filter (where ${newsletterRecipients.tracked}))::int`,
  unsubscribes: sql<number>`(count(*) filter (where ${newsletterRecipients.unsubscribedAt} is not null))::int`,
};

const noFigures: NewsletterFigures = {
  recipients: 0,
  pending: 0,
  queued: 0,
  sent: 0,
  failed: 0,
  skippedNoConsent: 0,
  bounced: 0,
  uniqueOpens: 0,
  opens: 0,
  uniqueClicks: 0,
  clicks: 0,
  tracked: 0,
  unsubscribes: 0,
};

async function figuresOf(db: Db, ids: readonly string[]): Promise<Map<string, NewsletterFigures>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select(figureColumns)
    .from(newsletterRecipients)
    .where(inArray(newsletterRecipients.newsletterId, [...ids]))
    .groupBy(newsletterRecipients.newsletterId);
  return new Map(rows.map(({ newsletterId, ...figures }) => [newsletterId, figures]));
}

function newsletterOf(row: NewsletterRow, figures: NewsletterFigures | undefined): Newsletter {
  return {
    id: row.id,
    subject: row.subject,
    preheader: row.preheader,
    bodyHtml: row.bodyHtml,
    audience: { kind: row.audienceKind, id: row.audienceId },
    status: row.status,
    scheduledAt: row.scheduledAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    figures: figures ?? { ...noFigures },
  };
}

export async function newsletterRow(
  db: Db,
  storeId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<NewsletterRow> {
  const query = db
    .select()
    .from(newsletters)
    .where(and(eq(newsletters.storeId, storeId), eq(newsletters.id, id)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Newsletter', { id });
  return row;
}

/** The store's newsletters, newest first, with their figures. */
export async function listNewsletters(db: Db, storeId: string): Promise<Newsletter[]> {
  const rows = await db
    .select()
    .from(newsletters)
    .where(eq(newsletters.storeId, storeId))
    .orderBy(desc(newsletters.createdAt), desc(newsletters.id))
    .limit(500);
  const figures = await figuresOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => newsletterOf(row, figures.get(row.id)));
}

export async function getNewsletter(db: Db, storeId: string, id: string): Promise<Newsletter> {
  const row = await newsletterRow(db, storeId, id);
  return newsletterOf(row, (await figuresOf(db, [id])).get(id));
}

/** The input checked and cleaned: 404 for an audience the store does not have. */
async function draftValues(db: Db, storeId: string, input: NewsletterInput) {
  const data = newsletterInput.parse(input);
  const audience = { kind: data.audience.kind, id: 'id' in data.audience ? data.audience.id : null };
  await assertAudienceExists(db, storeId, audience);
  return {
    subject: data.subject,
    preheader: data.preheader,
    bodyHtml: cleanNewsletterBody(data.bodyHtml),
    audienceKind: audience.kind,
    audienceId: audience.id,
  };
}

const auditView = (row: NewsletterRow) => ({
  subject: row.subject,
  preheader: row.preheader,
  audience: { kind: row.audienceKind, id: row.audienceId },
  status: row.status,
  scheduledAt: row.scheduledAt,
});

async function recordChange(
  tx: Db,
  actor: Actor,
  action: string,
  before: NewsletterRow | null,
  after: NewsletterRow,
): Promise<void> {
  await recordAudit(tx, actor, {
    storeId: after.storeId,
    action,
    entityType: 'newsletter',
    entityId: after.id,
    before: before ? auditView(before) : null,
    after: auditView(after),
  });
  await emitEvent(tx, {
    storeId: after.storeId,
    type: action,
    payload: { id: after.id, status: after.status },
  });
}

/** A new draft, audited, `newsletter.created`. */
export async function createNewsletter(
  db: Db,
  storeId: string,
  actor: Actor,
  input: NewsletterInput,
): Promise<Newsletter> {
  const values = await draftValues(db, storeId, input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(newsletters)
      .values({ id: newId('newsletter'), storeId, ...values, createdBy: actor.id })
      .returning();
    await recordChange(tx, actor, 'newsletter.created', null, row!);
    return newsletterOf(row!, undefined);
  });
}

function notDraft(row: NewsletterRow) {
  return conflict('newsletter_not_draft', `The newsletter is ${row.status}; only a draft can change.`, {
    status: row.status,
  });
}

/** Rewrites a draft (409 `newsletter_not_draft` once it is scheduled or later), `newsletter.updated`. */
export async function updateNewsletter(
  db: Db,
  storeId: string,
  actor: Actor,
  id: string,
  input: NewsletterInput,
): Promise<Newsletter> {
  const values = await draftValues(db, storeId, input);
  return db.transaction(async (tx) => {
    const before = await newsletterRow(tx, storeId, id, { forUpdate: true });
    if (before.status !== 'draft') throw notDraft(before);
    const [row] = await tx
      .update(newsletters)
      .set({ ...values, updatedAt: now() })
      .where(eq(newsletters.id, id))
      .returning();
    await recordChange(tx, actor, 'newsletter.updated', before, row!);
    return newsletterOf(row!, undefined);
  });
}

/**
 * Schedules a draft: now, or at `at` (a past moment means now). The sending job is enqueued in the
 * same transaction; the audience is resolved, with consent, only when it runs. 409
 * `newsletter_not_draft`, 422 `newsletter_empty` for a body with nothing left after cleaning.
 */
export async function scheduleNewsletter(
  db: Db,
  storeId: string,
  actor: Actor,
  id: string,
  input: SendNewsletterInput,
): Promise<Newsletter> {
  const { at } = sendNewsletterInput.parse(input);
  return db.transaction(async (tx) => {
    const before = await newsletterRow(tx, storeId, id, { forUpdate: true });
    if (before.status !== 'draft') throw notDraft(before);
    if (!before.bodyHtml.trim()) {
      throw unprocessable('newsletter_empty', 'Write the newsletter before sending it.', {
        path: 'bodyHtml',
      });
    }
    await assertAudienceExists(tx, storeId, { kind: before.audienceKind, id: before.audienceId });
    const current = now();
    const scheduledAt = at && new Date(at) > current ? new Date(at) : current;
    const [row] = await tx
      .update(newsletters)
      .set({ status: 'scheduled', scheduledAt, updatedAt: current })
      .where(eq(newsletters.id, id))
      .returning();
    const payload: NewsletterSendJobPayload = { newsletterId: id, run: 0 };
    await enqueueJob(tx, NEWSLETTER_SEND_JOB, payload, {
      runAt: scheduledAt,
      uniqueKey: `${NEWSLETTER_SEND_JOB}:${id}:0`,
    });
    await recordChange(tx, actor, 'newsletter.scheduled', before, row!);
    return newsletterOf(row!, undefined);
  });
}

/**
 * Stops a draft, a scheduled or a sending newsletter: nothing more is queued (messages already
 * queued go out). 409 `newsletter_finished` once it is sent or cancelled.
 */
export async function cancelNewsletter(
  db: Db,
  storeId: string,
  actor: Actor,
  id: string,
): Promise<Newsletter> {
  return db.transaction(async (tx) => {
    const before = await newsletterRow(tx, storeId, id, { forUpdate: true });
    if (before.status === 'sent' || before.status === 'cancelled') {
      throw conflict('newsletter_finished', `The newsletter is already ${before.status}.`, {
        status: before.status,
      });
    }
    const [row] = await tx
      .update(newsletters)
      .set({ status: 'cancelled', finishedAt: now(), updatedAt: now() })
      .where(eq(newsletters.id, id))
      .returning();
    await recordChange(tx, actor, 'newsletter.cancelled', before, row!);
    return newsletterOf(row!, (await figuresOf(tx, [id])).get(id));
  });
}

/** The message as a recipient would get it, with placeholder links and no tracking (the editor's preview). */
export async function previewNewsletter(db: Db, storeId: string, id: string) {
  const row = await newsletterRow(db, storeId, id);
  const store = await getStore(db, storeId);
  return renderNewsletter(store, row, [], recipientLinks(store, 'preview', false));
}

/**
 * Sends the newsletter once to the staff member asking (their own address, never a customer's),
 * subject marked `[Test]`, no tracking; the unsubscribe link is a dead one. 422
 * `test_send_needs_person` for an API key, which has no mailbox.
 */
export async function sendTestNewsletter(
  db: Db,
  storeId: string,
  actor: Actor,
  id: string,
): Promise<{ to: string }> {
  if (actor.type !== 'user') {
    throw unprocessable('test_send_needs_person', 'A test goes to a signed-in person’s own address.');
  }
  const user = await findUserById(db, actor.id);
  if (!user)
    throw unprocessable('test_send_needs_person', 'A test goes to a signed-in person’s own address.');
  return db.transaction(async (tx) => {
    const row = await newsletterRow(tx, storeId, id);
    const store = await getStore(tx, storeId);
    const rendered = renderNewsletter(store, row, [], recipientLinks(store, 'test', false));
    await queueMail(tx, {
      storeId,
      topic: 'newsletter.test',
      from: transactionalSender(store),
      to: [user.email],
      subject: `[Test] ${rendered.subject}`,
      text: rendered.text,
      html: rendered.html,
      entity: { type: 'newsletter', id },
    });
    await recordAudit(tx, actor, {
      storeId,
      action: 'newsletter.test_sent',
      entityType: 'newsletter',
      entityId: id,
      after: { to: user.email },
    });
    await emitEvent(tx, { storeId, type: 'newsletter.test_sent', payload: { id } });
    return { to: user.email };
  });
}
