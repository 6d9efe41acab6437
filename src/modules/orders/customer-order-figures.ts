import { and, eq, isNotNull, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { Store } from '../access/index.ts';
import { amountInBaseSql } from '../markets/index.ts';
import { orders } from './schema.ts';

/**
 * Per customer of a store, what their orders add up to: `totalSpent` (Σ total − refunded, minor
 * units of the store's base currency; an order in a market's currency converts at the store's
 * rate of its day, as analytics' reporting does: markets' `amountInBaseSql`), `orderCount`,
 * `firstOrderAt`, `lastOrderAt` (placement times).
 *
 * Counted orders are placed ones (`placed_at` set) that were not cancelled and whose payment was
 * not voided or failed. Returned as a subquery (one GROUP BY over the store's orders) for the
 * customers module to join in the same statement as its own rows, so a page of customers, a
 * sort by amount spent or a segment rule is one query, never one per customer.
 */
export function customerOrderFigures(db: Db, store: Pick<Store, 'id' | 'baseCurrency' | 'timezone'>) {
  const net = sql`${orders.total} - ${orders.refundedAmount}`;
  return db
    .select({
      customerId: orders.customerId,
      totalSpent:
        sql<number>`coalesce(sum(${amountInBaseSql(store, net, orders.currency, orders.placedAt)}), 0)::bigint`
          .mapWith(Number)
          .as('total_spent'),
      orderCount: sql<number>`count(*)::int`.mapWith(Number).as('order_count'),
      firstOrderAt: sql<Date>`min(${orders.placedAt})`.mapWith(orders.placedAt).as('first_order_at'),
      lastOrderAt: sql<Date>`max(${orders.placedAt})`.mapWith(orders.placedAt).as('last_order_at'),
    })
    .from(orders)
    .where(
      and(
        eq(orders.storeId, store.id),
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
