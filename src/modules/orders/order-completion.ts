import { and, eq, inArray } from 'drizzle-orm';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { type Actor, recordAudit } from '../access/index.ts';
import { emitOrderEvent } from './order-domain-events.ts';
import type { Order } from './order-read.ts';
import { recordOrderEvent } from './order-timeline.ts';
import { type FinancialStatus, orderReturns, orders } from './schema.ts';
import { assertTransition } from './state-machines.ts';

/** Payment statuses in which nothing more is owed or awaited: the money is in (or went back). */
export const settledFinancialStatuses: readonly FinancialStatus[] = [
  'paid',
  'partially_refunded',
  'refunded',
];

/**
 * The completion rule (docs/orders.md, "When an order completes"): an open, placed order completes
 * when every unit has shipped (fulfilled or delivered), its payment is settled (paid, partially
 * refunded or refunded) and no return of it is still under way (requested, approved or received).
 * Called after each thing that can make the rule true — a parcel, a delivery, a payment status
 * change, a return closed — with the order locked; does nothing when the rule does not hold.
 */
export async function completeOrderIfDone(tx: Db, actor: Actor, order: Order): Promise<Order> {
  if (order.status !== 'open' || order.placedAt === null) return order;
  if (order.fulfilmentStatus !== 'fulfilled' && order.fulfilmentStatus !== 'delivered') return order;
  if (!settledFinancialStatuses.includes(order.financialStatus)) return order;
  const [openReturn] = await tx
    .select({ id: orderReturns.id })
    .from(orderReturns)
    .where(
      and(
        eq(orderReturns.orderId, order.id),
        inArray(orderReturns.status, ['requested', 'approved', 'received']),
      ),
    )
    .limit(1);
  if (openReturn) return order;
  assertTransition('order', order.status, 'completed');
  const [completed] = await tx
    .update(orders)
    .set({ status: 'completed', completedAt: now(), updatedAt: now() })
    .where(eq(orders.id, order.id))
    .returning();
  await recordOrderEvent(
    tx,
    completed!,
    actor,
    'completed',
    'Order completed: everything shipped and the payment is settled.',
  );
  await recordAudit(tx, actor, {
    storeId: order.storeId,
    action: 'order.completed',
    entityType: 'order',
    entityId: order.id,
    before: { status: order.status },
    after: { status: 'completed' },
  });
  await emitOrderEvent(tx, completed!, 'order.completed');
  return completed!;
}

/** completed → open: something about a finished order needs work again (a lost parcel, a return). */
export async function reopenOrder(tx: Db, actor: Actor, order: Order, why: string): Promise<Order> {
  assertTransition('order', order.status, 'open');
  const [reopened] = await tx
    .update(orders)
    .set({ status: 'open', completedAt: null, updatedAt: now() })
    .where(eq(orders.id, order.id))
    .returning();
  await recordOrderEvent(tx, reopened!, actor, 'reopened', `Order reopened: ${why}`);
  await recordAudit(tx, actor, {
    storeId: order.storeId,
    action: 'order.reopened',
    entityType: 'order',
    entityId: order.id,
    before: { status: order.status },
    after: { status: 'open', why },
  });
  await emitOrderEvent(tx, reopened!, 'order.updated', { changed: ['status'] });
  return reopened!;
}
