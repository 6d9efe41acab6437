/**
 * Public face of the markets module: where a store sells, in which currency, and the one price
 * calculation every shopper-facing part uses (storefront, cart, checkout), so a price shown is the
 * price charged. Reporting in another currency (analytics, the portfolio) converts with the same
 * exact arithmetic and the store's recorded rates. docs/markets.md explains the rules.
 */
export { amountInBaseSql } from './amount-in-base-sql.ts';
export { convertPrice, convertToBase } from './convert-price.ts';
export { canonicalExchangeRate, parseExchangeRate } from './exchange-rate-text.ts';
export {
  type ExchangeRate,
  effectiveExchangeRate,
  effectiveExchangeRates,
  listExchangeRates,
  storeDay,
} from './exchange-rates.ts';
export {
  marketEventTypes,
  marketsTopic,
  type PricesChangedPayload,
  type PricesChangedReason,
} from './market-events.ts';
export { getMarket, listMarkets } from './markets.ts';
export {
  type MarketPrices,
  marketPriceRule,
  type PriceVariantsQuery,
  priceVariants,
} from './price-variants.ts';
export { ensurePrimaryMarket, type Market, type MarketStore } from './primary-market.ts';
export { type ReportingConverter, reportingConverters } from './reporting-conversion.ts';
export { type ResolvedMarket, resolveMarket } from './resolve-market.ts';
export { applyRounding } from './rounding.ts';
export { marketRoutes } from './routes.ts';
export { type PricingMode, pricingModes, type RoundingRule, roundingRules } from './schema.ts';
export {
  type MarketPriceRule,
  type PriceAmounts,
  type PriceSource,
  priceVariant,
  type VariantPrice,
} from './variant-price.ts';
