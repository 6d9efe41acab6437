import { and, eq, sql } from 'drizzle-orm';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { emitEvent } from '../../platform/events/index.ts';
import { type Actor, recordAudit } from '../access/index.ts';
import { supportAttachments, supportMessages, supportTickets } from './schema.ts';
import { appendMessage } from './ticket-messages.ts';
import { type TicketRow, ticketOf, ticketRow } from './ticket-rows.ts';

const earliest = (a: Date | null, b: Date | null) => (a && b ? (a < b ? a : b) : (a ?? b));

/**
 * Merges `sourceId` into `intoId` (the same customer wrote twice): the source's messages and
 * attachments move to the target, the target takes the source's tags, and the source is closed
 * with a pointer to the target (`mergedIntoId`), so its reply address and Message-IDs lead to the
 * target from now on. A note on the target says what was merged. Both tickets are locked in id
 * order, so two merges of the same pair cannot deadlock. 400 `merge_into_itself`; 409
 * `ticket_merged` when either was merged already, `ticket_closed` when the target is closed.
 */
export async function mergeTickets(
  db: Db,
  storeId: string,
  actor: Actor,
  sourceId: string,
  intoId: string,
): Promise<TicketRow> {
  if (sourceId === intoId) {
    throw badRequest('merge_into_itself', 'A ticket cannot be merged into itself.', { path: 'intoTicketId' });
  }
  return db.transaction(async (tx) => {
    const locked = new Map<string, TicketRow>();
    for (const id of [sourceId, intoId].sort()) {
      locked.set(id, await ticketRow(tx, storeId, id, { forUpdate: true }));
    }
    const source = locked.get(sourceId)!;
    const target = locked.get(intoId)!;
    for (const ticket of [source, target]) {
      if (ticket.mergedIntoId) {
        throw conflict('ticket_merged', `Ticket #${ticket.number} was already merged.`, {
          ticketId: ticket.id,
          mergedIntoId: ticket.mergedIntoId,
        });
      }
    }
    if (target.status === 'closed') {
      throw conflict('ticket_closed', 'The ticket to merge into is closed.', { ticketId: target.id });
    }
    const at = now();
    await tx
      .update(supportMessages)
      .set({ ticketId: target.id })
      .where(and(eq(supportMessages.storeId, storeId), eq(supportMessages.ticketId, source.id)));
    await tx
      .update(supportAttachments)
      .set({ ticketId: target.id })
      .where(and(eq(supportAttachments.storeId, storeId), eq(supportAttachments.ticketId, source.id)));
    await tx
      .update(supportTickets)
      .set({
        status: 'closed',
        mergedIntoId: target.id,
        messageCount: 0,
        awaitingReply: false,
        updatedAt: at,
      })
      .where(eq(supportTickets.id, source.id));
    const [merged] = await tx
      .update(supportTickets)
      .set({
        messageCount: sql`${supportTickets.messageCount} + ${source.messageCount}`,
        tags: [...new Set([...target.tags, ...source.tags])],
        awaitingReply: target.awaitingReply || source.awaitingReply,
        firstResponseAt: earliest(target.firstResponseAt, source.firstResponseAt),
        orderId: target.orderId ?? source.orderId,
        updatedAt: at,
      })
      .where(eq(supportTickets.id, target.id))
      .returning();
    await appendMessage(tx, merged!, {
      kind: 'note',
      authorUserId: actor.type === 'user' ? actor.id : null,
      authorLabel: actor.label,
      bodyText: `Merged ticket #${source.number} (“${source.subject}”) into this one.`,
    });
    await recordAudit(tx, actor, {
      storeId,
      action: 'support.ticket_merged',
      entityType: 'support_ticket',
      entityId: source.id,
      before: ticketOf(source),
      after: { status: 'closed', mergedIntoId: target.id },
    });
    await emitEvent(tx, {
      storeId,
      type: 'support.ticket_merged',
      payload: { ticketId: source.id, intoTicketId: target.id },
    });
    return ticketRow(tx, storeId, target.id);
  });
}
