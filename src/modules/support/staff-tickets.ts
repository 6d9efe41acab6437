import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../access/index.ts';
import { openTicket } from './open-ticket.ts';
import { type NewTicketInput, newTicketInput } from './ticket-input.ts';
import type { TicketRow } from './ticket-rows.ts';

/** A ticket staff open for a customer who called or wrote elsewhere; the first message is what they asked. */
export async function createStaffTicket(
  db: Db,
  storeId: string,
  actor: Actor,
  input: NewTicketInput,
): Promise<TicketRow> {
  const data = newTicketInput.parse(input);
  return db.transaction(async (tx) => {
    const { ticket } = await openTicket(tx, storeId, actor, {
      subject: data.subject,
      requesterEmail: data.requesterEmail,
      requesterName: data.requesterName,
      orderId: data.orderId,
      priority: data.priority,
      tags: data.tags,
      channel: 'staff',
      firstMessage: {
        authorUserId: actor.type === 'user' ? actor.id : null,
        authorLabel: data.requesterName || data.requesterEmail,
        fromEmail: data.requesterEmail,
        bodyText: data.body,
      },
    });
    return ticket;
  });
}
