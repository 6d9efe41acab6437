import type { Db } from '../../../platform/db/database.ts';
import type { Store } from '../../access/index.ts';
import { collectionsOfProducts, findCartVariants } from '../../catalog/index.ts';
import { variantAvailability } from '../../inventory/index.ts';
import { priceVariants, resolveMarket } from '../../markets/index.ts';
import { loadDiscountCandidates } from '../../promotions/index.ts';
import { loadShippingConfig, type ShippingConfig, weighLines } from '../../shipping/index.ts';
import { getTaxSettings, resolveRates, taxAddressOf, taxClassesOfProducts } from '../../tax/index.ts';
import type { CartAddress } from '../cart-address.ts';
import type { Cart } from '../carts.ts';
import type { CartFacts } from './compose-priced-cart.ts';

/** Who a cart's buyer is for discount limits: the customer, else the e-mail (lower case), else nobody yet. */
export function cartCustomerKey(cart: Pick<Cart, 'customerId' | 'email'>): string | null {
  return cart.customerId ?? (cart.email ? cart.email.trim().toLowerCase() : null);
}

/** Where a cart is priced for: its shipping address, else the country the shopper chose. */
export function cartDestination(cart: Pick<Cart, 'shippingAddress' | 'country'>) {
  if (cart.shippingAddress) {
    return { country: cart.shippingAddress.country, region: cart.shippingAddress.region ?? null };
  }
  return cart.country ? { country: cart.country, region: null } : null;
}

/**
 * Reads everything one pricing of the cart needs, each module through its public face: the market
 * (`resolveMarket` for the cart's country) and its prices (`priceVariants`), the variants and their
 * stock, the discount candidates, the shipping setup and the cart's weight, the tax settings and the
 * rates at the tax address. The store's terms (markets, exchange rates, shipping setup, tax settings
 * and rates, collection rules) come from the process's configuration cache, so a pricing reads
 * little more than the cart's own variants, their stock, codes and collections: four to six queries.
 * They run one after the other: on a transaction's one connection, side by side would only queue.
 */
export async function loadCartFacts(
  db: Db,
  store: Store,
  cart: Cart,
  options: {
    now: Date;
    segments: readonly string[];
    /** The shopper's shipping terms made from the store's (`PriceCartOptions.shippingTerms`). */
    shippingTerms?: (config: ShippingConfig) => ShippingConfig;
  },
): Promise<CartFacts> {
  const { now } = options;
  const destination = cartDestination(cart);
  const customerKey = cartCustomerKey(cart);
  // The market follows the country; a cart for no country yet stays in the currency it has.
  const { market, matchedBy } = await resolveMarket(db, store, {
    country: destination?.country ?? null,
    currency: destination ? null : cart.currency,
  });
  const variantIds = cart.lines.map((l) => l.variantId);
  const variants = await findCartVariants(db, store, cart.locale, variantIds);
  const basePrices = new Map(
    [...variants].map(([id, v]) => [id, { amount: v.priceAmount, compareAtAmount: v.compareAtAmount }]),
  );
  const prices = await priceVariants(db, store, { marketId: market.id, variantIds, at: now, basePrices });
  const storeShipping = await loadShippingConfig(db, store);
  const shippingConfig = options.shippingTerms ? options.shippingTerms(storeShipping) : storeShipping;
  const taxSettings = await getTaxSettings(db, store.id);
  const candidates = await loadDiscountCandidates(db, store.id, {
    codes: cart.discountCodes,
    customerKey,
    now,
  });
  const live = cart.lines.filter((l) => variants.get(l.variantId)?.productStatus === 'active');
  const productIds = [...new Set(live.map((l) => variants.get(l.variantId)!.productId))];
  // Before any address, the shopper's country stands in (an estimate: a region may have its own rates).
  const fromAddresses = taxAddressOf(taxSettings, {
    shipping: placeOf(cart.shippingAddress),
    billing: placeOf(cart.billingAddress),
  });
  const estimated =
    fromAddresses === null && cart.country !== null && taxSettings.taxBasedOn !== 'store_address';
  const taxAddress = estimated
    ? { address: { country: cart.country!, region: null }, source: 'shipping_address' as const }
    : fromAddresses;
  const stock = await variantAvailability(
    db,
    store.id,
    live.map((l) => ({
      variantId: l.variantId,
      inventoryPolicy: variants.get(l.variantId)!.inventoryPolicy,
    })),
  );
  const collections = await collectionsOfProducts(db, store.id, productIds);
  const classes = await taxClassesOfProducts(db, store.id, productIds);
  const weight = weighLines(
    live.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
    variants,
  );
  const rates = taxAddress ? await resolveRates(db, store.id, taxAddress.address) : null;
  return {
    cart: {
      id: cart.id,
      storeId: store.id,
      locale: cart.locale,
      discountCodes: cart.discountCodes,
      rejectedCode: cart.rejectedCode,
      shippingOptionKey: cart.shippingOptionKey,
    },
    now,
    market: {
      id: market.id,
      handle: market.handle,
      name: market.name,
      currency: market.currency,
      matchedBy,
    },
    exchangeRate: prices.exchangeRate
      ? {
          baseCurrency: prices.exchangeRate.baseCurrency,
          rate: prices.exchangeRate.rate,
          effectiveOn: prices.exchangeRate.effectiveOn,
        }
      : null,
    customerKey,
    segments: options.segments,
    lines: cart.lines.map((line) => {
      const variant = variants.get(line.variantId);
      return {
        lineId: line.id,
        variantId: line.variantId,
        quantity: line.quantity,
        variant,
        price: prices.prices.get(line.variantId),
        availability: stock.get(line.variantId),
        collectionIds: variant ? (collections.get(variant.productId) ?? []) : [],
        taxClass: variant ? (classes.get(variant.productId) ?? 'standard') : 'standard',
      };
    }),
    candidates,
    shipping: { config: shippingConfig, weight, destination },
    tax: {
      settings: taxSettings,
      rates,
      address:
        taxAddress && rates
          ? { country: rates.country, region: rates.region, source: taxAddress.source }
          : null,
      estimated,
    },
  };
}

/** The part of an address tax looks at. */
function placeOf(address: CartAddress | null): { country: string; region: string | null } | null {
  return address ? { country: address.country, region: address.region } : null;
}
