import { and, count, eq, inArray, lt, min, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { orderReturns, orders } from './schema.ts';

/** Days after which an order waiting for staff is late (the briefing's "what to do now"). */
export const lateAfterDays = { unfulfilled: 2, awaitingPayment: 3 } as const;

export interface WaitingWork {
  count: number;
  /** When the longest-waiting one started waiting; null when there is none. */
  oldestSince: Date | null;
}

export interface OrdersAwaitingAction {
  /** Returns customers or staff asked for that nobody has approved or rejected yet. */
  returnsToDecide: WaitingWork;
  /** Paid open orders with nothing shipped for more than `lateAfterDays.unfulfilled` days. */
  lateToShip: WaitingWork;
  /** Open orders still waiting for a manual payment after `lateAfterDays.awaitingPayment` days. */
  awaitingPayment: WaitingWork;
}

const waiting = (row: { n: number; oldest: Date | string | null } | undefined): WaitingWork => ({
  count: Number(row?.n ?? 0),
  oldestSince: row?.oldest ? new Date(row.oldest) : null,
});

/**
 * What in a store's orders waits on a person, as of `at`: three counts, each with its oldest case,
 * read in three indexed aggregates (no order rows travel).
 */
export async function ordersAwaitingAction(db: Db, storeId: string, at: Date): Promise<OrdersAwaitingAction> {
  const daysBefore = (days: number) => new Date(at.getTime() - days * 86_400_000);
  const [returnsRow, lateRow, paymentRow] = await Promise.all([
    db
      .select({ n: count(), oldest: min(orderReturns.requestedAt) })
      .from(orderReturns)
      .where(and(eq(orderReturns.storeId, storeId), eq(orderReturns.status, 'requested'))),
    db
      .select({ n: count(), oldest: min(orders.placedAt) })
      .from(orders)
      .where(
        and(
          eq(orders.storeId, storeId),
          eq(orders.status, 'open'),
          eq(orders.fulfilmentStatus, 'unfulfilled'),
          inArray(orders.financialStatus, ['paid', 'authorised']),
          lt(orders.placedAt, daysBefore(lateAfterDays.unfulfilled)),
        ),
      ),
    db
      .select({ n: count(), oldest: min(orders.placedAt) })
      .from(orders)
      .where(
        and(
          eq(orders.storeId, storeId),
          eq(orders.status, 'open'),
          eq(orders.financialStatus, 'pending'),
          sql`${orders.placedAt} is not null`,
          lt(orders.placedAt, daysBefore(lateAfterDays.awaitingPayment)),
        ),
      ),
  ]);
  return {
    returnsToDecide: waiting(returnsRow[0]),
    lateToShip: waiting(lateRow[0]),
    awaitingPayment: waiting(paymentRow[0]),
  };
}
