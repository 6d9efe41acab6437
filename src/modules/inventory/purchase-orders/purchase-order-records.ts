import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import type { Actor, Store } from '../../access/index.ts';
import { type PurchaseOrderState, purchaseOrderLines, purchaseOrders } from '../schema.ts';

export type PurchaseOrder = typeof purchaseOrders.$inferSelect;
export type PurchaseOrderLine = typeof purchaseOrderLines.$inferSelect;

/** Who is acting in which store: what every purchase order change needs. */
export interface PurchasingContext {
  store: Pick<Store, 'id' | 'name' | 'baseCurrency' | 'locale'>;
  actor: Actor;
}

/** The number people use: PO-1001. */
export function purchaseOrderLabel(number: number): string {
  return `PO-${number}`;
}

/**
 * The store's purchase order, locked until the transaction ends, so a send, a receipt, an edit and
 * a cancellation of one order happen one after the other.
 */
export async function lockPurchaseOrder(tx: Db, storeId: string, id: string): Promise<PurchaseOrder> {
  const [order] = await tx
    .select()
    .from(purchaseOrders)
    .where(and(eq(purchaseOrders.storeId, storeId), eq(purchaseOrders.id, id)))
    .for('update');
  if (!order) throw notFound('Purchase order', { id });
  return order;
}

/** An order's lines in the order they were entered (their ids are made in that order). */
export function linesOf(db: Db, purchaseOrderId: string): Promise<PurchaseOrderLine[]> {
  return db
    .select()
    .from(purchaseOrderLines)
    .where(eq(purchaseOrderLines.purchaseOrderId, purchaseOrderId))
    .orderBy(asc(purchaseOrderLines.id));
}

const closedStates: readonly PurchaseOrderState[] = ['received', 'cancelled'];

/** Refuses a change the order's state does not allow (409 with the state it is in). */
export function requireState(
  order: PurchaseOrder,
  allowed: readonly PurchaseOrderState[],
  refusal: { code: string; message: string },
): void {
  if (allowed.includes(order.state)) return;
  if (closedStates.includes(order.state)) {
    throw conflict('purchase_order_closed', `${purchaseOrderLabel(order.number)} is ${order.state}.`, {
      state: order.state,
    });
  }
  throw conflict(refusal.code, refusal.message, { state: order.state });
}
