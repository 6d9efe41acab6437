import { eq } from 'drizzle-orm';
import { z } from 'zod';
import * as clock from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { notFound, unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { findCartVariants } from '../catalog/index.ts';
import { variantAvailability } from '../inventory/index.ts';
import { emitCartEvent } from './cart-events.ts';
import { cartLimits } from './cart-limits.ts';
import {
  type Cart,
  type CartRef,
  type CreateCartInput,
  changeCart,
  createCart,
  idOfCart,
  type StoreRef,
} from './carts.ts';
import { cartLines } from './schema.ts';

const variantId = z.string().trim().min(1).max(64);
const addLineInput = z
  .object({ variantId, quantity: z.number().int().min(1).max(cartLimits.maxQuantity).default(1) })
  .strict();
export type AddCartLineInput = z.input<typeof addLineInput>;
const quantityInput = z.number().int().min(0).max(cartLimits.maxQuantity);

/**
 * Puts `quantity` units of a variant into the cart; a variant already there gets them added to its
 * line. Errors: 400 `validation_failed` (quantity outside 1..9,999), 422 `variant_unavailable`
 * (not the store's, or its product is not on sale), 422 `line_quantity_limit` (over 9,999 units),
 * 422 `cart_line_limit` (a 101st line), 422 `insufficient_stock` (more than can be sold, with
 * `details.available`), 409 `cart_not_active`.
 */
export async function addCartLine(
  db: Db,
  storeId: string,
  cartRef: CartRef,
  input: AddCartLineInput,
): Promise<Cart> {
  const cartId = idOfCart(cartRef);
  const { variantId: id, quantity } = addLineInput.parse(input);
  const { cart } = await changeCart(db, storeId, cartRef, async (tx, current, edit) => {
    const existing = current.lines.find((line) => line.variantId === id);
    const total = (existing?.quantity ?? 0) + quantity;
    if (total > cartLimits.maxQuantity) {
      throw unprocessable(
        'line_quantity_limit',
        `A cart holds at most ${cartLimits.maxQuantity} units of one item.`,
        { path: 'quantity', max: cartLimits.maxQuantity, quantity: total },
      );
    }
    if (!existing && current.lines.length >= cartLimits.maxLines) {
      throw unprocessable('cart_line_limit', `A cart holds at most ${cartLimits.maxLines} different items.`, {
        max: cartLimits.maxLines,
      });
    }
    await checkSellable(tx, storeId, current.locale, id, total);
    let lineId = existing?.id;
    if (existing) {
      await tx.update(cartLines).set({ quantity: total }).where(eq(cartLines.id, existing.id));
      edit.linesChanged(current.lines.map((l) => (l.id === existing.id ? { ...l, quantity: total } : l)));
    } else {
      lineId = newId('cartLine');
      const added = { id: lineId, variantId: id, quantity, addedAt: clock.now() };
      await tx.insert(cartLines).values({ ...added, cartId, storeId });
      edit.linesChanged([...current.lines, added]);
    }
    edit.emit('cart.updated', {
      cartId,
      change: 'line_added',
      lineId,
      variantId: id,
      quantity,
    });
  });
  return cart;
}

/**
 * A new cart with its first line: a shopper without a cart adding an item (the product page's
 * form). One transaction, and no cart at all when the item cannot be added, with `addCartLine`'s
 * errors (`variant_unavailable`, `insufficient_stock`, `validation_failed`).
 */
export async function createCartWithLine(
  db: Db,
  storeRef: StoreRef,
  cartInput: CreateCartInput,
  input: AddCartLineInput,
): Promise<{ cart: Cart; token: string }> {
  const { variantId: id, quantity } = addLineInput.parse(input);
  return createCart(db, storeRef, cartInput, async (tx, cart) => {
    await checkSellable(tx, cart.storeId, cart.locale, id, quantity);
    const added = { id: newId('cartLine'), variantId: id, quantity, addedAt: cart.createdAt };
    await tx.insert(cartLines).values({ ...added, cartId: cart.id, storeId: cart.storeId });
    await emitCartEvent(tx, cart.storeId, 'cart.updated', {
      cartId: cart.id,
      change: 'line_added',
      lineId: added.id,
      variantId: id,
      quantity,
    });
    return [added];
  });
}

/**
 * Sets a line's quantity; 0 removes the line. More units are checked like an addition (stock, the
 * 9,999 limit); fewer are always allowed, so a shopper can bring a line back within the stock.
 * Errors: 400 `validation_failed`, 404 (no such line in the cart), 422 `variant_unavailable`,
 * 422 `insufficient_stock`, 409 `cart_not_active`.
 */
export async function setCartLineQuantity(
  db: Db,
  storeId: string,
  cartId: string,
  lineId: string,
  quantity: number,
): Promise<Cart> {
  const wanted = quantityInput.parse(quantity);
  const { cart } = await changeCart(db, storeId, cartId, async (tx, current, edit) => {
    const line = current.lines.find((l) => l.id === lineId);
    if (!line) throw notFound('Cart line', { id: lineId });
    if (wanted === 0) {
      edit.linesChanged();
      await tx.delete(cartLines).where(eq(cartLines.id, lineId));
      await emitCartEvent(tx, storeId, 'cart.updated', {
        cartId,
        change: 'line_removed',
        lineId,
        variantId: line.variantId,
        quantity: line.quantity,
      });
      return;
    }
    if (wanted === line.quantity) return;
    if (wanted > line.quantity) await checkSellable(tx, storeId, current.locale, line.variantId, wanted);
    edit.linesChanged();
    await tx.update(cartLines).set({ quantity: wanted }).where(eq(cartLines.id, lineId));
    await emitCartEvent(tx, storeId, 'cart.updated', {
      cartId,
      change: 'line_quantity_changed',
      lineId,
      variantId: line.variantId,
      quantity: wanted,
      previousQuantity: line.quantity,
    });
  });
  return cart;
}

/** Takes a line out of the cart. 404 when the cart has no such line; 409 `cart_not_active`. */
export async function removeCartLine(db: Db, storeId: string, cartId: string, lineId: string): Promise<Cart> {
  return setCartLineQuantity(db, storeId, cartId, lineId, 0);
}

/**
 * Whether `quantity` units of the variant can go in a cart: it is the store's, its product is on
 * sale, and (unless it keeps selling when out of stock) that many are available.
 */
async function checkSellable(tx: Db, storeId: string, locale: string, id: string, quantity: number) {
  const variant = (await findCartVariants(tx, { id: storeId, locale }, locale, [id])).get(id);
  if (variant?.productStatus !== 'active') {
    throw unprocessable('variant_unavailable', 'This item is not for sale.', {
      path: 'variantId',
      variantId: id,
    });
  }
  const stock = (
    await variantAvailability(tx, storeId, [{ variantId: id, inventoryPolicy: variant.inventoryPolicy }])
  ).get(id);
  if (
    stock &&
    stock.available !== null &&
    variant.inventoryPolicy !== 'continue' &&
    quantity > stock.available
  ) {
    throw unprocessable(
      'insufficient_stock',
      stock.available === 0
        ? 'This item is sold out.'
        : `Only ${stock.available} of this item can be bought.`,
      { path: 'quantity', variantId: id, available: stock.available, quantity },
    );
  }
}
