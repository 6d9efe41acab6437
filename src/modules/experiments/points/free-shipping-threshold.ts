import { z } from 'zod';
import { isCurrencyCode } from '../../../platform/money.ts';
import type { ShippingConfig } from '../../shipping/index.ts';
import { defineExperimentPoint } from './experiment-point.ts';

/** A threshold: minor units of its currency, as the shipping rates' own `freeAbove`. */
const threshold = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const currency = z.string().refine(isCurrencyCode, 'an ISO 4217 currency code in capitals, e.g. EUR');

export type FreeShippingChange = { freeAbove?: Record<string, number> | undefined };

/**
 * The subtotal from which shipping is free, per currency (`{ "freeAbove": { "EUR": 5000 } }`; the
 * control is usually `{}`, the store's own rates). It changes the rates that ship free already:
 * each rate of the store with a free-above threshold in that currency gets the variant's
 * threshold instead; rates without one (express, freight, zones the store never ships free to) keep
 * charging. So the test moves where the line lies and nothing else — otherwise its arms would also
 * differ in which services are free — and a note "Free shipping over €50" stays true in both arms.
 * A store that wants to test free shipping where it has none sets a threshold on those rates first.
 *
 * Applied by the product pages' note, the cart's estimate, checkout's options and the placed
 * order's shipping line alike (the cart and checkout are never page-cached: they assign by the
 * visitor on every request), so a shopper is never charged what a page said was free.
 */
export const freeShippingThreshold = defineExperimentPoint<FreeShippingChange, ShippingConfig>({
  key: 'free_shipping_threshold',
  description:
    'The order subtotal from which shipping is free, per currency (minor units), on the rates that ship free already.',
  schema: z.object({ freeAbove: z.record(currency, threshold).optional() }).strict(),
  pageKinds: ['product'],
  appearsOn: (_change, page) => page.kind === 'product' || page.kind === 'cart',
  apply: (change, config) => {
    const freeAbove = change.freeAbove;
    if (!freeAbove || Object.keys(freeAbove).length === 0) return config;
    return {
      ...config,
      rates: config.rates.map((rate) => ({
        ...rate,
        prices: rate.prices.map((price) =>
          price.freeAbove !== null && freeAbove[price.currency] !== undefined
            ? { ...price, freeAbove: freeAbove[price.currency]! }
            : price,
        ),
      })),
    };
  },
});
