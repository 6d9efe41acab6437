/**
 * Public face of the checkout module, first half: carts and the one calculation of what they cost
 * (docs/checkout.md). The storefront's cart pages, the checkout steps and order placement all call
 * `priceCart`, so what a shopper is shown is what they are charged.
 *
 * For order placement, in its transaction: lock and read the cart (`findCartByToken`), price it
 * afresh with `priceCart(tx, store, cart)`, refuse it unless `priced.purchasable`, reserve stock and
 * the discounts (`priced.discounts.applied`, `priced.customerKey`), copy the priced lines, shipping,
 * tax and totals into the order, then `markCartCompleted(tx, storeId, cart.id, orderId)`.
 */
export { type CartAddress, type CartAddressInput, cartAddressInput } from './cart-address.ts';
export { markCartCompleted } from './cart-completion.ts';
export { attachCustomer, type MergedCart, mergeCarts } from './cart-customers.ts';
export {
  type CartAddressesInput,
  selectCartShippingOption,
  setCartAddresses,
  setCartContact,
  setCartCountry,
} from './cart-details.ts';
export { type AppliedCode, applyDiscountCode, removeDiscountCode } from './cart-discounts.ts';
export { type CartChange, cartEventTypes } from './cart-events.ts';
export { cartLimits } from './cart-limits.ts';
export {
  type AddCartLineInput,
  addCartLine,
  createCartWithLine,
  removeCartLine,
  setCartLineQuantity,
} from './cart-lines.ts';
export { cartCsrfToken } from './cart-token.ts';
export {
  type Cart,
  type CartLineRecord,
  type CreateCartInput,
  cartItemCount,
  createCart,
  findCartByToken,
  getCart,
  lockActiveCart,
  type StoreRef,
} from './carts.ts';
export * as customerData from './customer-data.ts';
export { type CompletedDraft, completeDraftOrder } from './drafts/draft-completion.ts';
export { type DraftChangeKind, draftOrderEventTypes } from './drafts/draft-events.ts';
export {
  type CompleteDraftInput,
  type DraftInvoiceInput,
  type DraftListQuery,
  type DraftOrderInput,
  type DraftStatus,
  draftStatuses,
} from './drafts/draft-input.ts';
export { type SentDraftInvoice, sendDraftInvoice } from './drafts/draft-invoice.ts';
export { type DraftLinkTarget, draftOfPaymentLink } from './drafts/draft-link.ts';
export { createDraftOrder, deleteDraftOrder, updateDraftOrder } from './drafts/draft-orders.ts';
export {
  type DraftOrder,
  type DraftOrderSummary,
  type DraftStep,
  getDraftOrder,
  listDraftOrders,
} from './drafts/draft-read.ts';
export { draftOrderRoutes } from './drafts/routes.ts';
export { type CartReference, isTokenOfCart } from './placement/cart-reference.ts';
export {
  checkedIdempotencyKey,
  IDEMPOTENCY_KEY_TTL_MS,
  purgeExpiredIdempotencyKeys,
} from './placement/idempotency.ts';
export { idempotencyPurgeSchedule, registerIdempotencyPurgeJob } from './placement/idempotency-job.ts';
export { type FinishedPaymentStep, finishPaymentStep } from './placement/payment-step.ts';
export {
  type CheckoutStep,
  type PlacedOrder,
  type PlaceOrderInput,
  placeOrderFromCart,
} from './placement/place-order.ts';
export { cartCustomerKey, cartDestination } from './pricing/cart-facts.ts';
export { type CartFacts, composePricedCart, type LineFacts } from './pricing/compose-priced-cart.ts';
export { type PriceCartOptions, priceCart } from './pricing/price-cart.ts';
export type {
  CartDiscount,
  CartProblem,
  CartProblemCode,
  CartTax,
  CartTotals,
  LineTaxRate,
  PricedCart,
  PricedCartLine,
  PricedMarket,
  PricedShipping,
  RejectedCartCode,
  ShippingChoice,
} from './pricing/priced-cart.ts';
export { type CartKind, type CartState, cartKinds, cartStates, type RejectedCodeAttempt } from './schema.ts';
