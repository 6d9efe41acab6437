/**
 * How big a cart may get. A real order rarely comes near; the limits keep a bot's cart from
 * growing without bound (every line is priced on every page view).
 */
export const cartLimits = {
  /** Lines (different variants) in one cart: 422 `cart_line_limit`. */
  maxLines: 100,
  /** Units of one variant in one cart: 422 `line_quantity_limit`. */
  maxQuantity: 9_999,
  /** Discount codes kept on one cart: 422 `discount_code_limit`. */
  maxDiscountCodes: 5,
  /** A cart not changed for this long is no longer found by its token. */
  lifetimeMs: 30 * 24 * 60 * 60 * 1000,
} as const;
