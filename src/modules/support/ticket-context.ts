import type { Db } from '../../platform/db/database.ts';
import { type CustomerProfile, customerProfile } from '../customers/index.ts';
import { getOrder, type OrderDetail } from '../orders/index.ts';
import { ticketRow } from './ticket-rows.ts';

/** How many of the customer's orders the sidebar shows in full (lines, parcels, refunds). */
const SIDEBAR_ORDERS = 5;

export interface TicketContext {
  /** The customer's profile summary: figures (orders, spent), state, tags, groups; null for no customer. */
  customer: (Pick<CustomerProfile, 'groups'> & { summary: CustomerProfile['customer'] }) | null;
  /** The ticket's order first (when linked), then the customer's latest, each with lines, parcels, refunds and returns. */
  orders: Omit<OrderDetail, 'events'>[];
}

/**
 * What the inbox's sidebar shows beside a ticket, read through the customers and orders modules:
 * who the customer is and their recent orders in enough detail to act on (refund a line, start a
 * return, quote a tracking number).
 */
export async function ticketContext(db: Db, storeId: string, ticketId: string): Promise<TicketContext> {
  const ticket = await ticketRow(db, storeId, ticketId);
  const profile = ticket.customerId
    ? await customerProfile(db, storeId, ticket.customerId).catch(() => null)
    : null;
  const ids = [
    ...new Set([
      ...(ticket.orderId ? [ticket.orderId] : []),
      ...(profile?.recentOrders ?? []).map((o) => o.id),
    ]),
  ].slice(0, SIDEBAR_ORDERS);
  const orders = (await Promise.all(ids.map((id) => getOrder(db, storeId, id).catch(() => null)))).filter(
    (o): o is OrderDetail => o !== null,
  );
  return {
    customer: profile && { summary: profile.customer, groups: profile.groups },
    orders: orders.map(({ events: _events, ...order }) => order),
  };
}
