/**
 * Public face of the shipping module: where a store ships, at what price, how fast, and where
 * shoppers can collect (docs/shipping.md). The cart and checkout call `estimateCartShipping`
 * (country only, before an address exists) and `quoteShipping` (the address's options); checkout
 * charges the option `selectShippingOption` finds in a fresh quote, never an amount a browser sent.
 * The calculation itself is pure (`shippingOptions`, `estimateShipping`) over `loadShippingConfig`.
 */
export {
  estimateShipping,
  type ShippingEstimate,
  type ShippingEstimateRequest,
} from './calculation/estimate-shipping.ts';
export { freeShippingFrom } from './calculation/free-shipping-from.ts';
export { selectShippingOption } from './calculation/select-option.ts';
export { shippingOptions } from './calculation/shipping-options.ts';
export type {
  DeliveryEstimate,
  DeliveryOption,
  MatchedZone,
  PickupEstimate,
  PickupOption,
  ShippingConfig,
  ShippingDestination,
  ShippingOption,
  ShippingOptions,
  ShippingRequest,
  UnavailableOption,
  UnavailableReason,
} from './calculation/types.ts';
export { unavailableReasons } from './calculation/types.ts';
export { type CartLine, type CartWeight, weighCart, weighLines } from './cart-weight.ts';
export {
  estimateCartShipping,
  quoteShipping,
  type ShippingEstimateInput,
  type ShippingQuoteInput,
} from './quote-shipping.ts';
export { shippingRoutes } from './routes.ts';
export { SHIPPING_UPDATED_EVENT, type ShippingUpdatedPayload, shippingTopic } from './shipping-change.ts';
export { loadShippingConfig } from './shipping-config.ts';
