import { unprocessable } from '../../platform/errors.ts';
import { convertPrice } from './convert-price.ts';
import type { PricingMode, RoundingRule } from './schema.ts';

export type PriceSource = 'base' | 'explicit' | 'converted';

/** A variant's price in a market: what the storefront shows and checkout charges. */
export interface VariantPrice {
  variantId: string;
  /** Minor units of `currency`. */
  amount: number;
  /** Shown struck through; always above `amount`, else null. */
  compareAtAmount: number | null;
  currency: string;
  source: PriceSource;
  /** The exchange rate a converted price was made with (canonical decimal text); null otherwise. */
  rate: string | null;
}

/** Amounts in minor units: a catalog base price, or a market's explicit price. */
export interface PriceAmounts {
  amount: number;
  compareAtAmount: number | null;
}

/** Everything the calculation needs to know of a market, loaded once per request (price-variants.ts). */
export interface MarketPriceRule {
  baseCurrency: string;
  currency: string;
  mode: PricingMode;
  rounding: RoundingRule;
  convertCompareAt: boolean;
  /** The rate from the base currency that applies; null when none is recorded (or none is needed). */
  rate: string | null;
}

/**
 * The one calculation of a variant's price in a market (no database): the market's explicit price
 * when the market uses explicit prices and has one; else the base price when the market sells in the
 * base currency; else the base price converted at the market's rate and rounded by its rule, with
 * the compare-at price converted the same way when the market says so. A compare-at price that is
 * not above the price (rounding can make them meet) is dropped.
 *
 * Errors: 422 `exchange_rate_missing` when a price must be converted and no rate applies.
 */
export function priceVariant(
  variantId: string,
  base: PriceAmounts,
  explicit: PriceAmounts | undefined,
  rule: MarketPriceRule,
): VariantPrice {
  const { currency } = rule;
  if (explicit && rule.mode === 'explicit') {
    return {
      variantId,
      ...withCompareAt(explicit.amount, explicit.compareAtAmount),
      currency,
      source: 'explicit',
      rate: null,
    };
  }
  if (currency === rule.baseCurrency) {
    return {
      variantId,
      ...withCompareAt(base.amount, base.compareAtAmount),
      currency,
      source: 'base',
      rate: null,
    };
  }
  const { rate } = rule;
  if (rate === null) {
    throw unprocessable(
      'exchange_rate_missing',
      `No exchange rate from ${rule.baseCurrency} to ${currency} applies; record one first.`,
      { baseCurrency: rule.baseCurrency, quoteCurrency: currency },
    );
  }
  const convert = (amount: number) => convertPrice(amount, rule.baseCurrency, currency, rate, rule.rounding);
  const amount = convert(base.amount);
  const compareAt =
    rule.convertCompareAt && base.compareAtAmount !== null ? convert(base.compareAtAmount) : null;
  return { variantId, ...withCompareAt(amount, compareAt), currency, source: 'converted', rate };
}

function withCompareAt(amount: number, compareAtAmount: number | null): PriceAmounts {
  return {
    amount,
    compareAtAmount: compareAtAmount !== null && compareAtAmount > amount ? compareAtAmount : null,
  };
}
