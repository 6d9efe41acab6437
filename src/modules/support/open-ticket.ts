import type { Db } from '../../platform/db/database.ts';
import { AppError, badRequest } from '../../platform/errors.ts';
import { emitEvent } from '../../platform/events/index.ts';
import { newId } from '../../platform/ids.ts';
import { type Actor, recordAudit } from '../access/index.ts';
import { findOrCreateGuestCustomer } from '../customers/index.ts';
import { getOrder } from '../orders/index.ts';
import { supportTickets, type TicketChannel, type TicketPriority } from './schema.ts';
import { newTicketToken } from './support-mail-settings.ts';
import { appendMessage, type NewMessage, type TicketMessage } from './ticket-messages.ts';
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
  const number = await nextTicketNumber(tx, storeId);
  const [created] = await tx
    .insert(supportTickets)
    .values({
      id: newId('supportTicket'),
      storeId,
      number,
      subject: opening.subject.slice(0, 200),
      status: 'new',
      priority: opening.priority ?? 'normal',
      customerId: customer.id,
      requesterEmail: customer.email,
      requesterName: opening.requesterName?.trim() || null,
      orderId: opening.orderId ?? null,
      channel: opening.channel,
      tags: opening.tags ?? [],
      token: newTicketToken(),
    })
    .returning();
  const message = await appendMessage(tx, created!, {
    ...opening.firstMessage,
    kind: 'inbound',
    authorCustomerId: customer.id,
  });
  const ticket = { ...created!, messageCount: 1, lastMessageAt: message.createdAt };
  await recordAudit(tx, actor, {
    storeId,
    action: 'support.ticket_created',
    entityType: 'support_ticket',
    entityId: ticket.id,
    after: ticketOf(ticket),
  });
  await emitEvent(tx, {
    storeId,
    type: 'support.ticket_created',
    payload: { ticketId: ticket.id, number, channel: opening.channel, orderId: ticket.orderId },
  });
  return { ticket, message };
}
