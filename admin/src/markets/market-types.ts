/** Shapes of the markets API's answers (src/modules/markets, docs/markets.md). */

export type PricingMode = 'converted' | 'explicit';
export type RoundingRule = 'none' | 'whole' | 'ninety_nine' | 'nearest_5' | 'nearest_10';

export interface PriceList {
  mode: PricingMode;
  rounding: RoundingRule;
  convertCompareAt: boolean;
}

export interface Market {
  id: string;
  name: string;
  handle: string;
  currency: string;
  countries: string[];
  defaultLocale: string;
  active: boolean;
  isPrimary: boolean;
  priceList: PriceList;
  explicitPriceCount: number;
  /** The rate from the base currency that applies today; null in the base currency or when none is recorded. */
  exchangeRate: { id: string; rate: string; effectiveOn: string } | null;
  createdAt: string;
  updatedAt: string;
}

export interface MarketInput {
  name?: string;
  handle?: string;
  currency?: string;
  countries?: string[];
  defaultLocale?: string;
  active?: boolean;
}

export interface ExchangeRate {
  id: string;
  baseCurrency: string;
  quoteCurrency: string;
  /** Exact decimal text: units of the quote currency per unit of the base currency. */
  rate: string;
  source: 'manual';
  /** The first day (store time zone) it applies, YYYY-MM-DD. */
  effectiveOn: string;
  createdAt: string;
  updatedAt: string;
}

export interface ExchangeRateInput {
  quoteCurrency: string;
  rate: string;
  effectiveOn?: string;
}

export type PriceSource = 'base' | 'explicit' | 'converted';

/** A variant priced in a market (GET …/markets/:id/prices). */
export interface MarketPrice {
  variantId: string;
  productId: string;
  productTitle: string;
  variantTitle: string;
  sku: string | null;
  amount: number;
  compareAtAmount: number | null;
  currency: string;
  source: PriceSource;
  rate: string | null;
  base: { amount: number; compareAtAmount: number | null; currency: string };
}

export interface MarketPrices {
  marketId: string;
  currency: string;
  exchangeRate: ExchangeRate | null;
  items: MarketPrice[];
  unknownVariantIds: string[];
}

export interface ExplicitPrice {
  variantId: string;
  productTitle: string | null;
  variantTitle: string | null;
  sku: string | null;
  price: { amount: number; currency: string };
  compareAt: { amount: number; currency: string } | null;
  updatedAt: string;
}

export interface ExplicitPricesPage {
  items: ExplicitPrice[];
  nextAfter: string | null;
}

export interface ExplicitPricesImportReport {
  dryRun: boolean;
  rows: number;
  set: number;
  removed: number;
  unchanged: number;
}
