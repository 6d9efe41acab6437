import { and, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { type ReturnListQuery, returnListQuery } from './return-input.ts';
import { orderReturns, orders, type ReturnResolution, type ReturnStatus } from './schema.ts';

export interface ReturnSummary {
  id: string;
  orderId: string;
  orderNumber: number | null;
  status: ReturnStatus;
  resolution: ReturnResolution | null;
  requestedBy: 'customer' | 'staff';
  requestedAt: Date;
  closedAt: Date | null;
  email: string;
  customerName: string;
  customerId: string | null;
  /** Units asked for, and received so far. */
  units: number;
  receivedUnits: number;
  refundId: string | null;
  exchangeOrderId: string | null;
}

const customerName = sql<string>`trim(coalesce(${orders.shippingAddress}->>'firstName', ${orders.billingAddress}->>'firstName', '') || ' ' ||
  coalesce(${orders.shippingAddress}->>'lastName', ${orders.billingAddress}->>'lastName', ''))`;

/** Every return of the store, newest first, with its order's number and customer; filtered and paged. */
export async function listReturns(
  db: Db,
  storeId: string,
  input: ReturnListQuery,
): Promise<{ items: ReturnSummary[]; total: number }> {
  const query = returnListQuery.parse(input);
  const filters: (SQL | undefined)[] = [
    eq(orderReturns.storeId, storeId),
    query.status ? eq(orderReturns.status, query.status) : undefined,
    query.from ? gte(orderReturns.requestedAt, sql`${query.from}::date`) : undefined,
    query.to ? lt(orderReturns.requestedAt, sql`${query.to}::date + 1`) : undefined,
  ];
  const rows = await db
    .select({
      id: orderReturns.id,
      orderId: orderReturns.orderId,
      orderNumber: orders.number,
      status: orderReturns.status,
      resolution: orderReturns.resolution,
      requestedBy: orderReturns.requestedBy,
      requestedAt: orderReturns.requestedAt,
      closedAt: orderReturns.closedAt,
      email: orders.email,
      customerName,
      customerId: orders.customerId,
      units:
        sql<number>`(select coalesce(sum(quantity), 0) from order_return_lines l where l.return_id = ${orderReturns.id})`.mapWith(
          Number,
        ),
      receivedUnits:
        sql<number>`(select coalesce(sum(received_quantity), 0) from order_return_lines l where l.return_id = ${orderReturns.id})`.mapWith(
          Number,
        ),
      refundId: orderReturns.refundId,
      exchangeOrderId: orderReturns.exchangeOrderId,
      count: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(orderReturns)
    .innerJoin(orders, eq(orders.id, orderReturns.orderId))
    .where(and(...filters))
    .orderBy(desc(orderReturns.requestedAt), desc(orderReturns.id))
    .limit(query.limit)
    .offset(query.offset);
  let total = rows[0]?.count ?? 0;
  if (rows.length === 0 && query.offset > 0) {
    const [counted] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(orderReturns)
      .where(and(...filters));
    total = counted?.n ?? 0;
  }
  return { items: rows.map(({ count: _count, ...row }) => row), total };
}
