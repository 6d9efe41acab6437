import { and, eq, isNull, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Db } from '../../../platform/db/database.ts';
import { getStore } from '../../access/index.ts';
import { supportTickets } from '../schema.ts';
import { slaBreached } from './sla-filter.ts';

export interface SupportSlaSummary {
  /** Live tickets with a clock past its due time. */
  breached: number;
  /** Live tickets not breached yet with a running clock due before the end of the store's day. */
  dueToday: number;
  /** Breached tickets nobody is assigned to. */
  unassignedBreached: number;
  /** The ticket breached longest ago, for the briefing's link. */
  oldestBreachedTicket?: { id: string; number: number; subject: string; dueAt: Date };
}

const t = supportTickets;
/** The earliest due time among the running clocks (PostgreSQL's `least` skips nulls). */
const earliestDue = sql<Date>`least(case when ${t.firstResponseAt} is null then ${t.firstResponseDueAt} end, ${t.resolutionDueAt})`;

/**
 * Where the store's SLA stands at `at`, for the daily briefing ("9 tickets breach SLA today"):
 * counts over the due times kept on the ticket rows.
 */
export async function supportSlaSummary(db: Db, storeId: string, at: Date): Promise<SupportSlaSummary> {
  const { timezone } = await getStore(db, storeId);
  const endOfDay = DateTime.fromJSDate(at, { zone: timezone }).endOf('day').toJSDate().toISOString();
  const live = and(
    eq(t.storeId, storeId),
    isNull(t.mergedIntoId),
    sql`${t.status} in ('new', 'open', 'pending')`,
  );
  const breached = slaBreached(at);
  const [counts] = await db
    .select({
      breached: sql<number>`count(*) filter (where ${breached})::int`,
      unassignedBreached: sql<number>`count(*) filter (where ${breached} and ${t.assigneeId} is null)::int`,
      dueToday: sql<number>`count(*) filter (where not (${breached}) and ${earliestDue} <= ${endOfDay}::timestamptz)::int`,
    })
    .from(t)
    .where(and(live, sql`${earliestDue} <= ${endOfDay}::timestamptz`));
  const [oldest] = await db
    .select({ id: t.id, number: t.number, subject: t.subject, dueAt: earliestDue })
    .from(t)
    .where(and(live, breached))
    .orderBy(earliestDue)
    .limit(1);
  return {
    breached: counts!.breached,
    dueToday: counts!.dueToday,
    unassignedBreached: counts!.unassignedBreached,
    ...(oldest ? { oldestBreachedTicket: { ...oldest, dueAt: new Date(oldest.dueAt) } } : {}),
  };
}
