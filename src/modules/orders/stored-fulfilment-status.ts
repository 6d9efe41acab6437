import { asc, eq, inArray } from 'drizzle-orm';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { fulfilmentStatusOf } from './fulfilment-status.ts';
import { type Fulfilment, type Order, type OrderLine, orderLinesOf } from './order-read.ts';
import { fulfilmentLines, fulfilments, orders } from './schema.ts';

/** The order's parcels with their lines, oldest first. */
export async function parcelsOf(tx: Db, orderId: string): Promise<Fulfilment[]> {
  const rows = await tx
    .select()
    .from(fulfilments)
    .where(eq(fulfilments.orderId, orderId))
    .orderBy(asc(fulfilments.shippedAt), asc(fulfilments.id));
  if (rows.length === 0) return [];
  const lines = await tx
    .select()
    .from(fulfilmentLines)
    .where(
      inArray(
        fulfilmentLines.fulfilmentId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((r) => ({
    ...r,
    lines: lines
      .filter((l) => l.fulfilmentId === r.id)
      .map(({ orderLineId, quantity }) => ({ orderLineId, quantity })),
  }));
}

/** Recomputes and stores the order's fulfilment status from its lines and parcels. */
export async function setFulfilmentStatus(
  tx: Db,
  order: Order,
): Promise<{ order: Order; lines: OrderLine[] }> {
  const [lines, parcels] = await Promise.all([orderLinesOf(tx, order.id), parcelsOf(tx, order.id)]);
  const status = fulfilmentStatusOf(lines, parcels);
  if (status === order.fulfilmentStatus) return { order, lines };
  const [updated] = await tx
    .update(orders)
    .set({ fulfilmentStatus: status, updatedAt: now() })
    .where(eq(orders.id, order.id))
    .returning();
  return { order: updated!, lines };
}
