import { formatMoney } from '../../../platform/money.ts';
import type { RejectionReason } from '../../promotions/index.ts';

/**
 * Why a code does not apply, in plain English for API callers and logs of the cart (the storefront
 * says it in the shopper's language from the same reason and details).
 */
export function discountRejectionMessage(
  reason: RejectionReason,
  details: Record<string, unknown> | undefined,
  currency: string,
): string {
  switch (reason) {
    case 'unknown_code':
      return 'This code does not exist.';
    case 'disabled':
      return 'This code is not active.';
    case 'not_started':
      return 'This code is not valid yet.';
    case 'expired':
      return 'This code has expired.';
    case 'usage_limit_reached':
      return 'This code has been used up.';
    case 'customer_required':
      return 'Enter your e-mail address to use this code.';
    case 'customer_limit_reached':
      return 'You have already used this code.';
    case 'customer_not_eligible':
      return 'This code is not available to you.';
    case 'wrong_currency':
      return `This code cannot be used in ${currency}.`;
    case 'not_applicable':
      return 'This code does not apply to anything in your cart.';
    case 'below_minimum_quantity': {
      const missing = Number(details?.minimum ?? 0) - Number(details?.quantity ?? 0);
      return `Add ${missing} more item${missing === 1 ? '' : 's'} to use this code.`;
    }
    case 'below_minimum_subtotal': {
      const missing = Number(details?.minimum ?? 0) - Number(details?.subtotal ?? 0);
      return `Spend ${formatMoney(missing, currency, 'en')} more to use this code.`;
    }
    case 'does_not_combine':
      return 'This code cannot be combined with the other discounts on your cart.';
    case 'nothing_to_discount':
      return 'There is nothing in your cart for this code to take off.';
  }
}
