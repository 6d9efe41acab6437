import { and, eq } from 'drizzle-orm';
import * as clock from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { emitCartEvent } from './cart-events.ts';
import type { Cart } from './carts.ts';
import { draftOrderEventTypes, emitDraftEvent } from './drafts/draft-events.ts';
import { carts } from './schema.ts';

/**
 * Marks the cart as turned into an order, in the placement's transaction (`tx`): its token no longer
 * finds it, it cannot be changed any more, and it remembers the order. Marking it again for the
 * same order changes nothing (a replayed placement); for another order, or a cart abandoned
 * meanwhile, it is 409 `cart_not_active`. 404 when it is not the store's.
 */
export async function markCartCompleted(
  tx: Db,
  storeId: string,
  cartId: string,
  orderId: string,
  /** The cart as this transaction locked it (`lockActiveCart`): it is not read again. */
  locked?: Pick<Cart, 'id' | 'storeId' | 'state' | 'orderId' | 'kind' | 'draftName'>,
): Promise<void> {
  const [row] =
    locked?.id === cartId && locked.storeId === storeId
      ? [locked]
      : await tx
          .select({
            state: carts.state,
            orderId: carts.orderId,
            kind: carts.kind,
            draftName: carts.draftName,
          })
          .from(carts)
          .where(and(eq(carts.id, cartId), eq(carts.storeId, storeId)))
          .for('update');
  if (!row) throw notFound('Cart', { id: cartId });
  if (row.state === 'completed' && row.orderId === orderId) return;
  if (row.state !== 'active') {
    throw conflict('cart_not_active', `This cart is ${row.state}.`, {
      cartId,
      state: row.state,
      orderId: row.orderId,
    });
  }
  const now = clock.now();
  await tx.update(carts).set({ state: 'completed', orderId, updatedAt: now }).where(eq(carts.id, cartId));
  await emitCartEvent(tx, storeId, 'cart.completed', { cartId, orderId });
  if (row.kind === 'draft') {
    // Whoever paid it (staff, or the customer through its link), the draft is an order now.
    await emitDraftEvent(tx, storeId, draftOrderEventTypes.completed, {
      draftOrderId: cartId,
      name: row.draftName ?? '',
      orderId,
    });
  }
}
