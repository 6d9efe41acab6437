import type { Db } from '../../../platform/db/database.ts';
import { type Actor, findUserById, type Store, storeLocales } from '../../access/index.ts';
import { type Customer, getCustomer } from '../../customers/index.ts';
import {
  getOrder,
  getOrderSettings,
  listOrders,
  type OrderDetail,
  orderName,
  orderStatusPath,
  trackingUrlFor,
} from '../../orders/index.ts';
import { storefrontLink } from '../../transactional-mail/index.ts';
import type { TicketRow } from '../ticket-rows.ts';
import type { MacroValues } from './macro-variables.ts';

export interface TicketMacroValues {
  /** The language to answer in: the customer's when the store speaks it, else the store's default. */
  locale: string;
  values: MacroValues;
}

/** The ticket's order, else the customer's latest one: what "where is my order" is usually about. */
async function orderOfTicket(db: Db, ticket: TicketRow): Promise<OrderDetail | null> {
  if (ticket.orderId) return getOrder(db, ticket.storeId, ticket.orderId).catch(() => null);
  if (!ticket.customerId) return null;
  const [latest] = (await listOrders(db, ticket.storeId, { customerId: ticket.customerId, limit: 1 })).items;
  return latest ? getOrder(db, ticket.storeId, latest.id) : null;
}

/** The order's latest parcel that is not cancelled and has a tracking number. */
function latestTrackedParcel(order: OrderDetail | null) {
  const parcels = (order?.fulfilments ?? []).filter((f) => !f.cancelledAt && f.trackingNumber);
  return parcels.sort((a, b) => b.shippedAt.getTime() - a.shippedAt.getTime())[0] ?? null;
}

async function agentName(db: Db, actor: Actor): Promise<string> {
  if (actor.type !== 'user') return actor.label;
  const user = await findUserById(db, actor.id);
  return user?.name.trim() || actor.label;
}

/** Picks the store's language closest to the customer's (`de-AT` → `de`), or null. */
function storeLanguageOf(store: Store, wanted: string | null | undefined): string | null {
  if (!wanted) return null;
  const locales = storeLocales(store);
  const lower = wanted.toLowerCase();
  return (
    locales.find((l) => l.toLowerCase() === lower) ??
    locales.find((l) => l.toLowerCase() === lower.split('-')[0]) ??
    null
  );
}

/**
 * What a macro's variables hold for a ticket, read through the customers and orders modules: the
 * customer's names (the requester's name when no customer is known), the ticket's order (or the
 * customer's latest), its status and return links on the storefront, the latest parcel's tracking,
 * the store's name and the answering agent's. Null where there is nothing to say.
 */
export async function ticketMacroValues(
  db: Db,
  store: Store,
  ticket: TicketRow,
  actor: Actor,
): Promise<TicketMacroValues> {
  const [customer, order, agent, settings] = await Promise.all([
    ticket.customerId
      ? getCustomer(db, store.id, ticket.customerId).catch((): Customer | null => null)
      : Promise.resolve(null),
    orderOfTicket(db, ticket),
    agentName(db, actor),
    getOrderSettings(db, store.id),
  ]);
  const requesterWords = (ticket.requesterName ?? '').trim().split(/\s+/).filter(Boolean);
  const firstName = customer?.firstName?.trim() || requesterWords[0] || null;
  const fullName =
    [customer?.firstName, customer?.lastName].filter((p) => p?.trim()).join(' ') ||
    ticket.requesterName?.trim() ||
    null;
  const parcel = latestTrackedParcel(order);
  const placed = order && order.number !== null ? order : null;
  return {
    locale: storeLanguageOf(store, customer?.locale) ?? storeLanguageOf(store, order?.locale) ?? store.locale,
    values: {
      customer_first_name: firstName,
      customer_name: fullName,
      order_number: placed ? orderName(placed, settings.numberPrefix) : null,
      order_status_url: placed ? storefrontLink(store, orderStatusPath(placed)) : null,
      tracking_number: parcel?.trackingNumber ?? null,
      tracking_url: parcel
        ? (parcel.trackingUrl ?? trackingUrlFor(parcel.carrier, parcel.trackingNumber))
        : null,
      return_url: placed ? storefrontLink(store, `${orderStatusPath(placed)}/returns`) : null,
      store_name: store.name,
      agent_name: agent,
    },
  };
}
