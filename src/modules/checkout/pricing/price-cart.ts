import { now } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import type { ShippingConfig } from '../../shipping/index.ts';
import { type Cart, getCart, type StoreRef, storeOfRef } from '../carts.ts';
import { loadCartFacts } from './cart-facts.ts';
import { composePricedCart } from './compose-priced-cart.ts';
import type { PricedCart } from './priced-cart.ts';

export interface PriceCartOptions {
  /** The moment to price at (discount windows, the exchange rate's day, delivery days); now by default. */
  now?: Date;
  /** The customer's segments for segment-only discounts (the customers module supplies them). */
  segments?: readonly string[];
  /**
   * The shipping terms this shopper is offered, made from the store's: the storefront passes its
   * visitor's variant of a free-shipping-threshold experiment (docs/experiments.md), on the cart,
   * every checkout step and order placement alike, so what was shown free is charged free. Left
   * out: the store's own rates (staff, draft orders, tests).
   */
  shippingTerms?: (config: ShippingConfig) => ShippingConfig;
}

/**
 * What a cart costs now: THE one calculation behind the cart page, every checkout step and order
 * placement, so an amount shown is the amount charged. Markets (`resolveMarket` for the cart's
 * country, `priceVariants`) → promotions (the cart's codes, the buyer's customer key) → shipping
 * (the chosen option from a fresh quote, or the cheapest for the country as an estimate) → tax (on
 * the discounted amounts, at the tax address, or the country as an estimate). Nothing is written.
 *
 * `cart` is a cart already read (with its lines) or its id (404 when it is not the store's).
 * Errors from the modules it calls pass through, e.g. 422 `exchange_rate_missing` when the market
 * converts prices and no rate is recorded.
 */
export async function priceCart(
  db: Db,
  store: StoreRef,
  cart: Cart | string,
  options: PriceCartOptions = {},
): Promise<PricedCart> {
  const theStore = await storeOfRef(db, store);
  const theCart = typeof cart === 'string' ? await getCart(db, theStore.id, cart) : cart;
  const facts = await loadCartFacts(db, theStore, theCart, {
    now: options.now ?? now(),
    segments: options.segments ?? [],
    ...(options.shippingTerms ? { shippingTerms: options.shippingTerms } : {}),
  });
  return composePricedCart(facts);
}
