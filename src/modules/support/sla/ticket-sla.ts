import type { TicketPriority } from '../schema.ts';
import { addBusinessMinutes, type BusinessHours, businessMinutesBetween } from './business-hours.ts';

/** Targets per priority, in business minutes: the first answer, and solving the ticket. */
export type SlaPolicy = Record<TicketPriority, { firstResponseMinutes: number; resolutionMinutes: number }>;

/** A starting policy: urgent within the hour, low within two working days (8-hour days). */
export const defaultSlaPolicy: SlaPolicy = {
  urgent: { firstResponseMinutes: 60, resolutionMinutes: 8 * 60 },
  high: { firstResponseMinutes: 4 * 60, resolutionMinutes: 2 * 8 * 60 },
  normal: { firstResponseMinutes: 8 * 60, resolutionMinutes: 3 * 8 * 60 },
  low: { firstResponseMinutes: 2 * 8 * 60, resolutionMinutes: 5 * 8 * 60 },
};

export type SlaClockState = 'met' | 'missed' | 'running' | 'due_soon' | 'breached';

export interface SlaClock {
  dueAt: Date;
  state: SlaClockState;
  /** Business minutes left (negative once breached); null once the clock stopped. */
  minutesLeft: number | null;
}

export interface TicketSla {
  firstResponse: SlaClock;
  resolution: SlaClock;
}

export interface SlaTicket {
  priority: TicketPriority;
  createdAt: Date;
  firstResponseAt: Date | null;
  solvedAt: Date | null;
}

/** "Due soon" when less than this share of the target is left: the list's warning. */
export const DUE_SOON_SHARE = 0.2;

function clock(
  targetMinutes: number,
  startedAt: Date,
  stoppedAt: Date | null,
  now: Date,
  hours: BusinessHours,
): SlaClock {
  const dueAt = addBusinessMinutes(startedAt, targetMinutes, hours);
  if (stoppedAt) return { dueAt, state: stoppedAt <= dueAt ? 'met' : 'missed', minutesLeft: null };
  // `|| 0`: a breach with no business time since (a weekend) is 0 minutes left, not -0.
  const minutesLeft =
    now >= dueAt
      ? -businessMinutesBetween(dueAt, now, hours) || 0
      : businessMinutesBetween(now, dueAt, hours);
  const state =
    now >= dueAt ? 'breached' : minutesLeft < targetMinutes * DUE_SOON_SHARE ? 'due_soon' : 'running';
  return { dueAt, state, minutesLeft };
}

/**
 * Where a ticket stands against its SLA at `now`: when the first answer and the solution are due
 * (business time from the ticket's creation, in the store's hours), and whether each was met or
 * missed, is running, due soon or breached. A pure function: the list and the briefing call it
 * with the store's policy and hours.
 */
export function ticketSla(ticket: SlaTicket, policy: SlaPolicy, hours: BusinessHours, now: Date): TicketSla {
  const target = policy[ticket.priority];
  return {
    firstResponse: clock(target.firstResponseMinutes, ticket.createdAt, ticket.firstResponseAt, now, hours),
    resolution: clock(target.resolutionMinutes, ticket.createdAt, ticket.solvedAt, now, hours),
  };
}
