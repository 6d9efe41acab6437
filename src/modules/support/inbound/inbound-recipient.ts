import { eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { supportTickets } from '../schema.ts';
import { tokenOfAddress } from '../support-mail-settings.ts';
import { storeOfSupportAddress } from '../support-settings.ts';

/** Whom an inbound message is for: a store's support address, or a ticket's reply address. */
export type InboundRecipient =
  | { kind: 'store'; storeId: string; address: string }
  | { kind: 'ticket'; storeId: string; ticketId: string; address: string };

/**
 * The store or ticket an envelope recipient names, or null (the listener answers 550): a reply
 * address `support+<token>@<domain>` of an existing ticket, or a store's support address.
 */
export async function resolveInboundRecipient(
  db: Db,
  address: string,
  domain: string,
): Promise<InboundRecipient | null> {
  const lower = address.trim().toLowerCase();
  const token = lower.endsWith(`@${domain}`) ? tokenOfAddress(lower) : null;
  if (token) {
    const [ticket] = await db
      .select({ id: supportTickets.id, storeId: supportTickets.storeId })
      .from(supportTickets)
      .where(eq(supportTickets.token, token));
    if (ticket) return { kind: 'ticket', storeId: ticket.storeId, ticketId: ticket.id, address: lower };
  }
  const storeId = await storeOfSupportAddress(db, lower);
  return storeId ? { kind: 'store', storeId, address: lower } : null;
}
