import { z } from 'zod';
import type { Market } from './primary-market.ts';
import { pricingModes, roundingRules } from './schema.ts';

/** A market's price list: how its prices are made (docs/markets.md, "Price lists"). */
export const priceListInput = z
  .object({
    /** 'converted': base prices at the market's rate; 'explicit': its own prices, converted where it has none. */
    mode: z.enum(pricingModes),
    rounding: z.enum(roundingRules),
    convertCompareAt: z.boolean(),
  })
  .partial()
  .strict();
export type PriceListInput = z.input<typeof priceListInput>;

export interface PriceList {
  mode: Market['pricingMode'];
  rounding: Market['rounding'];
  convertCompareAt: boolean;
}

export function priceListOf(market: Market): PriceList {
  return { mode: market.pricingMode, rounding: market.rounding, convertCompareAt: market.convertCompareAt };
}
