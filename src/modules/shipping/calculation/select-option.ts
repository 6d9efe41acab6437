import { unprocessable } from '../../../platform/errors.ts';
import type { ShippingOption, ShippingOptions } from './types.ts';

/**
 * The option a shopper chose, checked against a fresh calculation: checkout recalculates with the
 * final cart and address and charges what this returns, never an amount the browser sent. 422
 * `shipping_option_unavailable` (with the reason, when the option exists but does not apply).
 */
export function selectShippingOption(quote: ShippingOptions, optionId: string): ShippingOption {
  const option = quote.options.find((o) => o.id === optionId);
  if (option) return option;
  const unavailable = quote.unavailable.find((o) => o.id === optionId);
  throw unprocessable(
    'shipping_option_unavailable',
    unavailable
      ? `${unavailable.name} is not available for this cart and address.`
      : 'This shipping option does not exist.',
    { path: 'shippingOptionId', id: optionId, reason: unavailable?.reason ?? 'unknown_option' },
  );
}
