import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, badRequest } from '../../platform/errors.ts';
import { emitEvents } from '../../platform/events/index.ts';
import { newId } from '../../platform/ids.ts';
import { type Actor, recordAudit } from '../access/index.ts';
import { findOrCreateGuestCustomer } from '../customers/index.ts';
import { getOrder } from '../orders/index.ts';
import { supportTickets, type TicketChannel, type TicketPriority } from './schema.ts';
import { storeSla } from './sla/sla-settings.ts';
import { dueTimesOf } from './sla/ticket-due-times.ts';
import { newTicketToken } from './support-mail-settings.ts';
import { insertMessage, messageAddedEvent, type NewMessage, type TicketMessage } from './ticket-messages.ts';
import { nextTicketNumber, type TicketRow, ticketOf } from './ticket-rows.ts';

export interface TicketOpening {
  subject: string;
  requesterEmail: string;
  requesterName?: string | null;
  orderId?: string | null;
  priority?: TicketPriority;
  tags?: string[];
  channel: TicketChannel;
  /** The customer's first words (or what staff wrote down for them). */
  firstMessage: Omit<NewMessage, 'kind' | 'authorCustomerId'>;
}

/** "Ada Lovelace" → first and last name for the customer record (a single word is a first name). */
function nameParts(name: string | null | undefined) {
  const words = (name ?? '').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { firstName: null, lastName: null };
  return { firstName: words[0]!.slice(0, 100), lastName: words.slice(1).join(' ').slice(0, 100) || null };
}

/**
 * Opens a ticket with its first (customer) message, in the caller's transaction: links the
 * requester to the store's customer with that e-mail (made as a guest when there is none), checks
 * the order belongs to the store (400 `unknown_order`), takes the store's next number, audits and
 * emits `support.ticket_created`.
 */
export async function openTicket(
  tx: Db,
  storeId: string,
  actor: Actor,
  opening: TicketOpening,
): Promise<{ ticket: TicketRow; message: TicketMessage }> {
  if (opening.orderId) {
    try {
      await getOrder(tx, storeId, opening.orderId);
    } catch (err) {
      if (err instanceof AppError && err.status === 404) {
        throw badRequest('unknown_order', 'No such order in this store.', { orderId: opening.orderId });
      }
      throw err;
    }
  }
  const customer = await findOrCreateGuestCustomer(tx, storeId, {
    email: opening.requesterEmail,
    ...nameParts(opening.requesterName),
  });
  // The message first (its ticket id is known), the ticket row with its final counts, and the
  // store's number as late as possible: the counter row stays locked until commit, and every new
  // ticket of the store waits for it.
  const at = now();
  const ticketId = newId('supportTicket');
  const message = await insertMessage(
    tx,
    storeId,
    ticketId,
    { ...opening.firstMessage, kind: 'inbound', authorCustomerId: customer.id },
    at,
  );
  const sla = await storeSla(tx, storeId);
  const priority = opening.priority ?? 'normal';
  const number = await nextTicketNumber(tx, storeId);
  const [ticket] = await tx
    .insert(supportTickets)
    .values({
      id: ticketId,
      storeId,
      number,
      subject: opening.subject.slice(0, 200),
      status: 'new',
      priority,
      customerId: customer.id,
      requesterEmail: customer.email,
      requesterName: opening.requesterName?.trim() || null,
      orderId: opening.orderId ?? null,
      channel: opening.channel,
      tags: opening.tags ?? [],
      token: newTicketToken(),
      messageCount: 1,
      awaitingReply: true,
      lastMessageAt: at,
      createdAt: at,
      updatedAt: at,
      ...dueTimesOf({ priority, createdAt: at }, sla.policy, sla.hours),
    })
    .returning();
  await recordAudit(tx, actor, {
    storeId,
    action: 'support.ticket_created',
    entityType: 'support_ticket',
    entityId: ticketId,
    after: ticketOf(ticket!),
  });
  await emitEvents(tx, [
    {
      storeId,
      type: 'support.ticket_created',
      payload: { ticketId, number, channel: opening.channel, orderId: ticket!.orderId },
    },
    messageAddedEvent(storeId, message, 'new'),
  ]);
  return { ticket: ticket!, message };
}
