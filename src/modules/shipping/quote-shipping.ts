import { z } from 'zod';
import * as clock from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { isCurrencyCode } from '../../platform/money.ts';
import type { Store } from '../access/index.ts';
import { estimateShipping, type ShippingEstimate } from './calculation/estimate-shipping.ts';
import { shippingOptions } from './calculation/shipping-options.ts';
import type { ShippingOptions } from './calculation/types.ts';
import { type CartWeight, weighCart } from './cart-weight.ts';
import { loadShippingConfig } from './shipping-config.ts';
import { countryCode, regionCode } from './zone-input.ts';

/** The cart as the quote and the estimate take it; `now` is a Date in code, ISO text over HTTP. */
const cartFieldsWith = <Now extends z.ZodType>(now: Now) => ({
  /** The cart's currency; the store's base currency when left out. */
  currency: z
    .string()
    .transform((c) => c.toUpperCase())
    .refine(isCurrencyCode, 'Not an ISO 4217 currency code, e.g. EUR.')
    .optional(),
  /** The subtotal after discounts, minor units of the currency. */
  subtotal: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  /** The cart's lines, weighed with the catalog's variant weights… */
  lines: z
    .array(
      z
        .object({ variantId: z.string().min(1).max(64), quantity: z.number().int().min(1).max(10_000) })
        .strict(),
    )
    .max(250)
    .optional(),
  /** …or its weight as given (one or the other; neither: 0 g). */
  totalWeightGrams: z.number().int().min(0).max(1_000_000_000).optional(),
  /** Delivery days are counted from this moment; now when left out. */
  now: now.optional(),
});
const cartFields = cartFieldsWith(z.date());

const oneWeight = (cart: { lines?: unknown; totalWeightGrams?: unknown }) =>
  cart.lines === undefined || cart.totalWeightGrams === undefined;
const oneWeightMessage = { message: 'Give lines or totalWeightGrams, not both.', path: ['totalWeightGrams'] };

const destination = z
  .object({ country: countryCode, region: regionCode.nullish() })
  .strict()
  .refine((d) => !d.region || d.region.startsWith(`${d.country}-`), {
    message: 'The region must be one of the country’s (e.g. US-AK for US).',
    path: ['region'],
  });

export const shippingQuoteInput = z
  .object({ destination, ...cartFields })
  .strict()
  .refine(oneWeight, oneWeightMessage);
export type ShippingQuoteInput = z.input<typeof shippingQuoteInput>;

/** The admin's `POST …/shipping/quote` body: the quote's input with `now` as ISO 8601 text. */
export const shippingQuoteBody = z
  .object({ destination, ...cartFieldsWith(z.iso.datetime({ offset: true })) })
  .strict()
  .refine(oneWeight, oneWeightMessage);

export const shippingEstimateInput = z
  .object({ country: countryCode, ...cartFields })
  .strict()
  .refine(oneWeight, oneWeightMessage);
export type ShippingEstimateInput = z.input<typeof shippingEstimateInput>;

type QuoteStore = Pick<Store, 'id' | 'timezone' | 'baseCurrency'>;

/**
 * The shipping options of a cart for an address, as checkout shows and charges them: the store's
 * setup (`loadShippingConfig`) and the cart's weight (`weighCart`) run through `shippingOptions`.
 */
export async function quoteShipping(
  db: Db,
  store: QuoteStore,
  input: ShippingQuoteInput,
): Promise<{ quote: ShippingOptions; weight: CartWeight }> {
  const { destination, ...cart } = shippingQuoteInput.parse(input);
  const { config, weight, request } = await prepare(db, store, cart);
  const region = destination.region ? { region: destination.region } : {};
  const quote = shippingOptions(
    { ...request, destination: { country: destination.country, ...region } },
    config,
  );
  return { quote, weight };
}

/** The cart's shipping line before an address exists (`estimateShipping`: country only). */
export async function estimateCartShipping(
  db: Db,
  store: QuoteStore,
  input: ShippingEstimateInput,
): Promise<{ estimate: ShippingEstimate; weight: CartWeight }> {
  const { country, ...cart } = shippingEstimateInput.parse(input);
  const { config, weight, request } = await prepare(db, store, cart);
  return { estimate: estimateShipping({ ...request, country }, config), weight };
}

/**
 * The admin's check of the setup before checkout exists: the quote for the address and the cart
 * estimate for its country, from one reading of the setup.
 */
export async function previewShipping(
  db: Db,
  store: QuoteStore,
  input: ShippingQuoteInput,
): Promise<{ quote: ShippingOptions; estimate: ShippingEstimate; weight: CartWeight }> {
  const { destination, ...cart } = shippingQuoteInput.parse(input);
  const { config, weight, request } = await prepare(db, store, cart);
  const region = destination.region ? { region: destination.region } : {};
  return {
    quote: shippingOptions({ ...request, destination: { country: destination.country, ...region } }, config),
    estimate: estimateShipping({ ...request, country: destination.country }, config),
    weight,
  };
}

type ParsedCart = z.output<typeof shippingEstimateInput>;

async function prepare(db: Db, store: QuoteStore, cart: Omit<ParsedCart, 'country'>) {
  const [config, weight] = await Promise.all([
    loadShippingConfig(db, store),
    cart.lines ? weighCart(db, store.id, cart.lines) : givenWeight(cart.totalWeightGrams),
  ]);
  const request = {
    currency: cart.currency ?? store.baseCurrency,
    subtotal: cart.subtotal,
    totalWeightGrams: weight.totalGrams,
    now: cart.now ?? clock.now(),
  };
  return { config, weight, request };
}

async function givenWeight(totalWeightGrams: number | undefined): Promise<CartWeight> {
  return { totalGrams: totalWeightGrams ?? 0, shippingRequired: true, variantsWithoutWeight: [] };
}
