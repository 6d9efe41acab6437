import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { badRequest, notFound } from '../../../platform/errors.ts';
import { cartTokenDigest } from '../cart-token.ts';
import { carts } from '../schema.ts';

/** How a placement names its cart: the shopper's cart token (cookie), or its id (server-side callers). */
export type CartReference =
  | { cartToken: string; cartId?: undefined }
  | { cartId: string; cartToken?: undefined };

/**
 * The id of the store's cart a token or id names, whatever its state: a replayed placement names a
 * cart its first attempt completed. 404 when none; 400 `cart_required` when neither is given.
 */
export async function cartIdOf(db: Db, storeId: string, reference: CartReference): Promise<string> {
  const { cartToken, cartId } = reference;
  if (typeof cartId === 'string' && cartId.length > 0 && cartId.length <= 64) {
    const [row] = await db
      .select({ id: carts.id })
      .from(carts)
      .where(and(eq(carts.storeId, storeId), eq(carts.id, cartId)));
    if (!row) throw notFound('Cart', { id: cartId });
    return row.id;
  }
  if (typeof cartToken !== 'string' || cartToken.length === 0 || cartToken.length > 128) {
    throw badRequest('cart_required', 'Name the cart to place (the cart token).', { path: 'cartToken' });
  }
  const [row] = await db
    .select({ id: carts.id })
    .from(carts)
    .where(and(eq(carts.storeId, storeId), eq(carts.tokenHash, cartTokenDigest(cartToken))));
  if (!row) throw notFound('Cart');
  return row.id;
}

/** True when `token` is the secret of the store's cart `cartId` (whatever its state). */
export async function isTokenOfCart(
  db: Db,
  storeId: string,
  cartId: string,
  token: string,
): Promise<boolean> {
  if (!token || token.length > 128) return false;
  const [row] = await db
    .select({ id: carts.id })
    .from(carts)
    .where(
      and(eq(carts.storeId, storeId), eq(carts.id, cartId), eq(carts.tokenHash, cartTokenDigest(token))),
    );
  return row !== undefined;
}
