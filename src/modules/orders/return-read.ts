import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors.ts';
import type { OrderReturn } from './order-read.ts';
import { orderReturnLines, orderReturns, type ReturnStatus } from './schema.ts';

/** Returns whose units are spoken for: asked for, on their way, back, or settled. */
export const liveReturnStatuses: readonly ReturnStatus[] = ['requested', 'approved', 'received', 'closed'];

/**
 * The return, locked until the transaction ends, with its lines. Lock the order first
 * (`lockOrder`): every change to a return changes its order too, and one lock order means no deadlock.
 */
export async function lockReturn(
  tx: Db,
  storeId: string,
  orderId: string,
  returnId: string,
): Promise<OrderReturn> {
  const [row] = await tx
    .select()
    .from(orderReturns)
    .where(
      and(
        eq(orderReturns.storeId, storeId),
        eq(orderReturns.orderId, orderId),
        eq(orderReturns.id, returnId),
      ),
    )
    .for('update');
  if (!row) throw notFound('Return', { id: returnId });
  const lines = await tx
    .select()
    .from(orderReturnLines)
    .where(eq(orderReturnLines.returnId, returnId))
    .orderBy(asc(orderReturnLines.orderLineId));
  return { ...row, lines };
}

/** Every return of an order with its lines, oldest first. */
export async function returnsOfOrder(db: Db, orderId: string): Promise<OrderReturn[]> {
  const rows = await db
    .select()
    .from(orderReturns)
    .where(eq(orderReturns.orderId, orderId))
    .orderBy(asc(orderReturns.requestedAt), asc(orderReturns.id));
  if (rows.length === 0) return [];
  const lines = await db
    .select()
    .from(orderReturnLines)
    .where(
      inArray(
        orderReturnLines.returnId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((r) => ({ ...r, lines: lines.filter((l) => l.returnId === r.id) }));
}

/** Units of each order line already in a live return (asked for, approved, received or closed). */
export function unitsInReturns(returns: readonly OrderReturn[]): Map<string, number> {
  const units = new Map<string, number>();
  for (const r of returns) {
    if (!liveReturnStatuses.includes(r.status)) continue;
    for (const line of r.lines)
      units.set(line.orderLineId, (units.get(line.orderLineId) ?? 0) + line.quantity);
  }
  return units;
}

/** "#1001-R2": the order's name and the return's place among the order's returns. */
export function returnNumber(
  orderName: string,
  returns: readonly { id: string }[],
  returnId: string,
): string {
  const index = returns.findIndex((r) => r.id === returnId);
  return `${orderName}-R${index < 0 ? returns.length + 1 : index + 1}`;
}
