import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { badRequest, unprocessable } from '../../platform/errors.ts';
import { resolveMarket } from '../markets/index.ts';
import { type CartAddress, cartAddressInput } from './cart-address.ts';
import {
  type Cart,
  type CartColumns,
  type CartRef,
  changeCart,
  checkedCountry,
  idOfCart,
  type StoreRef,
  storeIdOf,
  storeOfRef,
} from './carts.ts';
import { type PriceCartOptions, priceCart } from './pricing/price-cart.ts';
import type { PricedCart } from './pricing/priced-cart.ts';

/**
 * The market of a cart for a country: `resolveMarket`'s answer, written with its currency. A change
 * of market re-prices everything, since `priceCart` prices in the cart's market.
 */
async function marketColumns(tx: Db, storeRef: StoreRef, country: string | null, currency: string) {
  const store = await storeOfRef(tx, storeRef);
  const { market } = await resolveMarket(tx, store, { country, currency: country ? null : currency });
  return { marketId: market.id, currency: market.currency };
}

/**
 * Sets the country the cart is for (the shipping estimate's, and its market's: the market follows
 * the country, so the cart may change currency). A shipping address in another country and the
 * chosen shipping option are dropped with it: they were for the country before.
 * Errors: 400 `invalid_country`, 409 `cart_not_active`.
 */
export async function setCartCountry(
  db: Db,
  store: StoreRef,
  cartId: string,
  country: string,
): Promise<Cart> {
  const storeId = storeIdOf(store);
  const code = checkedCountry(country);
  const { cart } = await changeCart(
    db,
    storeId,
    cartId,
    async (tx, current, edit) => {
      if (current.country === code && (!current.shippingAddress || current.shippingAddress.country === code))
        return;
      const market = await marketColumns(tx, store, code, current.currency);
      const addressElsewhere = current.shippingAddress !== null && current.shippingAddress.country !== code;
      edit.set({
        country: code,
        ...market,
        shippingOptionKey: null,
        ...(addressElsewhere ? { shippingAddress: null } : {}),
      });
      edit.emit('cart.updated', {
        cartId,
        change: 'country_changed',
        country: code,
        marketId: market.marketId,
        currency: market.currency,
      });
    },
    { cartOnly: true },
  );
  return cart;
}

const emailInput = z.string().trim().toLowerCase().max(254).pipe(z.email());

/** Sets (or, with null, clears) the buyer's e-mail, lower-cased. 400 `invalid_email`; 409 `cart_not_active`. */
export async function setCartContact(
  db: Db,
  storeId: string,
  cartRef: CartRef,
  contact: { email: string | null },
): Promise<Cart> {
  const cartId = idOfCart(cartRef);
  let email: string | null = null;
  if (contact.email !== null) {
    const parsed = emailInput.safeParse(contact.email);
    if (!parsed.success)
      throw badRequest('invalid_email', 'Enter a valid e-mail address.', { path: 'email' });
    email = parsed.data;
  }
  const { cart } = await changeCart(
    db,
    storeId,
    cartRef,
    async (_tx, current, edit) => {
      if (current.email === email) return;
      edit.set({ email });
      // The payload says whether there is one, never the address itself.
      edit.emit('cart.updated', {
        cartId,
        change: 'contact_changed',
        hasEmail: email !== null,
      });
    },
    { cartOnly: true },
  );
  return cart;
}

const addressesInput = z
  .object({
    shippingAddress: cartAddressInput.nullable().optional(),
    billingAddress: cartAddressInput.nullable().optional(),
  })
  .strict();
export type CartAddressesInput = z.input<typeof addressesInput>;

/**
 * Sets the shipping and/or billing address (left out: unchanged; null: removed), each checked
 * for its country (the customers module's `addressInput`). A shipping address sets the cart's
 * country, so the market and the shipping options follow it; the chosen shipping option is dropped
 * when the country changes. Errors: 400 `validation_failed` (with `shippingAddress.postalCode`-style
 * paths), 409 `cart_not_active`.
 */
export async function setCartAddresses(
  db: Db,
  store: StoreRef,
  cartRef: CartRef,
  input: CartAddressesInput,
): Promise<Cart> {
  const cartId = idOfCart(cartRef);
  const storeId = storeIdOf(store);
  const data = addressesInput.parse(input);
  const { cart } = await changeCart(
    db,
    storeId,
    cartRef,
    async (tx, current, edit) => {
      const changes: CartColumns = {};
      if (data.billingAddress !== undefined)
        changes.billingAddress = data.billingAddress as CartAddress | null;
      if (data.shippingAddress !== undefined) {
        changes.shippingAddress = data.shippingAddress as CartAddress | null;
        const country = data.shippingAddress?.country;
        if (country && country !== current.country) {
          Object.assign(
            changes,
            { country, shippingOptionKey: null },
            await marketColumns(tx, store, country, current.currency),
          );
        }
      }
      if (Object.keys(changes).length === 0) return;
      edit.set(changes);
      edit.emit('cart.updated', {
        cartId,
        change: 'addresses_changed',
        country: changes.country ?? current.country,
      });
    },
    { cartOnly: true },
  );
  return cart;
}

const optionKeyInput = z.string().trim().min(1).max(64);

/**
 * Chooses how the cart ships: a shipping rate's or pick-up option's id among the options a fresh
 * pricing offers for the cart's address (or country); null forgets the choice. What is charged is
 * always what `priceCart` works out for that option, never an amount a browser sent.
 * Errors: 400 `invalid_shipping_option`, 422 `shipping_option_unavailable` (with the reason),
 * 409 `cart_not_active`.
 */
export async function selectCartShippingOption(
  db: Db,
  store: StoreRef,
  cartRef: CartRef,
  optionKey: string | null,
  options: PriceCartOptions & {
    /**
     * Called with the cart as priced to check the option (the cart as it is after the change), so a
     * caller that answers with the price need not price it again.
     */
    onPriced?: (priced: PricedCart) => void;
  } = {},
): Promise<Cart> {
  const cartId = idOfCart(cartRef);
  const storeId = storeIdOf(store);
  const { onPriced, ...pricing } = options;
  let key: string | null = null;
  if (optionKey !== null) {
    const parsed = optionKeyInput.safeParse(optionKey);
    if (!parsed.success) {
      throw badRequest('invalid_shipping_option', 'Name a shipping option.', { path: 'shippingOptionKey' });
    }
    key = parsed.data;
  }
  const { cart } = await changeCart(
    db,
    storeId,
    cartRef,
    async (tx, current, edit) => {
      if (current.shippingOptionKey === key) return;
      if (key !== null) {
        const priced = await priceCart(tx, store, { ...current, shippingOptionKey: key }, pricing);
        if (priced.shipping.mode !== 'selected') {
          throw unprocessable(
            'shipping_option_unavailable',
            'This shipping option is not available for this cart and address.',
            {
              path: 'shippingOptionKey',
              id: key,
              reason:
                priced.shipping.unavailableReason ??
                (priced.shipping.required ? 'no_destination' : 'no_shipping_needed'),
            },
          );
        }
        onPriced?.(priced);
      }
      edit.set({ shippingOptionKey: key });
      edit.emit('cart.updated', {
        cartId,
        change: 'shipping_option_selected',
        shippingOptionKey: key,
      });
    },
    { cartOnly: true },
  );
  return cart;
}
