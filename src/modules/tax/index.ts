/**
 * Public face of the tax module: tax rates by country and region, product tax classes, and the one
 * tax calculation the cart, checkout and orders use. docs/tax.md explains the model and the rules.
 *
 * A cart or checkout calls `quoteTax(db, storeId, { currency, lines, shipping, shippingAddress,
 * billingAddress })`: it applies the store's settings (which address, prices with or without tax,
 * shipping, rounding), looks up the products' classes and the rates at the address, and returns
 * per-line, shipping and total tax that always sum. An order keeps the quote it was placed with.
 * `computeTax` is the same calculation without a database, for callers that hold the rates.
 */
export {
  type ComputeTaxInput,
  computeTax,
  type LineTax,
  type RateAmount,
  type RateTotal,
  type ShippingTax,
  type TaxableLine,
  type TaxableShipping,
  type TaxComputation,
} from './compute-tax.ts';
export { maxTaxableAmount, maxTaxLines } from './compute-tax-input.ts';
export { type TaxPreset, type TaxPresetKey, taxPresetKeys, taxPresets } from './presets.ts';
export { taxClassesOfProducts } from './product-classes.ts';
export { quoteTax, type TaxQuote, type TaxQuoteLine, type TaxQuoteRequest } from './quote-tax.ts';
export type { AppliedTaxRate } from './rate-factors.ts';
export { formatRatePercent, parseRatePercent } from './rate-percent.ts';
export { type DestinationRates, resolveRates } from './resolve-rates.ts';
export { taxRoutes } from './routes.ts';
export {
  type ShippingTaxation,
  shippingTaxations,
  standardTaxClass,
  type TaxBasis,
  type TaxRounding,
  taxBasis,
  taxRoundings,
} from './schema.ts';
export { isSubdivisionOf } from './subdivision-codes.ts';
export type { TaxAddress } from './tax-address.ts';
export { listTaxClasses } from './tax-classes.ts';
export { type TaxChange, type TaxUpdatedPayload, taxUpdatedEvent } from './tax-events.ts';
export { getTaxSettings, type TaxSettings, taxAddressOf } from './tax-settings.ts';
