import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { supportTickets, type TicketPriority, type TicketStatus } from '../schema.ts';
import { addBusinessMinutes, type BusinessHours } from './business-hours.ts';
import { DUE_SOON_SHARE, type SlaPolicy, type SlaTicket } from './ticket-sla.ts';

/** Statuses whose clocks run; a solved or closed ticket's clocks stopped. */
export const liveStatuses = ['new', 'open', 'pending'] as const satisfies readonly TicketStatus[];

export interface DueTimes {
  firstResponseDueAt: Date;
  firstResponseDueSoonAt: Date;
  resolutionDueAt: Date;
  resolutionDueSoonAt: Date;
}

/**
 * When a clock of `target` business minutes started at `start` is due, and the first moment it is
 * "due soon" (less than the due-soon share of the target left: one millisecond past the point where
 * that share remains, so a clock that reaches it at closing time is not due soon overnight).
 */
function clockTimes(start: Date, target: number, hours: BusinessHours): [Date, Date] {
  return [
    addBusinessMinutes(start, target, hours),
    addBusinessMinutes(start, target * (1 - DUE_SOON_SHARE) + 1 / 60_000, hours),
  ];
}

/** A ticket's due times under a policy and hours: the values kept on its row. */
export function dueTimesOf(
  ticket: { priority: TicketPriority; createdAt: Date },
  policy: SlaPolicy,
  hours: BusinessHours,
): DueTimes {
  const target = policy[ticket.priority];
  const [firstResponseDueAt, firstResponseDueSoonAt] = clockTimes(
    ticket.createdAt,
    target.firstResponseMinutes,
    hours,
  );
  const [resolutionDueAt, resolutionDueSoonAt] = clockTimes(
    ticket.createdAt,
    target.resolutionMinutes,
    hours,
  );
  return { firstResponseDueAt, firstResponseDueSoonAt, resolutionDueAt, resolutionDueSoonAt };
}

/**
 * The ticket as the SLA clock reads it: a solved ticket stopped both clocks when it was solved (the
 * first response too, if it was solved without an answer), and a ticket closed without being
 * solved (spam, merged) stopped them when it was last changed.
 */
export function slaTicketOf(row: {
  priority: TicketPriority;
  status: TicketStatus;
  createdAt: Date;
  firstResponseAt: Date | null;
  solvedAt: Date | null;
  updatedAt: Date;
}): SlaTicket {
  const stoppedAt =
    row.status === 'solved' || row.status === 'closed' ? (row.solvedAt ?? row.updatedAt) : null;
  return {
    priority: row.priority,
    createdAt: row.createdAt,
    firstResponseAt: row.firstResponseAt ?? stoppedAt,
    solvedAt: stoppedAt,
  };
}

/** Works out one ticket's due times again (opened, reprioritised), in the caller's transaction. */
export async function refreshTicketDueTimes(
  tx: Db,
  ticket: { id: string; storeId: string; priority: TicketPriority; createdAt: Date },
  sla: { policy: SlaPolicy; hours: BusinessHours },
): Promise<DueTimes> {
  const due = dueTimesOf(ticket, sla.policy, sla.hours);
  await tx
    .update(supportTickets)
    .set(due)
    .where(and(eq(supportTickets.storeId, ticket.storeId), eq(supportTickets.id, ticket.id)));
  return due;
}

const BATCH = 500;

/**
 * Works out the due times of the store's live tickets again under a new policy (in the caller's
 * transaction), a batch of rows per UPDATE. Solved and closed tickets keep theirs: their clocks
 * stopped. Returns how many tickets were updated.
 */
export async function recomputeStoreDueTimes(
  tx: Db,
  storeId: string,
  sla: { policy: SlaPolicy; hours: BusinessHours },
): Promise<number> {
  const t = supportTickets;
  const rows = await tx
    .select({ id: t.id, priority: t.priority, createdAt: t.createdAt })
    .from(t)
    .where(and(eq(t.storeId, storeId), isNull(t.mergedIntoId), inArray(t.status, [...liveStatuses])));
  for (let i = 0; i < rows.length; i += BATCH) {
    const values = rows.slice(i, i + BATCH).map((row) => {
      const due = dueTimesOf(row, sla.policy, sla.hours);
      return sql`(${row.id}, ${due.firstResponseDueAt.toISOString()}::timestamptz, ${due.firstResponseDueSoonAt.toISOString()}::timestamptz, ${due.resolutionDueAt.toISOString()}::timestamptz, ${due.resolutionDueSoonAt.toISOString()}::timestamptz)`;
    });
    await tx.execute(sql`
      update support_tickets as t set
        first_response_due_at = v.frd, first_response_due_soon_at = v.frs,
        resolution_due_at = v.rd, resolution_due_soon_at = v.rs
      from (values ${sql.join(values, sql`, `)}) as v(id, frd, frs, rd, rs)
      where t.store_id = ${storeId} and t.id = v.id`);
  }
  return rows.length;
}
