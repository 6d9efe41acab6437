import { and, desc, eq, gt, ne } from 'drizzle-orm';
import { z } from 'zod';
import { now } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { emitCartEvent } from './cart-events.ts';
import { cartLimits } from './cart-limits.ts';
import { cartTokenDigest, newCartToken } from './cart-token.ts';
import { type Cart, changeCart, linesOf, lockActiveCart } from './carts.ts';
import { cartLines, carts } from './schema.ts';

const customerIdInput = z.string().trim().min(1).max(64);

function checkedCustomerId(customerId: string): string {
  const parsed = customerIdInput.safeParse(customerId);
  if (!parsed.success)
    throw badRequest('invalid_customer', 'Name the customer by id.', { path: 'customerId' });
  return parsed.data;
}

/**
 * Makes the cart the signed-in customer's (and takes their e-mail when the cart has none). A cart
 * already another customer's is 409 `cart_of_another_customer`; 409 `cart_not_active`.
 */
export async function attachCustomer(
  db: Db,
  storeId: string,
  cartId: string,
  customer: { customerId: string; email?: string | null },
): Promise<Cart> {
  const customerId = checkedCustomerId(customer.customerId);
  const { cart } = await changeCart(db, storeId, cartId, async (tx, current, edit) => {
    if (current.customerId !== null && current.customerId !== customerId) throw anotherCustomers(cartId);
    const email = current.email ?? (customer.email?.trim().toLowerCase() || null);
    if (current.customerId === customerId && current.email === email) return;
    edit.set({ customerId, email });
    await emitCartEvent(tx, storeId, 'cart.updated', { cartId, change: 'customer_attached', customerId });
  });
  return cart;
}

export interface MergedCart {
  cart: Cart;
  /**
   * A new token, when the cart kept is the customer's saved one (the browser had no cart): set it as
   * the shopper's cart cookie. Undefined when the browser's cart was kept (its cookie stays).
   */
  token?: string;
}

/**
 * When a shopper signs in: the customer's saved cart (their latest active one) and the cart the
 * browser holds become one. With a browser cart, it is kept and becomes the customer's, and the
 * saved cart's lines are added to it — a variant in both gets the larger of the two quantities
 * (the same intent entered twice, not twice the goods) — up to the cart limits, with the saved
 * cart's codes; the saved cart is marked abandoned. Without one, the saved cart is handed to the
 * browser under a new token (the old one is no longer valid). Undefined when there is neither.
 * Errors: 409 `cart_of_another_customer` (the browser's cart is someone else's), 409 `cart_not_active`.
 */
export async function mergeCarts(
  db: Db,
  storeId: string,
  input: { customerId: string; cartId?: string | null; email?: string | null },
): Promise<MergedCart | undefined> {
  const customerId = checkedCustomerId(input.customerId);
  const guestId = input.cartId ?? null;
  return db.transaction(async (tx) => {
    const [savedRow] = await tx
      .select({ id: carts.id })
      .from(carts)
      .where(
        and(
          eq(carts.storeId, storeId),
          eq(carts.customerId, customerId),
          eq(carts.state, 'active'),
          eq(carts.kind, 'shopper'),
          gt(carts.expiresAt, now()),
          guestId ? ne(carts.id, guestId) : undefined,
        ),
      )
      .orderBy(desc(carts.lastActivityAt), desc(carts.id))
      .limit(1);
    if (!guestId) {
      if (!savedRow) return undefined;
      const token = newCartToken();
      await tx
        .update(carts)
        .set({ tokenHash: cartTokenDigest(token) })
        .where(eq(carts.id, savedRow.id));
      const { cart } = await changeCart(tx, storeId, savedRow.id, async () => undefined);
      return { cart, token };
    }
    const saved = savedRow ? await lockActiveCart(tx, storeId, savedRow.id) : undefined;
    const { cart } = await changeCart(tx, storeId, guestId, async (inner, guest) => {
      if (guest.customerId !== null && guest.customerId !== customerId) throw anotherCustomers(guestId);
      let lineCount = guest.lines.length;
      for (const line of saved?.lines ?? []) {
        const mine = guest.lines.find((l) => l.variantId === line.variantId);
        if (mine) {
          const quantity = Math.min(cartLimits.maxQuantity, Math.max(mine.quantity, line.quantity));
          if (quantity !== mine.quantity)
            await inner.update(cartLines).set({ quantity }).where(eq(cartLines.id, mine.id));
        } else if (lineCount < cartLimits.maxLines) {
          lineCount++;
          await inner.insert(cartLines).values({
            id: newId('cartLine'),
            cartId: guestId,
            storeId,
            variantId: line.variantId,
            quantity: line.quantity,
            addedAt: line.addedAt,
          });
        }
      }
      const codes = [...guest.discountCodes];
      for (const code of saved?.discountCodes ?? []) {
        const known = codes.some((c) => c.toLowerCase() === code.toLowerCase());
        if (!known && codes.length < cartLimits.maxDiscountCodes) codes.push(code);
      }
      const email = guest.email ?? saved?.email ?? (input.email?.trim().toLowerCase() || null);
      await inner.update(carts).set({ customerId, email, discountCodes: codes }).where(eq(carts.id, guestId));
      if (saved) {
        await inner.update(carts).set({ state: 'abandoned', updatedAt: now() }).where(eq(carts.id, saved.id));
      }
      await emitCartEvent(inner, storeId, 'cart.updated', {
        cartId: guestId,
        change: saved ? 'merged' : 'customer_attached',
        customerId,
        mergedCartId: saved?.id ?? null,
      });
    });
    return { cart: { ...cart, lines: await linesOf(tx, guestId) } };
  });
}

function anotherCustomers(cartId: string) {
  return conflict('cart_of_another_customer', 'This cart belongs to another customer.', { cartId });
}
