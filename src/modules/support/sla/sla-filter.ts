import { and, or, type SQL, sql } from 'drizzle-orm';
import { supportTickets } from '../schema.ts';

const t = supportTickets;

/** The ticket's clocks run (not solved or closed); merged tickets are closed. */
const live = sql`${t.status} in ('new', 'open', 'pending')`;
const firstResponseRunning = sql`${t.firstResponseAt} is null`;

/** A running clock past its due time, on the row's kept due times (the partial due indexes answer it). */
export function slaBreached(at: Date): SQL {
  const iso = at.toISOString();
  return and(
    live,
    or(
      sql`(${firstResponseRunning} and ${t.firstResponseDueAt} <= ${iso}::timestamptz)`,
      sql`${t.resolutionDueAt} <= ${iso}::timestamptz`,
    ),
  )!;
}

/**
 * No clock breached, and one with under a fifth of its target left (the pure clock's `due_soon`).
 * Written with each arm bounded by a due time still ahead (`due_at > now`), so the partial due
 * indexes find the few clocks in their last fifth instead of the list walking the store.
 */
function slaDueSoon(at: Date): SQL {
  const iso = at.toISOString();
  return and(
    live,
    or(
      sql`(${firstResponseRunning} and ${t.firstResponseDueAt} > ${iso}::timestamptz and ${t.firstResponseDueSoonAt} <= ${iso}::timestamptz and ${t.resolutionDueAt} > ${iso}::timestamptz)`,
      sql`(${t.resolutionDueAt} > ${iso}::timestamptz and ${t.resolutionDueSoonAt} <= ${iso}::timestamptz and not coalesce(${firstResponseRunning} and ${t.firstResponseDueAt} <= ${iso}::timestamptz, false))`,
    ),
  )!;
}

/** The list's `sla` filter. */
export function slaFilter(which: 'breached' | 'due_soon', at: Date): SQL {
  return which === 'breached' ? slaBreached(at) : slaDueSoon(at);
}
