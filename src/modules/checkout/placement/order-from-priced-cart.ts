import type { NewOrder } from '../../orders/index.ts';
import type { CartAddress } from '../cart-address.ts';
import type { Cart } from '../carts.ts';
import type { LineTaxRate, PricedCart, ShippingChoice } from '../pricing/priced-cart.ts';

export interface OrderFacts {
  cart: Cart;
  priced: PricedCart;
  customerId: string;
  email: string;
  reservationId: string;
  /** The reference the discount uses were reserved under; null when no discount applied. */
  discountUsageRef: string | null;
  /** Null when there is nothing to pay. */
  paymentProvider: string | null;
  /** Weights of the lines' variants (fulfilment and parcels use them). */
  weights: ReadonlyMap<string, number | null>;
}

/**
 * The order exactly as the cart was priced (`priceCart`, never anything a browser sent): each line
 * with its subtotal, discount allocations, tax per rate and total; the shipping line with its
 * discount and taxes; the discounts that applied with their codes; the totals. The orders module
 * checks the arithmetic (`order_totals_mismatch`), so a difference here is a bug in this mapping.
 *
 * One difference of naming: the priced cart's `totals.shippingTotal` is the shipping amount before
 * its discount; an order's `shippingTotal` is the shipping line's total (after its discount, with
 * tax when prices exclude it), so that `total = Σ line totals + shippingTotal`.
 */
export function orderFromPricedCart(facts: OrderFacts): NewOrder {
  const { cart, priced } = facts;
  const option = priced.shipping.required ? priced.shipping.option : null;
  const shippingAddress = cart.shippingAddress ? orderAddress(cart.shippingAddress) : null;
  const billingAddress = cart.billingAddress ? orderAddress(cart.billingAddress) : shippingAddress;
  return {
    // A draft order is made by staff, whoever pays it (staff, or the customer through its link).
    source: cart.kind === 'draft' ? 'admin' : 'storefront',
    checkoutId: cart.id,
    customerId: facts.customerId,
    email: facts.email,
    phone: cart.shippingAddress?.phone ?? cart.billingAddress?.phone ?? null,
    locale: cart.locale,
    marketId: priced.market.id,
    currency: priced.currency,
    taxesIncluded: priced.totals.taxesIncluded,
    shippingAddress,
    billingAddress,
    lines: priced.lines.map((line) => ({
      variantId: line.variantId,
      productId: line.productId,
      title: line.title ?? line.sku ?? line.variantId,
      variantTitle: line.variantTitle || null,
      sku: line.sku,
      quantity: line.quantity,
      unitAmount: line.unitAmount,
      subtotal: line.subtotal,
      discount: line.discount,
      discountAllocations: line.allocations
        .filter((a) => a.amount > 0)
        .map((a) => ({ discountId: a.discountId, amount: a.amount })),
      tax: line.tax,
      taxLines: taxLines(line.taxes),
      total: line.total,
      requiresShipping: line.requiresShipping,
      weightGrams: facts.weights.get(line.variantId) ?? null,
    })),
    shipping: option
      ? {
          optionKey: option.key,
          title: option.name,
          kind: option.type,
          locationId: option.type === 'pickup' ? option.location.id : null,
          amount: priced.shipping.amount,
          discount: priced.shipping.discount,
          tax: priced.shipping.tax,
          taxLines: taxLines(priced.shipping.taxes),
          total: priced.shipping.total,
          estimate: estimateOf(option),
        }
      : null,
    discounts: priced.discounts.applied.map((d) => ({
      discountId: d.discountId,
      title: d.title,
      code: d.code,
      amount: d.amount,
    })),
    totals: {
      subtotal: priced.totals.subtotal,
      discountTotal: priced.totals.discountTotal,
      shippingTotal: option ? priced.shipping.total : 0,
      taxTotal: priced.totals.taxTotal,
      total: priced.totals.total,
    },
    reservationId: facts.reservationId,
    discountUsageRef: facts.discountUsageRef,
    paymentProvider: facts.paymentProvider,
    note: cart.note || null,
    tags: [],
  };
}

function orderAddress(address: CartAddress) {
  return {
    firstName: address.firstName,
    lastName: address.lastName,
    company: address.company,
    line1: address.line1,
    line2: address.line2,
    city: address.city,
    region: address.region,
    postalCode: address.postalCode,
    country: address.country,
    phone: address.phone,
  };
}

function taxLines(taxes: readonly LineTaxRate[]) {
  return taxes.map((t) => ({ rateId: t.rateId, name: t.name, ratePpm: t.ratePpm, amount: t.amount }));
}

/** The promised window as days: a delivery's earliest and latest day, a pick-up's ready day. */
function estimateOf(option: ShippingChoice): { earliest: string; latest: string } | null {
  const { estimate } = option;
  if (!estimate) return null;
  if ('earliest' in estimate) return { earliest: estimate.earliest, latest: estimate.latest };
  const day = 'readyOn' in estimate ? estimate.readyOn : estimate.readyAt.slice(0, 10);
  return { earliest: day, latest: day };
}
