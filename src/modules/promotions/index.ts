/**
 * Public face of the promotions module: discount codes and automatic discounts (docs/promotions.md).
 *
 * For the checkout:
 * 1. `evaluateDiscounts(db, storeId, cart, { now, customerKey, segments, codes })` prices a cart:
 *    per-line allocations, the shipping discount, what applied and why the rest did not.
 * 2. When the order is placed, in its transaction:
 *    `reserveDiscountUsage(tx, storeId, { discounts: result.applied, customerKey, orderRef })`;
 *    409 `discount_usage_limit_reached` / `discount_customer_limit_reached` mean the cart must be
 *    priced again.
 * 3. `commitDiscountUsage(tx, storeId, orderRef)` when the order goes through,
 *    `releaseDiscountUsage(tx, storeId, orderRef)` when it fails (both idempotent).
 *
 * Customers are named by a customer key (the lower-cased e-mail for now; the customer id once the
 * customers module exists) and their segments are passed in by the caller; the customers module
 * will supply them.
 */

export { loadDiscountCandidates } from './candidates.ts';
export * as customerData from './customer-data.ts';
export { customerKey } from './customer-key.ts';
export type { DiscountStatus, DiscountView } from './discount-records.ts';
export { getDiscount } from './discount-records.ts';
export { applyDiscounts } from './engine/apply-discounts.ts';
export { discountClassOf } from './engine/combination.ts';
export type {
  Allocation,
  AppliedDiscount,
  Cart,
  CartLine,
  DiscountCandidate,
  DiscountClass,
  DiscountContext,
  DiscountResult,
  LineResult,
  RejectedDiscount,
  RejectionReason,
} from './engine/types.ts';
export { type CartToPrice, evaluateDiscounts } from './evaluate.ts';
export { promotionRoutes } from './routes.ts';
export { type ReservedUsage, type ReserveUsageInput, reserveDiscountUsage } from './usage/reserve-usage.ts';
export {
  commitDiscountUsage,
  type DiscountUsage,
  discountUsesOf,
  releaseDiscountUsage,
} from './usage/settle-usage.ts';
