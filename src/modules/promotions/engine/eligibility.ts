import { planBuyXGetY } from './buy-x-get-y.ts';
import { conditionLines, targetMatches } from './targets.ts';
import type { Cart, DiscountCandidate, DiscountContext, RejectionReason } from './types.ts';

export interface Ineligibility {
  reason: RejectionReason;
  details?: Record<string, unknown>;
}

/**
 * Why a discount cannot apply to this cart on its own, or null when it can. Checked in this order,
 * so the reason given is the first that holds: switched off, date window, usage limits, customer,
 * currency, targeting, minimums, the buy X get Y condition. Minimums are measured on the prices
 * before any discount.
 */
export function ineligibility(
  discount: DiscountCandidate,
  cart: Cart,
  context: DiscountContext,
): Ineligibility | null {
  const now = context.now.getTime();
  if (!discount.enabled) return { reason: 'disabled' };
  if (now < discount.startsAt.getTime()) {
    return { reason: 'not_started', details: { startsAt: discount.startsAt.toISOString() } };
  }
  if (discount.endsAt && now >= discount.endsAt.getTime()) {
    return { reason: 'expired', details: { endsAt: discount.endsAt.toISOString() } };
  }
  if (discount.usageLimit !== null && discount.used >= discount.usageLimit) {
    return { reason: 'usage_limit_reached', details: { usageLimit: discount.usageLimit } };
  }
  if (discount.perCustomerLimit !== null) {
    if (!context.customerKey) return { reason: 'customer_required' };
    if (discount.customerUsed >= discount.perCustomerLimit) {
      return { reason: 'customer_limit_reached', details: { perCustomerLimit: discount.perCustomerLimit } };
    }
  }
  if (
    discount.customerSegments.length > 0 &&
    !discount.customerSegments.some((segment) => context.segments.includes(segment))
  ) {
    return { reason: 'customer_not_eligible', details: { segments: discount.customerSegments } };
  }
  const currency = cart.currency;
  for (const amounts of [
    discount.type === 'fixed_amount' ? discount.amounts : null,
    discount.minimumSubtotal,
    discount.buyXGetY?.buys.minimumAmounts ?? null,
  ]) {
    if (amounts && amounts[currency] === undefined) {
      return { reason: 'wrong_currency', details: { currency, currencies: Object.keys(amounts).sort() } };
    }
  }
  const lines = conditionLines(discount, cart.lines);
  if (lines.length === 0 && (discount.type === 'percentage' || discount.type === 'fixed_amount')) {
    return { reason: 'not_applicable', details: { appliesTo: discount.appliesTo.scope } };
  }
  if (discount.minimumQuantity !== null) {
    const quantity = lines.reduce((sum, line) => sum + line.quantity, 0);
    if (quantity < discount.minimumQuantity) {
      return { reason: 'below_minimum_quantity', details: { minimum: discount.minimumQuantity, quantity } };
    }
  }
  if (discount.minimumSubtotal) {
    const minimum = discount.minimumSubtotal[currency]!;
    const subtotal = lines.reduce((sum, line) => sum + line.unitAmount * line.quantity, 0);
    if (subtotal < minimum) {
      return { reason: 'below_minimum_subtotal', details: { minimum, subtotal, currency } };
    }
  }
  if (discount.type === 'buy_x_get_y' && discount.buyXGetY) {
    const offer = discount.buyXGetY;
    if (planBuyXGetY(offer, cart).uses === 0) {
      const buys = cart.lines.filter((line) => targetMatches(offer.buys.items, line));
      const gets = cart.lines.filter((line) => targetMatches(offer.gets.items, line));
      return {
        reason: 'not_applicable',
        details: {
          buyXGetY: 'condition_not_met',
          buysQuantity: buys.reduce((sum, line) => sum + line.quantity, 0),
          getsQuantity: gets.reduce((sum, line) => sum + line.quantity, 0),
        },
      };
    }
  }
  return null;
}
