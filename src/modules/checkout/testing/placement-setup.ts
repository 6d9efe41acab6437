/*
 * Stores ready to take orders, and carts ready to place, for the placement's and the storefront
 * checkout's tests: an EU store with VAT inside its prices shipping within Germany (and a pick-up
 * counter), and a US store adding California's sales tax to net prices.
 */
import type { Database } from '../../../platform/db/database.ts';
import type { Store } from '../../access/index.ts';
import type { CartAddressInput } from '../cart-address.ts';
import { selectCartShippingOption, setCartAddresses, setCartContact } from '../cart-details.ts';
import { applyDiscountCode } from '../cart-discounts.ts';
import { type AddCartLineInput, addCartLine } from '../cart-lines.ts';
import { createCart } from '../carts.ts';
import { priceCart } from '../pricing/price-cart.ts';
import {
  makeDiscount,
  makeProduct,
  makeZone,
  receiveStock,
  setUpTax,
  type TestProduct,
} from './selling-setup.ts';

export const germanAddress: CartAddressInput = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  line1: 'Hauptstraße 1',
  city: 'Berlin',
  postalCode: '10115',
  country: 'DE',
  phone: '+49 30 1234567',
};

export const californianAddress: CartAddressInput = {
  firstName: 'Grace',
  lastName: 'Hopper',
  line1: '1 Market Street',
  city: 'San Francisco',
  postalCode: '94105',
  region: 'US-CA',
  country: 'US',
};

export interface EuShop {
  store: Store;
  shirt: TestProduct;
  book: TestProduct;
  /** A free download: no shipping, price 0. */
  freebie: TestProduct;
  /** The zone for Germany, and its rate ids: standard (€4.90), express (€9.90). */
  zoneId: string;
  standard: string;
  express: string;
}

/**
 * The EU store's terms: prices include VAT (DE 19 %, books 7 %); standard and express delivery in
 * Germany; codes WELCOME10 (10 %) and ONCE (5 %, one use in all); `stock` units of each product
 * (none received with 0: the test places its own).
 */
export async function makeEuShop(database: Database, store: Store, stock = 50): Promise<EuShop> {
  const shirt = await makeProduct(database, store, { title: 'Linen shirt', price: 11_900, weightGrams: 300 });
  const book = await makeProduct(database, store, { title: 'Field guide', price: 1_070, weightGrams: 500 });
  const freebie = await makeProduct(database, store, {
    title: 'Pattern download',
    price: 0,
    requiresShipping: false,
  });
  if (stock > 0) {
    await receiveStock(database, store.id, [
      { variantId: shirt.variantIds[0]!, quantity: stock },
      { variantId: book.variantIds[0]!, quantity: stock },
    ]);
  }
  await setUpTax(database, store.id, {
    settings: { pricesIncludeTax: true },
    classes: ['reduced'],
    rates: [
      { country: 'DE', ratePpm: 190_000, name: 'MwSt. 19 %' },
      { country: 'DE', taxClass: 'reduced', ratePpm: 70_000, name: 'MwSt. 7 %' },
    ],
    productClasses: [{ productIds: [book.productId], taxClass: 'reduced' }],
  });
  const { zoneId, rateIds } = await makeZone(
    database,
    store.id,
    { name: 'Germany', countries: [{ country: 'DE' }] },
    [
      {
        name: 'Standard',
        type: 'flat',
        estimate: { minDays: 1, maxDays: 3 },
        prices: [{ currency: 'EUR', amount: 490 }],
      },
      {
        name: 'Express',
        type: 'flat',
        estimate: { minDays: 0, maxDays: 1 },
        prices: [{ currency: 'EUR', amount: 990 }],
      },
    ],
  );
  await makeDiscount(database, store.id, {
    title: 'Welcome',
    kind: 'code',
    codes: ['WELCOME10'],
    type: 'percentage',
    percentBp: 1000,
  });
  await makeDiscount(database, store.id, {
    title: 'Once only',
    kind: 'code',
    codes: ['ONCE'],
    type: 'percentage',
    percentBp: 500,
    usageLimit: 1,
  });
  return { store, shirt, book, freebie, zoneId, standard: rateIds[0]!, express: rateIds[1]! };
}

export interface UsShop {
  store: Store;
  boots: TestProduct;
  ground: string;
}

/** The US store's terms: net prices, California 7.25 % + 1 %, flat ground shipping (untaxed). */
export async function makeUsShop(database: Database, store: Store): Promise<UsShop> {
  const boots = await makeProduct(database, store, { title: 'Boots', price: 4_999, weightGrams: 1_200 });
  await receiveStock(database, store.id, [{ variantId: boots.variantIds[0]!, quantity: 50 }]);
  await setUpTax(database, store.id, {
    settings: { pricesIncludeTax: false, shippingTaxation: 'not_taxed' },
    rates: [
      { country: 'US', region: 'US-CA', ratePpm: 72_500, name: 'CA State Tax' },
      { country: 'US', region: 'US-CA', ratePpm: 10_000, name: 'County Tax' },
    ],
  });
  const { rateIds } = await makeZone(
    database,
    store.id,
    { name: 'United States', countries: [{ country: 'US' }] },
    [
      {
        name: 'Ground',
        type: 'flat',
        estimate: { minDays: 3, maxDays: 5 },
        prices: [{ currency: 'USD', amount: 795 }],
      },
    ],
  );
  return { store, boots, ground: rateIds[0]! };
}

/**
 * A cart with every checkout step done: lines, e-mail, address, shipping option (when something
 * ships) and codes. Returns its id and the token a browser would hold.
 */
export async function readyCart(
  database: Database,
  store: Store,
  input: {
    lines: AddCartLineInput[];
    email?: string;
    address?: CartAddressInput;
    shippingOptionKey?: string;
    codes?: string[];
    locale?: string;
  },
): Promise<{ cartId: string; token: string }> {
  const { db } = database;
  const address = input.address ?? germanAddress;
  const { cart, token } = await createCart(db, store, {
    locale: input.locale ?? 'en',
    country: address.country,
  });
  for (const line of input.lines) await addCartLine(db, store.id, cart.id, line);
  await setCartContact(db, store.id, cart.id, { email: input.email ?? 'ada@example.com' });
  await setCartAddresses(db, store.id, cart.id, { shippingAddress: address });
  const priced = await priceCart(db, store, cart.id);
  const key =
    input.shippingOptionKey ?? (priced.shipping.required ? priced.shipping.options[0]?.key : undefined);
  if (key) await selectCartShippingOption(db, store.id, cart.id, key);
  for (const code of input.codes ?? []) {
    const applied = await applyDiscountCode(db, store.id, cart.id, code);
    if (!applied.applied) throw new Error(`code ${code} did not apply: ${applied.rejection?.reason}`);
  }
  return { cartId: cart.id, token };
}
