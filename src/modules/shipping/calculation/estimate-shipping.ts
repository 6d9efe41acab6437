import { hasRegionalZones } from './match-zone.ts';
import { shippingOptions } from './shipping-options.ts';
import type { DeliveryOption, MatchedZone, ShippingConfig, ShippingRequest } from './types.ts';

export interface ShippingEstimateRequest extends Omit<ShippingRequest, 'destination'> {
  /** The shopper's country (from the market or a picker), before any address exists. */
  country: string;
}

export interface ShippingEstimate {
  country: string;
  currency: string;
  zone: MatchedZone | null;
  /** The cheapest delivery option (by amount, then the rate's position); null: none delivers. */
  cheapest: DeliveryOption | null;
  /** The lowest and highest delivery amount among the options ("€4.90–€9.90"). */
  range: { min: number; max: number } | null;
  deliveryOptionCount: number;
  /** Whether a pick-up option is offered in the country (free, so left out of `cheapest`). */
  pickupAvailable: boolean;
  /** Some zone names regions of the country, so the full address may bring other rates. */
  mayVaryByRegion: boolean;
}

/**
 * The cart's shipping line before an address exists: the country's options with no region (its
 * country zone, else the rest of world), summed up as the cheapest delivery and the range.
 */
export function estimateShipping(request: ShippingEstimateRequest, config: ShippingConfig): ShippingEstimate {
  const { country, ...cart } = request;
  const quote = shippingOptions({ ...cart, destination: { country } }, config);
  const delivery = quote.options.filter((o): o is DeliveryOption => o.type === 'delivery');
  const amounts = delivery.map((o) => o.amount);
  return {
    country,
    currency: quote.currency,
    zone: quote.zone,
    cheapest: delivery[0] ?? null,
    range: amounts.length > 0 ? { min: Math.min(...amounts), max: Math.max(...amounts) } : null,
    deliveryOptionCount: delivery.length,
    pickupAvailable: quote.options.some((o) => o.type === 'pickup'),
    mayVaryByRegion: hasRegionalZones(config.zones, country),
  };
}
