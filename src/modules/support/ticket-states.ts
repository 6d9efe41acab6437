import { conflict } from '../../platform/errors.ts';
import type { TicketStatus } from './schema.ts';

/**
 * Where a ticket may go from each status. `closed` is the end: a customer who writes again about a
 * closed ticket opens a new one (inbound mail does that), so closed tickets stay as they were
 * reported on. `new` is only ever a starting point: nothing goes back to it.
 */
const transitions: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['open', 'pending', 'solved', 'closed'],
  open: ['pending', 'solved', 'closed'],
  pending: ['open', 'solved', 'closed'],
  solved: ['open', 'closed'],
  closed: [],
};

export function canChangeStatus(from: TicketStatus, to: TicketStatus): boolean {
  return from === to || transitions[from].includes(to);
}

/** 409 `invalid_status_transition` for a move the machine does not allow. */
export function assertStatusChange(from: TicketStatus, to: TicketStatus): void {
  if (!canChangeStatus(from, to)) {
    throw conflict('invalid_status_transition', `A ${from} ticket cannot become ${to}.`, {
      from,
      to,
      allowed: transitions[from],
    });
  }
}

/** What a customer's new message does to the status: a waiting or solved ticket is open again. */
export function statusAfterCustomerMessage(status: TicketStatus): TicketStatus {
  return status === 'pending' || status === 'solved' ? 'open' : status;
}
