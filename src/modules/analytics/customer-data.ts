import { randomBytes } from 'node:crypto';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { resultRows } from '../../platform/db/result-rows.ts';
import type { CustomerErasure, DataSubject } from '../../platform/personal-data/data-subject.ts';
import { analyticsEvents } from './schema.ts';

/** Every visitor id the customer was seen under: the events recorded while they were signed in or bought. */
async function subjectVisitorIds(db: Db, storeId: string, subject: DataSubject): Promise<string[]> {
  const rows = await db
    .selectDistinct({ visitorId: analyticsEvents.visitorId })
    .from(analyticsEvents)
    .where(and(eq(analyticsEvents.storeId, storeId), eq(analyticsEvents.customerId, subject.id)));
  return rows.map((r) => r.visitorId);
}

function subjectEvents(storeId: string, subject: DataSubject, visitorIds: string[]) {
  const byCustomer = eq(analyticsEvents.customerId, subject.id);
  return and(
    eq(analyticsEvents.storeId, storeId),
    visitorIds.length === 0 ? byCustomer : or(byCustomer, inArray(analyticsEvents.visitorId, visitorIds)),
  );
}

/**
 * Analytics' part of a privacy request (docs/privacy.md): the raw events of every visitor id the
 * customer was known under (pages seen, searches, carts, purchases), in time order. Facts and
 * rollups carry no personal data (an order's facts name the customer's id only).
 */
export async function exportCustomerData(db: Db, storeId: string, subject: DataSubject) {
  const visitorIds = await subjectVisitorIds(db, storeId, subject);
  return {
    analytics_visitor_ids: visitorIds,
    analytics_events: await db
      .select()
      .from(analyticsEvents)
      .where(subjectEvents(storeId, subject, visitorIds))
      .orderBy(analyticsEvents.occurredAt),
  };
}

/**
 * Severs the events from the person in the caller's transaction: the customer id goes, and each
 * of their visitor ids becomes a new random one (one per old id, so sessions, visitors and
 * funnels still count the same and rollups rebuilt from raw events stay identical).
 */
export async function eraseCustomerData(
  tx: Db,
  storeId: string,
  subject: DataSubject,
): Promise<CustomerErasure> {
  const visitorIds = await subjectVisitorIds(tx, storeId, subject);
  const salt = randomBytes(16).toString('hex');
  await tx
    .update(analyticsEvents)
    .set({
      customerId: null,
      visitorId: sql`'erased_' || md5(${analyticsEvents.visitorId} || ${salt})`,
    })
    .where(subjectEvents(storeId, subject, visitorIds));
  // Facts name the customer by id only (the tombstone row), which new-versus-returning needs.
  return {};
}

/** Rows deleted per statement, so a first run over years of events never holds one huge transaction. */
const RETENTION_BATCH = 10_000;

/**
 * Raw-event retention (the privacy module's per-store setting, docs/privacy.md): deletes the
 * store's raw events that occurred before `before`, in batches; rollups and facts stay, so reports
 * of those months do not change (only a rebuild from raw events could no longer redo them).
 * Events are partitioned by month for all stores together, so whole partitions are not dropped
 * for one store's setting: rows are deleted by store and time. Returns how many went.
 */
export async function deleteRawEventsBefore(db: Db, storeId: string, before: Date): Promise<number> {
  let deleted = 0;
  for (;;) {
    const result = await db.execute(sql`
      delete from ${analyticsEvents}
      where (store_id, occurred_at, event_id) in (
        select store_id, occurred_at, event_id from ${analyticsEvents}
        where store_id = ${storeId} and occurred_at < ${before.toISOString()}
        limit ${RETENTION_BATCH}
      )
      returning 1 as gone`);
    const count = resultRows(result).length;
    deleted += count;
    if (count < RETENTION_BATCH) return deleted;
  }
}
