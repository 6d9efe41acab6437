import { matchZone } from './match-zone.ts';
import type { ShippingConfig } from './types.ts';

/**
 * The lowest subtotal from which some delivery to a country ships free in a currency: the
 * smallest free-above threshold among the active rates of the country's zone (its country zone,
 * else the rest of world, as the cart's estimate picks it) that have a price in that currency.
 * Null when none ships free there. A rate's weight limits are not looked at: this is what a note
 * such as "Free shipping over €50" promises before a cart exists, and the cart's estimate and
 * checkout say exactly which option is free for the cart.
 */
export function freeShippingFrom(
  config: Pick<ShippingConfig, 'zones' | 'rates'>,
  where: { country: string; currency: string },
): number | null {
  const zone = matchZone(config.zones, { country: where.country });
  if (!zone) return null;
  let lowest: number | null = null;
  for (const rate of config.rates) {
    if (rate.zoneId !== zone.id || !rate.active) continue;
    const threshold = rate.prices.find((p) => p.currency === where.currency)?.freeAbove ?? null;
    if (threshold !== null && (lowest === null || threshold < lowest)) lowest = threshold;
  }
  return lowest;
}
