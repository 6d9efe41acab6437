import { and, asc, desc, eq, gt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { emitEvent } from '../../../platform/events/index.ts';
import { newId } from '../../../platform/ids.ts';
import { type Actor, recordAudit } from '../../access/index.ts';
import { type Customer, customerOf, customerRowById } from '../customer.ts';
import {
  customerMarketingConsents,
  customers,
  type MarketingChannel,
  type MarketingConsentSource,
  type MarketingConsentStatus,
} from '../schema.ts';

export const CUSTOMER_MARKETING_CONSENT_CHANGED_EVENT = 'customer.marketing_consent_changed';

/** Where a consent change came from, and the request's traces when a person made it on a page. */
export interface ConsentEvidence {
  source: MarketingConsentSource;
  /** Personal data: kept in the log for proof, never written to application logs. */
  ip?: string | null;
  userAgent?: string | null;
  /** The staff member, for `admin` (and `import`) changes: they are audited too. */
  actor?: Actor;
}

export interface MarketingConsentEntry {
  id: string;
  channel: MarketingChannel;
  status: MarketingConsentStatus;
  source: MarketingConsentSource;
  ip: string | null;
  userAgent: string | null;
  actorId: string | null;
  recordedAt: Date;
}

/**
 * Appends one entry to the consent log and sets the customer's current state from it, in the
 * caller's transaction: the log and `accepts_marketing` never disagree. Every change is logged,
 * repeated ones too (a second confirmation is evidence as well). An admin or import change is
 * audited; every change emits `customer.marketing_consent_changed`.
 */
async function changeConsent(
  tx: Db,
  storeId: string,
  customerId: string,
  status: MarketingConsentStatus,
  evidence: ConsentEvidence,
): Promise<Customer> {
  const before = customerOf(await customerRowById(tx, storeId, customerId, { forUpdate: true }));
  const [entry] = await tx
    .insert(customerMarketingConsents)
    .values({
      id: newId('marketingConsent'),
      storeId,
      customerId,
      channel: 'email',
      status,
      source: evidence.source,
      ip: evidence.ip?.slice(0, 64) ?? null,
      userAgent: evidence.userAgent?.slice(0, 512) ?? null,
      actorId: evidence.actor?.id ?? null,
    })
    .returning();
  const [row] = await tx
    .update(customers)
    .set({
      acceptsMarketing: status === 'granted',
      marketingConsentAt: entry!.recordedAt,
      marketingConsentSource: evidence.source,
      updatedAt: sql`now()`,
    })
    .where(and(eq(customers.storeId, storeId), eq(customers.id, customerId)))
    .returning();
  const after = customerOf(row!);
  await emitEvent(tx, {
    storeId,
    type: CUSTOMER_MARKETING_CONSENT_CHANGED_EVENT,
    payload: { id: customerId, channel: 'email', status, source: evidence.source, consentId: entry!.id },
  });
  if (evidence.actor) {
    await recordAudit(tx, evidence.actor, {
      storeId,
      action: CUSTOMER_MARKETING_CONSENT_CHANGED_EVENT,
      entityType: 'customer',
      entityId: customerId,
      before: { acceptsMarketing: before.acceptsMarketing },
      after: { acceptsMarketing: after.acceptsMarketing, source: evidence.source },
    });
  }
  return after;
}

/** The customer agrees to marketing e-mail (checkout's box, a confirmed sign-up, an import, the admin). */
export function recordMarketingConsent(
  tx: Db,
  storeId: string,
  customerId: string,
  evidence: ConsentEvidence,
): Promise<Customer> {
  return changeConsent(tx, storeId, customerId, 'granted', evidence);
}

/** The customer no longer agrees (the unsubscribe page, the admin, an import). */
export function withdrawMarketingConsent(
  tx: Db,
  storeId: string,
  customerId: string,
  evidence: ConsentEvidence,
): Promise<Customer> {
  return changeConsent(tx, storeId, customerId, 'withdrawn', evidence);
}

/** Sets consent to `accepts` when it differs (an import's or the admin's form's value); returns whether it changed. */
export async function setMarketingConsent(
  tx: Db,
  storeId: string,
  customer: Customer,
  accepts: boolean,
  evidence: ConsentEvidence,
): Promise<boolean> {
  if (customer.acceptsMarketing === accepts) return false;
  if (accepts) await recordMarketingConsent(tx, storeId, customer.id, evidence);
  else await withdrawMarketingConsent(tx, storeId, customer.id, evidence);
  return true;
}

/** A customer's consent log, newest first. */
export async function marketingConsentHistory(
  db: Db,
  storeId: string,
  customerId: string,
): Promise<MarketingConsentEntry[]> {
  return db
    .select({
      id: customerMarketingConsents.id,
      channel: customerMarketingConsents.channel,
      status: customerMarketingConsents.status,
      source: customerMarketingConsents.source,
      ip: customerMarketingConsents.ip,
      userAgent: customerMarketingConsents.userAgent,
      actorId: customerMarketingConsents.actorId,
      recordedAt: customerMarketingConsents.recordedAt,
    })
    .from(customerMarketingConsents)
    .where(
      and(
        eq(customerMarketingConsents.storeId, storeId),
        eq(customerMarketingConsents.customerId, customerId),
      ),
    )
    .orderBy(desc(customerMarketingConsents.recordedAt), desc(customerMarketingConsents.id));
}

/**
 * Every customer who may get marketing e-mail now: consent granted and not a disabled account.
 * Read in batches by id (the newsletter walks it while it queues).
 */
export async function* customersWithMarketingConsent(
  db: Db,
  storeId: string,
  options: { batchSize?: number } = {},
): AsyncGenerator<Customer> {
  const batchSize = options.batchSize ?? 1_000;
  let after = '';
  for (;;) {
    const rows = await db
      .select()
      .from(customers)
      .where(
        and(
          eq(customers.storeId, storeId),
          eq(customers.acceptsMarketing, true),
          ne(customers.state, 'disabled'),
          gt(customers.id, after),
        ),
      )
      .orderBy(asc(customers.id))
      .limit(batchSize);
    for (const row of rows) yield customerOf(row);
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1]!.id;
  }
}

/**
 * The customer when they may get marketing e-mail at this moment (consent granted, not a disabled
 * account), else null. The row is locked FOR SHARE until the caller's transaction ends: a
 * withdrawal (which locks it for update) waits for the message being queued, or the message sees
 * the withdrawal. Newsletters call it right before queueing each recipient's message.
 */
export async function consentingCustomer(
  tx: Db,
  storeId: string,
  customerId: string,
): Promise<Customer | null> {
  const [row] = await tx
    .select()
    .from(customers)
    .where(and(eq(customers.storeId, storeId), eq(customers.id, customerId)))
    .for('share');
  if (!row?.acceptsMarketing || row.state === 'disabled') return null;
  return customerOf(row);
}
