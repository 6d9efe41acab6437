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

/** No clock breached, and one with under a fifth of its target left (the pure clock's `due_soon`). */
function slaDueSoon(at: Date): SQL {
  const iso = at.toISOString();
  return and(
    live,
    sql`not (coalesce(${firstResponseRunning} and ${t.firstResponseDueAt} <= ${iso}::timestamptz, false) or coalesce(${t.resolutionDueAt} <= ${iso}::timestamptz, false))`,
    or(
      sql`(${firstResponseRunning} and ${t.firstResponseDueSoonAt} <= ${iso}::timestamptz)`,
      sql`${t.resolutionDueSoonAt} <= ${iso}::timestamptz`,
    ),
  )!;
}

/** The list's `sla` filter. */
export function slaFilter(which: 'breached' | 'due_soon', at: Date): SQL {
  return which === 'breached' ? slaBreached(at) : slaDueSoon(at);
}
