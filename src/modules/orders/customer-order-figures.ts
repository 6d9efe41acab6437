import { and, eq, isNotNull, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { orders } from './schema.ts';

/**
 * Per customer of a store, what their orders add up to: `totalSpent` (Σ total − refunded, minor
 * units of `currency`, the store's base currency: orders in another currency count toward the
 * number and dates, not the sum), `orderCount`, `firstOrderAt`, `lastOrderAt` (placement times).
 *
 * Counted orders are placed ones (`placed_at` set) that were not cancelled and whose payment was
 * not voided or failed. Returned as a subquery (one GROUP BY over the store's orders) for the
 * customers module to join in the same statement as its own rows, so a page of customers, a
 * sort by amount spent or a segment rule is one query, never one per customer.
 */
export function customerOrderFigures(db: Db, storeId: string, currency: string) {
  return db
    .select({
      customerId: orders.customerId,
      totalSpent:
        sql<number>`coalesce(sum(${orders.total} - ${orders.refundedAmount}) filter (where ${orders.currency} = ${currency}), 0)::bigint`
          .mapWith(Number)
          .as('total_spent'),
      orderCount: sql<number>`count(*)::int`.mapWith(Number).as('order_count'),
      firstOrderAt: sql<Date>`min(${orders.placedAt})`.mapWith(orders.placedAt).as('first_order_at'),
      lastOrderAt: sql<Date>`max(${orders.placedAt})`.mapWith(orders.placedAt).as('last_order_at'),
    })
    .from(orders)
    .where(
      and(
        eq(orders.storeId, storeId),
        isNotNull(orders.customerId),
        isNotNull(orders.placedAt),
        notInArray(orders.status, ['draft', 'cancelled']),
        notInArray(orders.financialStatus, ['voided', 'failed']),
      ),
    )
    .groupBy(orders.customerId)
    .as('customer_order_figures');
}

export type CustomerOrderFigures = ReturnType<typeof customerOrderFigures>;
