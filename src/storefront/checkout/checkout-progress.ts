import type { Cart, PricedCart } from '../../modules/checkout/index.ts';
import { type CheckoutSection, checkoutSections } from './checkout-paths.ts';

/** Which sections of the checkout are done, and which one is open for the shopper now. */
export interface CheckoutProgress {
  done: Record<CheckoutSection, boolean>;
  /** The section whose form shows: the one asked for (`?edit=`), else the first not done. */
  open: CheckoutSection;
  /** Everything before payment is done: the payment section (and the place button) shows. */
  readyToPay: boolean;
  /** A draft order the store prepared: its sections cannot be opened for a change, only paid. */
  locked: boolean;
}

/**
 * The state of a checkout, from the cart and its fresh price: contact is done with an e-mail, the
 * address with a shipping address, shipping with a chosen option the quote still offers (or when
 * nothing ships). A section after one not done cannot be opened yet.
 */
export function checkoutProgress(cart: Cart, priced: PricedCart, asked?: unknown): CheckoutProgress {
  const shipping = priced.shipping.required;
  const done: Record<CheckoutSection, boolean> = {
    contact: cart.email !== null,
    address: cart.shippingAddress !== null,
    shipping: !shipping || (priced.shipping.mode === 'selected' && priced.shipping.option !== null),
    payment: false,
  };
  const firstUndone = checkoutSections.find((s) => !done[s]) ?? 'payment';
  const reachable = (s: CheckoutSection) =>
    checkoutSections.indexOf(s) <= checkoutSections.indexOf(firstUndone);
  const locked = cart.kind === 'draft';
  const wanted = locked ? undefined : checkoutSections.find((s) => s === asked);
  const open =
    wanted && wanted !== 'payment' && reachable(wanted) && (wanted !== 'shipping' || shipping)
      ? wanted
      : firstUndone;
  return { done, open, readyToPay: done.contact && done.address && done.shipping, locked };
}
