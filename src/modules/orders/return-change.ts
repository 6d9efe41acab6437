import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { type Actor, recordAudit } from '../access/index.ts';
import { lockOrder, type Order, type OrderReturn } from './order-read.ts';
import { lockReturn } from './return-read.ts';
import { orderReturns, type ReturnStatus } from './schema.ts';

/** The order, then the return, both locked (always in this order). */
export async function lockOrderAndReturn(
  tx: Db,
  storeId: string,
  orderId: string,
  returnId: string,
): Promise<{ order: Order; before: OrderReturn }> {
  const order = await lockOrder(tx, storeId, orderId);
  const before = await lockReturn(tx, storeId, orderId, returnId);
  return { order, before };
}

type ReturnPatch = Partial<Omit<typeof orderReturns.$inferInsert, 'id' | 'orderId' | 'storeId'>> & {
  status?: ReturnStatus;
};

/** Writes the change and answers the return as it now is. */
export async function updateReturn(tx: Db, before: OrderReturn, patch: ReturnPatch): Promise<OrderReturn> {
  const [row] = await tx.update(orderReturns).set(patch).where(eq(orderReturns.id, before.id)).returning();
  return { ...row!, lines: before.lines };
}

/** The audit entry of a return's change: its status and decision fields before and after. */
export async function recordReturnAudit(
  tx: Db,
  actor: Actor,
  storeId: string,
  action: string,
  before: OrderReturn,
  after: OrderReturn,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const view = (r: OrderReturn) => ({
    orderId: r.orderId,
    status: r.status,
    resolution: r.resolution,
    rejectReason: r.rejectReason,
    staffNote: r.staffNote,
    refundId: r.refundId,
    exchangeOrderId: r.exchangeOrderId,
  });
  await recordAudit(tx, actor, {
    storeId,
    action,
    entityType: 'order_return',
    entityId: after.id,
    before: view(before),
    after: { ...view(after), ...extra },
  });
}
