import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { type Customer, getCustomer } from '../customers/index.ts';
import { listOrders, type OrderSummary } from '../orders/index.ts';
import { supportAttachments, supportMessages } from './schema.ts';
import { type Ticket, ticketOf, ticketRow } from './ticket-rows.ts';

export type TicketAttachment = Omit<typeof supportAttachments.$inferSelect, 'blobKey'>;

export interface TicketDetail {
  ticket: Ticket;
  messages: (typeof supportMessages.$inferSelect & { attachments: TicketAttachment[] })[];
  customer: Pick<Customer, 'id' | 'email' | 'firstName' | 'lastName' | 'state' | 'tags'> | null;
  /** The customer's latest orders, for the sidebar (the ticket's own order among them when it is recent). */
  orders: OrderSummary[];
}

/** One ticket with its thread (oldest first, attachments with each message) and the customer's orders beside it. */
export async function getTicketDetail(db: Db, storeId: string, ticketId: string): Promise<TicketDetail> {
  const row = await ticketRow(db, storeId, ticketId);
  const [messages, attachments] = await Promise.all([
    db
      .select()
      .from(supportMessages)
      .where(eq(supportMessages.ticketId, row.id))
      .orderBy(asc(supportMessages.createdAt), asc(supportMessages.id)),
    db
      .select()
      .from(supportAttachments)
      .where(eq(supportAttachments.ticketId, row.id))
      .orderBy(asc(supportAttachments.createdAt), asc(supportAttachments.id)),
  ]);
  const byMessage = new Map<string, TicketAttachment[]>();
  for (const { blobKey: _key, ...attachment } of attachments) {
    byMessage.set(attachment.messageId, [...(byMessage.get(attachment.messageId) ?? []), attachment]);
  }
  const customer = row.customerId ? await getCustomer(db, storeId, row.customerId).catch(() => null) : null;
  const orders = row.customerId
    ? (await listOrders(db, storeId, { customerId: row.customerId, limit: 10 })).items
    : [];
  return {
    ticket: ticketOf(row),
    messages: messages.map((m) => ({ ...m, attachments: byMessage.get(m.id) ?? [] })),
    customer: customer && {
      id: customer.id,
      email: customer.email,
      firstName: customer.firstName,
      lastName: customer.lastName,
      state: customer.state,
      tags: customer.tags,
    },
    orders,
  };
}
