import { and, eq } from 'drizzle-orm';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { emitEvent } from '../../platform/events/index.ts';
import { type Actor, listMembers, recordAudit } from '../access/index.ts';
import { queueCsatSurvey } from './csat/queue-survey.ts';
import { supportTickets } from './schema.ts';
import { storeSla } from './sla/sla-settings.ts';
import { dueTimesOf } from './sla/ticket-due-times.ts';
import { type TicketChangeInput, ticketChangeInput } from './ticket-input.ts';
import { type TicketRow, ticketOf, ticketRow } from './ticket-rows.ts';
import { assertStatusChange } from './ticket-states.ts';

/**
 * Changes a ticket's status (through the state machine: 409 `invalid_status_transition`),
 * priority, assignee (a member of the store: 400 `unknown_assignee`) or tags; audited with before
 * and after, `support.ticket_updated` with the fields that changed.
 */
export async function changeTicket(
  db: Db,
  storeId: string,
  actor: Actor,
  ticketId: string,
  input: TicketChangeInput,
): Promise<TicketRow> {
  const data = ticketChangeInput.parse(input);
  if (data.assigneeId) {
    const members = await listMembers(db, storeId);
    if (!members.some((m) => m.userId === data.assigneeId)) {
      throw badRequest('unknown_assignee', 'The assignee must be a member of this store.', {
        path: 'assigneeId',
      });
    }
  }
  return db.transaction(async (tx) => {
    const before = await ticketRow(tx, storeId, ticketId, { forUpdate: true });
    if (before.mergedIntoId) {
      throw conflict('ticket_merged', 'This ticket was merged into another.', {
        mergedIntoId: before.mergedIntoId,
      });
    }
    if (data.status) assertStatusChange(before.status, data.status);
    const at = now();
    const status = data.status ?? before.status;
    const priority = data.priority ?? before.priority;
    // A new priority means new SLA targets: the clocks still count from the ticket's creation.
    const sla = priority === before.priority ? null : await storeSla(tx, storeId);
    const due = sla ? dueTimesOf({ priority, createdAt: before.createdAt }, sla.policy, sla.hours) : {};
    const [after] = await tx
      .update(supportTickets)
      .set({
        status,
        priority,
        ...due,
        assigneeId: data.assigneeId === undefined ? before.assigneeId : data.assigneeId,
        tags: data.tags ?? before.tags,
        solvedAt:
          status === before.status
            ? before.solvedAt
            : status === 'solved'
              ? at
              : status === 'closed'
                ? before.solvedAt
                : null,
        updatedAt: at,
      })
      .where(and(eq(supportTickets.storeId, storeId), eq(supportTickets.id, ticketId)))
      .returning();
    if (status === 'solved' && before.status !== 'solved') await queueCsatSurvey(tx, after!, at);
    const changed = (['status', 'priority', 'assigneeId', 'tags'] as const).filter(
      (field) => JSON.stringify(before[field]) !== JSON.stringify(after![field]),
    );
    await recordAudit(tx, actor, {
      storeId,
      action: 'support.ticket_updated',
      entityType: 'support_ticket',
      entityId: ticketId,
      before: ticketOf(before),
      after: ticketOf(after!),
    });
    await emitEvent(tx, {
      storeId,
      type: 'support.ticket_updated',
      payload: { ticketId, changed, status: after!.status, assigneeId: after!.assigneeId },
    });
    return after!;
  });
}
