import * as clock from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { newId } from '../../../platform/ids.ts';
import { emitCartEvent } from '../cart-events.ts';
import { cartLimits } from '../cart-limits.ts';
import { cartTokenDigest, newCartToken } from '../cart-token.ts';
import { getCart } from '../carts.ts';
import { cartLines, carts } from '../schema.ts';

/**
 * A new active cart holding what a cart that became an order held — lines, e-mail, addresses,
 * shipping choice, codes — for a shopper whose order was cancelled before it was paid (the card's
 * extra step failed). The old cart stays completed with its cancelled order (one order per cart);
 * the caller hands the browser the new token. In the caller's transaction.
 */
export async function cartForRetry(
  tx: Db,
  storeId: string,
  cartId: string,
): Promise<{ cartId: string; token: string }> {
  const old = await getCart(tx, storeId, cartId);
  const token = newCartToken();
  const id = newId('cart');
  const now = clock.now();
  await tx.insert(carts).values({
    id,
    storeId,
    tokenHash: cartTokenDigest(token),
    marketId: old.marketId,
    currency: old.currency,
    locale: old.locale,
    country: old.country,
    customerId: old.customerId,
    email: old.email,
    shippingAddress: old.shippingAddress,
    billingAddress: old.billingAddress,
    shippingOptionKey: old.shippingOptionKey,
    discountCodes: old.discountCodes,
    note: old.note,
    createdAt: now,
    updatedAt: now,
    lastActivityAt: now,
    expiresAt: new Date(now.getTime() + cartLimits.lifetimeMs),
  });
  if (old.lines.length > 0) {
    await tx.insert(cartLines).values(
      old.lines.map((line) => ({
        id: newId('cartLine'),
        cartId: id,
        storeId,
        variantId: line.variantId,
        quantity: line.quantity,
        addedAt: line.addedAt,
      })),
    );
  }
  await emitCartEvent(tx, storeId, 'cart.created', {
    cartId: id,
    marketId: old.marketId,
    currency: old.currency,
    retryOf: cartId,
  });
  return { cartId: id, token };
}
