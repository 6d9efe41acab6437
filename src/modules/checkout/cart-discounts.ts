import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { badRequest, unprocessable } from '../../platform/errors.ts';
import { cartLimits } from './cart-limits.ts';
import {
  type Cart,
  type CartRef,
  changeCart,
  idOfCart,
  type StoreRef,
  storeIdOf,
  storeOfRef,
} from './carts.ts';
import { type PriceCartOptions, priceCart } from './pricing/price-cart.ts';
import type { PricedCart, RejectedCartCode } from './pricing/priced-cart.ts';

const codeInput = z.string().trim().min(1).max(64);
const sameCode = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function checkedCode(code: unknown): string {
  const parsed = codeInput.safeParse(code);
  if (!parsed.success) {
    throw badRequest('invalid_discount_code', 'Enter a discount code (at most 64 characters).', {
      path: 'code',
    });
  }
  return parsed.data;
}

export interface AppliedCode {
  cart: Cart;
  /** The code now applies (or, for free shipping, will once the cart has shipping to discount). */
  applied: boolean;
  /** Why it does not apply; the cart keeps this as its last rejected code until the next try. */
  rejection: RejectedCartCode | null;
  /**
   * The cart as priced to try the code, when the code was kept: that is the cart's price after the
   * change, so a caller answering with the price need not price it again. Null otherwise.
   */
  priced: PricedCart | null;
}

/**
 * Tries a discount code on the cart: the cart is priced with the code, and the code is kept only
 * when it applies. A code that does not apply is not kept silently: the answer and the cart (its
 * last rejected code, shown by `priceCart` until the next try) say why, in the engine's reason
 * (`unknown_code`, `expired`, `below_minimum_subtotal` …). A free-shipping code is kept while the
 * cart has no shipping to take off yet. Entering a code the cart has changes nothing.
 * Errors: 400 `invalid_discount_code`, 422 `discount_code_limit` (more than 5 codes), 409
 * `cart_not_active`.
 */
export async function applyDiscountCode(
  db: Db,
  storeRef: StoreRef,
  cartRef: CartRef,
  code: string,
  options: PriceCartOptions = {},
): Promise<AppliedCode> {
  const cartId = idOfCart(cartRef);
  const storeId = storeIdOf(storeRef);
  const typed = checkedCode(code);
  const { cart, result } = await changeCart(
    db,
    storeId,
    cartRef,
    async (tx, current, edit) => {
      if (current.discountCodes.some((c) => sameCode(c, typed)))
        return { applied: true, rejection: null, priced: null };
      if (current.discountCodes.length >= cartLimits.maxDiscountCodes) {
        throw unprocessable(
          'discount_code_limit',
          `A cart takes at most ${cartLimits.maxDiscountCodes} discount codes.`,
          { path: 'code', max: cartLimits.maxDiscountCodes },
        );
      }
      const store = await storeOfRef(tx, storeRef);
      const priced = await priceCart(
        tx,
        store,
        { ...current, discountCodes: [...current.discountCodes, typed], rejectedCode: null },
        options,
      );
      const rejection = priced.discounts.rejected.find((r) => r.kept && sameCode(r.code, typed)) ?? null;
      const applies = priced.discounts.applied.some((d) => d.code !== null && sameCode(d.code, typed));
      const waitsForShipping =
        rejection?.reason === 'nothing_to_discount' && rejection.discountClass === 'shipping';
      if (applies || waitsForShipping) {
        edit.set({ discountCodes: [...current.discountCodes, typed], rejectedCode: null });
        edit.emit('cart.updated', {
          cartId,
          change: 'discount_code_applied',
          code: typed,
        });
        return { applied: true, rejection: null, priced };
      }
      const reason = rejection?.reason ?? 'not_applicable';
      edit.set({
        rejectedCode: { code: typed, reason, ...(rejection?.details ? { details: rejection.details } : {}) },
      });
      edit.emit('cart.updated', {
        cartId,
        change: 'discount_code_rejected',
        code: typed,
        reason,
      });
      return { applied: false, rejection: rejection ? { ...rejection, kept: false } : null, priced: null };
    },
    { cartOnly: true },
  );
  return { cart, ...result };
}

/**
 * Takes a code off the cart (whatever its case); the last rejected code is forgotten too when it is
 * the one named. Removing a code the cart does not have changes nothing. 409 `cart_not_active`.
 */
export async function removeDiscountCode(
  db: Db,
  storeId: string,
  cartId: string,
  code: string,
): Promise<Cart> {
  const typed = checkedCode(code);
  const { cart } = await changeCart(
    db,
    storeId,
    cartId,
    async (_tx, current, edit) => {
      const kept = current.discountCodes.filter((c) => !sameCode(c, typed));
      const forgetRejected = current.rejectedCode !== null && sameCode(current.rejectedCode.code, typed);
      if (kept.length === current.discountCodes.length && !forgetRejected) return;
      edit.set({ discountCodes: kept, ...(forgetRejected ? { rejectedCode: null } : {}) });
      edit.emit('cart.updated', {
        cartId,
        change: 'discount_code_removed',
        code: typed,
      });
    },
    { cartOnly: true },
  );
  return cart;
}
