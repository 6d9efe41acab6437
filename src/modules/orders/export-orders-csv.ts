import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { and, asc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { getStore } from '../access/index.ts';
import { getCustomer } from '../customers/index.ts';
import {
  getPaymentSettings,
  type Payment,
  type PaymentSettings,
  paymentsOfOrder,
} from '../payments/index.ts';
import { listOrders, orderListQuery } from './list-orders.ts';
import { orderName } from './order-mail.ts';
import type { Order } from './order-read.ts';
import { getOrderSettings } from './order-settings.ts';
import { type OrderCsvFacts, orderCsvRows, shopifyOrdersHeader } from './orders-csv-layout.ts';
import { fulfilments, orderEvents, orderLines, orders } from './schema.ts';

/** The order list's filters and order, without its paging: the export takes every match. */
export const orderExportQuery = orderListQuery.omit({ limit: true, offset: true });
export type OrderExportQuery = z.input<typeof orderExportQuery>;

/** Orders read per page while the file streams out. */
const page = 200;

/**
 * The orders the list's filters match (`orderListQuery`, in the list's order) as Shopify's orders
 * export (orders-csv-layout.ts), streamed a page of orders at a time: amounts as decimals of the
 * order's currency, times in the store's time zone, text cells guarded against spreadsheet
 * formulas, a UTF-8 byte-order mark first. Payments and customers are read through their modules.
 */
export function exportOrdersCsv(db: Db, storeId: string, query: OrderExportQuery): Readable {
  const filters = orderExportQuery.parse(query);
  async function* records(): AsyncGenerator<string[]> {
    yield [...shopifyOrdersHeader];
    const [store, settings, paymentSettings] = await Promise.all([
      getStore(db, storeId),
      getOrderSettings(db, storeId),
      getPaymentSettings(db, storeId),
    ]);
    const marketing = new Map<string, boolean>();
    for (let offset = 0; ; offset += page) {
      const { items } = await listOrders(db, storeId, { ...filters, limit: page, offset });
      if (items.length === 0) return;
      const ids = items.map((o) => o.id);
      const [rows, lines, paidAt, fulfilledAt] = await Promise.all([
        db
          .select()
          .from(orders)
          .where(and(eq(orders.storeId, storeId), inArray(orders.id, ids))),
        db
          .select()
          .from(orderLines)
          .where(inArray(orderLines.orderId, ids))
          .orderBy(asc(orderLines.orderId), asc(orderLines.position)),
        paidTimes(db, ids),
        lastShipped(db, ids),
      ]);
      const orderOf = new Map(rows.map((o) => [o.id, o]));
      for (const id of ids) {
        const order = orderOf.get(id);
        if (!order) continue;
        const payments = await paymentsOfOrder(db, storeId, id);
        if (order.customerId && !marketing.has(order.customerId)) {
          marketing.set(order.customerId, await acceptsMarketing(db, storeId, order.customerId));
        }
        const facts: OrderCsvFacts = {
          name: orderName(order, settings.numberPrefix),
          paidAt: paidAt.get(id) ?? null,
          fulfilledAt:
            order.fulfilmentStatus === 'fulfilled' || order.fulfilmentStatus === 'delivered'
              ? (fulfilledAt.get(id) ?? null)
              : null,
          acceptsMarketing: order.customerId ? (marketing.get(order.customerId) ?? false) : false,
          paymentMethod: paymentMethod(order, payments, paymentSettings),
          paymentIds: payments.filter((p) => p.state !== 'failed').map((p) => p.id),
          paymentReferences: payments.flatMap((p) =>
            p.state !== 'failed' && p.providerReference ? [p.providerReference] : [],
          ),
          outstanding: outstandingOf(order, payments),
          timezone: store.timezone,
        };
        yield* orderCsvRows(
          order,
          lines.filter((l) => l.orderId === id),
          facts,
        );
      }
    }
  }
  const source = Readable.from(records());
  const csv = stringify({ bom: true });
  // pipe() does not pass errors on: a failed read must end the download, not leave it hanging.
  source.on('error', (err) => csv.destroy(err));
  return source.pipe(csv);
}

/** When each order became paid: placed paid, or the timeline's change of its payment status to paid. */
async function paidTimes(db: Db, orderIds: string[]): Promise<Map<string, Date>> {
  const rows = await db
    .select({
      orderId: orderEvents.orderId,
      at: sql<Date>`min(${orderEvents.createdAt})`.mapWith(orderEvents.createdAt),
    })
    .from(orderEvents)
    .where(
      and(
        inArray(orderEvents.orderId, orderIds),
        or(
          and(eq(orderEvents.kind, 'placed'), sql`${orderEvents.data}->>'financialStatus' = 'paid'`),
          and(eq(orderEvents.kind, 'payment'), sql`${orderEvents.data}->>'to' = 'paid'`),
        ),
      ),
    )
    .groupBy(orderEvents.orderId);
  return new Map(rows.map((r) => [r.orderId, r.at]));
}

/** When each order's last parcel (not cancelled) left. */
async function lastShipped(db: Db, orderIds: string[]): Promise<Map<string, Date>> {
  const rows = await db
    .select({
      orderId: fulfilments.orderId,
      at: sql<Date>`max(${fulfilments.shippedAt})`.mapWith(fulfilments.shippedAt),
    })
    .from(fulfilments)
    .where(and(inArray(fulfilments.orderId, orderIds), ne(fulfilments.status, 'cancelled')))
    .groupBy(fulfilments.orderId);
  return new Map(rows.map((r) => [r.orderId, r.at]));
}

async function acceptsMarketing(db: Db, storeId: string, customerId: string): Promise<boolean> {
  try {
    return (await getCustomer(db, storeId, customerId)).acceptsMarketing;
  } catch {
    // A customer no longer there (erased): no consent on record.
    return false;
  }
}

/** How the order was paid, in words: the manual method's title, the card, or the provider. */
function paymentMethod(order: Order, payments: readonly Payment[], settings: PaymentSettings): string {
  const payment = [...payments].reverse().find((p) => p.state !== 'failed') ?? payments.at(-1);
  const provider = payment?.provider ?? order.paymentProvider;
  if (!provider) return '';
  if (provider === 'manual') return settings.providers.manual.title;
  if (payment?.card) return `${payment.card.brand} •••• ${payment.card.last4}`;
  return provider;
}

/** What is still to be paid: the total less what was captured (never below 0; refunds do not owe). */
function outstandingOf(order: Order, payments: readonly Payment[]): number {
  if (order.status === 'cancelled') return 0;
  const captured = payments.reduce((sum, p) => sum + p.capturedAmount, 0);
  return Math.max(0, order.total - captured);
}
