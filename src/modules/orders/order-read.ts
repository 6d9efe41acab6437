import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors.ts';
import {
  fulfilmentLines,
  fulfilments,
  orderEvents,
  orderLines,
  orderReturnLines,
  orderReturns,
  orders,
  refundLines,
  refunds,
} from './schema.ts';

export type Order = typeof orders.$inferSelect;
export type OrderLine = typeof orderLines.$inferSelect;
export type OrderEvent = typeof orderEvents.$inferSelect;
export type Fulfilment = typeof fulfilments.$inferSelect & {
  lines: { orderLineId: string; quantity: number }[];
};
export type Refund = typeof refunds.$inferSelect & { lines: (typeof refundLines.$inferSelect)[] };
export type OrderReturn = typeof orderReturns.$inferSelect & {
  lines: (typeof orderReturnLines.$inferSelect)[];
};

/** An order with everything that happened to it: the order page and the status page read this. */
export interface OrderDetail extends Order {
  lines: OrderLine[];
  fulfilments: Fulfilment[];
  refunds: Refund[];
  returns: OrderReturn[];
  events: OrderEvent[];
}

/** The order row, locked until the transaction ends: every change to an order goes through here first. */
export async function lockOrder(tx: Db, storeId: string, orderId: string): Promise<Order> {
  const [order] = await tx
    .select()
    .from(orders)
    .where(and(eq(orders.storeId, storeId), eq(orders.id, orderId)))
    .for('update');
  if (!order) throw notFound('Order', { id: orderId });
  return order;
}

export async function orderLinesOf(db: Db, orderId: string): Promise<OrderLine[]> {
  return db
    .select()
    .from(orderLines)
    .where(eq(orderLines.orderId, orderId))
    .orderBy(asc(orderLines.position));
}

export async function getOrder(db: Db, storeId: string, orderId: string): Promise<OrderDetail> {
  const [order] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.storeId, storeId), eq(orders.id, orderId)));
  if (!order) throw notFound('Order', { id: orderId });
  return withDetail(db, order);
}

/** An order with its lines and refunds: what its money came to, for reports. */
export interface OrderWithRefunds extends Order {
  lines: OrderLine[];
  refunds: Refund[];
}

/**
 * The order, its lines and refunds, without its parcels, returns and timeline: three statements
 * (four once refunded) where the whole detail takes six or more. 404 when not the store's.
 */
export async function getOrderWithRefunds(
  db: Db,
  storeId: string,
  orderId: string,
): Promise<OrderWithRefunds> {
  const [order] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.storeId, storeId), eq(orders.id, orderId)));
  if (!order) throw notFound('Order', { id: orderId });
  const [lines, refundRows] = await Promise.all([orderLinesOf(db, order.id), refundsOf(db, order.id)]);
  return { ...order, lines, refunds: await withRefundLines(db, refundRows) };
}

function refundsOf(db: Db, orderId: string) {
  return db
    .select()
    .from(refunds)
    .where(eq(refunds.orderId, orderId))
    .orderBy(asc(refunds.createdAt), asc(refunds.id));
}

async function withRefundLines(db: Db, refundRows: (typeof refunds.$inferSelect)[]): Promise<Refund[]> {
  if (refundRows.length === 0) return [];
  const lines = await db
    .select()
    .from(refundLines)
    .where(
      inArray(
        refundLines.refundId,
        refundRows.map((r) => r.id),
      ),
    );
  return refundRows.map((r) => ({ ...r, lines: lines.filter((l) => l.refundId === r.id) }));
}

/** The order a status-page token names (the token is the secret; the store must match too). */
export async function getOrderByToken(db: Db, storeId: string, token: string): Promise<OrderDetail | null> {
  const [order] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.storeId, storeId), eq(orders.token, token)));
  return order ? withDetail(db, order) : null;
}

async function withDetail(db: Db, order: Order): Promise<OrderDetail> {
  const [lines, parcels, refundRows, returnRows, events] = await Promise.all([
    orderLinesOf(db, order.id),
    db
      .select()
      .from(fulfilments)
      .where(eq(fulfilments.orderId, order.id))
      .orderBy(asc(fulfilments.shippedAt), asc(fulfilments.id)),
    refundsOf(db, order.id),
    db
      .select()
      .from(orderReturns)
      .where(eq(orderReturns.orderId, order.id))
      .orderBy(asc(orderReturns.requestedAt), asc(orderReturns.id)),
    db
      .select()
      .from(orderEvents)
      .where(eq(orderEvents.orderId, order.id))
      .orderBy(asc(orderEvents.createdAt), asc(orderEvents.id)),
  ]);
  const [parcelLines, refundsWithLines, returnLineRows] = await Promise.all([
    parcels.length
      ? db
          .select()
          .from(fulfilmentLines)
          .where(
            inArray(
              fulfilmentLines.fulfilmentId,
              parcels.map((p) => p.id),
            ),
          )
      : [],
    withRefundLines(db, refundRows),
    returnRows.length
      ? db
          .select()
          .from(orderReturnLines)
          .where(
            inArray(
              orderReturnLines.returnId,
              returnRows.map((r) => r.id),
            ),
          )
      : [],
  ]);
  return {
    ...order,
    lines,
    fulfilments: parcels.map((p) => ({
      ...p,
      lines: parcelLines
        .filter((l) => l.fulfilmentId === p.id)
        .map(({ orderLineId, quantity }) => ({ orderLineId, quantity })),
    })),
    refunds: refundsWithLines,
    returns: returnRows.map((r) => ({ ...r, lines: returnLineRows.filter((l) => l.returnId === r.id) })),
    events,
  };
}
