import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors.ts';
import { supportTicketCounters, supportTickets } from './schema.ts';

export type TicketRow = typeof supportTickets.$inferSelect;

/** A ticket as the API, the audit log and events see it: everything but the reply-address secret. */
export type Ticket = Omit<TicketRow, 'token'>;

export function ticketOf(row: TicketRow): Ticket {
  const { token: _secret, ...ticket } = row;
  return ticket;
}

/** The ticket, locked for the rest of the transaction when `forUpdate`; 404 when the store has none with that id. */
export async function ticketRow(
  tx: Db,
  storeId: string,
  ticketId: string,
  options: { forUpdate?: boolean } = {},
): Promise<TicketRow> {
  const query = tx
    .select()
    .from(supportTickets)
    .where(and(eq(supportTickets.storeId, storeId), eq(supportTickets.id, ticketId)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Ticket', { id: ticketId });
  return row;
}

/** The store's next ticket number: one upsert, the counter row locked only until the caller commits. */
export async function nextTicketNumber(tx: Db, storeId: string): Promise<number> {
  const [row] = await tx
    .insert(supportTicketCounters)
    .values({ storeId, lastNumber: 1 })
    .onConflictDoUpdate({
      target: supportTicketCounters.storeId,
      set: { lastNumber: sql`${supportTicketCounters.lastNumber} + 1` },
    })
    .returning({ lastNumber: supportTicketCounters.lastNumber });
  return row!.lastNumber;
}
