import type { RateConfig, RatePrice, SubtotalBand, UnavailableReason, WeightBand } from './types.ts';

export type RateOutcome =
  | { available: true; amount: number; freeAboveApplied: boolean }
  | { available: false; reason: UnavailableReason; details?: Record<string, unknown> };

/**
 * What a rate charges a cart, or why it does not apply. The checks run in this order, and the first
 * that fails is the reason: active, a price in the cart's currency, the weight conditions, the
 * subtotal conditions, a weight band for the weight. Every limit is inclusive (a rate with
 * `maxWeightGrams` 2000 takes a 2000 g cart). Then a subtotal of at least `freeAbove` ships free.
 */
export function rateAmount(
  rate: RateConfig,
  cart: { currency: string; subtotal: number; totalWeightGrams: number },
): RateOutcome {
  if (!rate.active) return unavailable('inactive');
  const price = rate.prices.find((p) => p.currency === cart.currency);
  if (!price) {
    return unavailable('currency_not_offered', { currencies: rate.prices.map((p) => p.currency) });
  }
  const weight = cart.totalWeightGrams;
  if (rate.minWeightGrams !== null && weight < rate.minWeightGrams) {
    return unavailable('below_min_weight', { minWeightGrams: rate.minWeightGrams });
  }
  if (rate.maxWeightGrams !== null && weight > rate.maxWeightGrams) {
    return unavailable('over_max_weight', { maxWeightGrams: rate.maxWeightGrams });
  }
  if (price.minSubtotal !== null && cart.subtotal < price.minSubtotal) {
    return unavailable('below_min_subtotal', { minSubtotal: price.minSubtotal });
  }
  if (price.maxSubtotal !== null && cart.subtotal > price.maxSubtotal) {
    return unavailable('over_max_subtotal', { maxSubtotal: price.maxSubtotal });
  }
  const amount = baseAmount(rate, price, cart);
  if (amount === null) {
    const bands = price.weightBands ?? [];
    return unavailable('over_weight_bands', { maxWeightGrams: bands.at(-1)?.upToGrams ?? null });
  }
  if (price.freeAbove !== null && cart.subtotal >= price.freeAbove) {
    return { available: true, amount: 0, freeAboveApplied: amount > 0 };
  }
  return { available: true, amount, freeAboveApplied: false };
}

/**
 * The band a weight falls in: band i covers (upTo of band i−1, upTo of band i], the first from 0 g.
 * Null when the weight is above the last band's limit.
 */
export function weightBandFor(bands: readonly WeightBand[], grams: number): number | null {
  const index = bands.findIndex((band) => band.upToGrams === null || grams <= band.upToGrams);
  return index === -1 ? null : index;
}

/** The band a subtotal falls in: the last band whose start is at or below it (the first starts at 0). */
export function subtotalBandFor(bands: readonly SubtotalBand[], subtotal: number): number {
  let found = 0;
  bands.forEach((band, i) => {
    if (band.fromSubtotal <= subtotal) found = i;
  });
  return found;
}

function baseAmount(
  rate: RateConfig,
  price: RatePrice,
  cart: { subtotal: number; totalWeightGrams: number },
): number | null {
  switch (rate.type) {
    case 'flat':
      return price.amount ?? 0;
    case 'weight_bands': {
      const bands = price.weightBands ?? [];
      const index = weightBandFor(bands, cart.totalWeightGrams);
      return index === null ? null : bands[index]!.amount;
    }
    case 'subtotal_bands': {
      const bands = price.subtotalBands ?? [];
      return bands.length === 0 ? 0 : bands[subtotalBandFor(bands, cart.subtotal)]!.amount;
    }
  }
}

function unavailable(reason: UnavailableReason, details?: Record<string, unknown>): RateOutcome {
  return details ? { available: false, reason, details } : { available: false, reason };
}
