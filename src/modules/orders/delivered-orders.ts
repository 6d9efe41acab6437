import { and, desc, eq, inArray, max, ne, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { fulfilments, orderLines, orders } from './schema.ts';

/** A delivered order as other modules need it to follow up (the reviews module's request e-mail). */
export interface DeliveredOrder {
  id: string;
  storeId: string;
  email: string;
  customerId: string | null;
  locale: string;
  number: number | null;
  /** When its last parcel arrived. */
  deliveredAt: Date;
  lines: { id: string; productId: string | null; variantId: string | null; title: string }[];
}

/**
 * A store's orders whose last parcel arrived in [`from`, `to`) and that are not cancelled, oldest
 * delivery first, at most `limit`. The delivery time is the latest parcel's, so an order shipped in
 * several parcels counts from when the customer had it all.
 */
export async function deliveredOrdersBetween(
  db: Db,
  storeId: string,
  window: { from: Date; to: Date; limit?: number },
): Promise<DeliveredOrder[]> {
  const deliveredAt = max(fulfilments.deliveredAt);
  const found = await db
    .select({
      id: orders.id,
      storeId: orders.storeId,
      email: orders.email,
      customerId: orders.customerId,
      locale: orders.locale,
      number: orders.number,
      deliveredAt,
    })
    .from(orders)
    .innerJoin(fulfilments, and(eq(fulfilments.orderId, orders.id), eq(fulfilments.status, 'delivered')))
    .where(
      and(
        eq(orders.storeId, storeId),
        eq(orders.fulfilmentStatus, 'delivered'),
        ne(orders.status, 'cancelled'),
      ),
    )
    .groupBy(orders.id)
    .having(
      sql`${deliveredAt} >= ${window.from.toISOString()}::timestamptz and ${deliveredAt} < ${window.to.toISOString()}::timestamptz`,
    )
    .orderBy(deliveredAt)
    .limit(window.limit ?? 500);
  if (found.length === 0) return [];
  const lines = await db
    .select({
      id: orderLines.id,
      orderId: orderLines.orderId,
      productId: orderLines.productId,
      variantId: orderLines.variantId,
      title: orderLines.title,
    })
    .from(orderLines)
    .where(
      inArray(
        orderLines.orderId,
        found.map((o) => o.id),
      ),
    )
    .orderBy(orderLines.orderId, orderLines.position);
  return found.map((o) => ({
    ...o,
    deliveredAt: new Date(o.deliveredAt!),
    lines: lines.filter((l) => l.orderId === o.id).map(({ orderId: _, ...line }) => line),
  }));
}

/**
 * The customer's most recent order (not cancelled, fulfilled in part or whole) with a line of the
 * product: what makes their review of it a verified purchase. Null when they never received one.
 */
export async function customerPurchaseOfProduct(
  db: Db,
  storeId: string,
  customerId: string,
  productId: string,
): Promise<{ orderId: string; orderLineId: string; variantId: string | null } | null> {
  const [row] = await db
    .select({ orderId: orders.id, orderLineId: orderLines.id, variantId: orderLines.variantId })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .where(
      and(
        eq(orders.storeId, storeId),
        eq(orders.customerId, customerId),
        ne(orders.status, 'cancelled'),
        ne(orders.fulfilmentStatus, 'unfulfilled'),
        eq(orderLines.productId, productId),
      ),
    )
    .orderBy(desc(orders.placedAt))
    .limit(1);
  return row ?? null;
}
