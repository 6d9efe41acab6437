import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { systemActor } from '../access/index.ts';
import { openTicket } from './open-ticket.ts';
import { messageBody } from './ticket-input.ts';

const storefront = systemActor('storefront');

/** What a shopper sends from the contact form or an order page's "Get help" form. */
export const customerTicketInput = z.object({
  email: z
    .string()
    .trim()
    .max(254)
    .transform((e) => e.toLowerCase())
    .pipe(z.email()),
  name: z.string().trim().max(120).optional(),
  subject: z.string().trim().min(1).max(200),
  message: messageBody.pipe(z.string().max(10_000)),
  orderId: z.string().min(1).max(64).optional(),
});
export type CustomerTicketInput = z.input<typeof customerTicketInput>;

/**
 * A ticket a shopper opens on the storefront: `contact_form`, or `order_page` linked to the order
 * whose status page they were on. Throws ZodError on bad input (the form shows it), nothing written.
 */
export async function openCustomerTicket(
  db: Db,
  storeId: string,
  channel: 'contact_form' | 'order_page',
  input: CustomerTicketInput,
): Promise<{ ticketId: string; number: number }> {
  const data = customerTicketInput.parse(input);
  return db.transaction(async (tx) => {
    const { ticket } = await openTicket(tx, storeId, storefront, {
      subject: data.subject,
      requesterEmail: data.email,
      requesterName: data.name,
      orderId: data.orderId,
      channel,
      firstMessage: {
        authorLabel: data.name ? `${data.name} <${data.email}>` : data.email,
        fromEmail: data.email,
        bodyText: data.message,
      },
    });
    return { ticketId: ticket.id, number: ticket.number };
  });
}
