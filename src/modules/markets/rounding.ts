import type { CurrencyExponent } from '../../platform/money.ts';
import type { RoundingRule } from './schema.ts';

/**
 * Rounding of a converted price that is already in whole minor units of its currency (`u` below is
 * one whole unit: 1 for JPY, 100 for EUR, 1000 for KWD). Zero stays zero under every rule, every
 * rule is monotonic (a higher input never gives a lower price) and only `nearest_*` can go down.
 *
 * - `none`: as it is.
 * - `whole`: up to the next whole unit (12.01 → 13.00; 12.00 stays).
 * - `ninety_nine`: up to the next price one hundredth of a unit below a whole unit: x.99 for
 *   two-digit currencies (12.01 → 12.99, 12.99 stays, 13.00 → 13.99), x.990 for three digits
 *   (KWD 4.500 → 4.990), x.9900 for four. A currency without a minor unit (JPY, KRW) has no
 *   cents to end in, so it goes up to a round price instead: the next multiple of 10 below 1,000
 *   (¥343 → ¥350), the next multiple of 100 from 1,000 (¥1,234 → ¥1,300; ¥2,000 stays).
 * - `nearest_5` / `nearest_10`: to the nearest multiple of 5 or 10 whole units, halves up
 *   (12.49 → 10, 12.50 → 15); a positive price never becomes free: below half a step it is one step.
 */
export function applyRounding(minor: bigint, exponent: CurrencyExponent, rule: RoundingRule): bigint {
  if (minor <= 0n) return minor;
  const unit = 10n ** BigInt(exponent);
  switch (rule) {
    case 'none':
      return minor;
    case 'whole':
      return roundUpTo(minor, unit);
    case 'ninety_nine': {
      if (exponent === 0) return roundUpTo(minor, minor < 1000n ? 10n : 100n);
      const below = 10n ** BigInt(exponent - 2);
      return roundUpTo(minor + below, unit) - below;
    }
    case 'nearest_5':
      return roundToNearestStep(minor, 5n * unit);
    case 'nearest_10':
      return roundToNearestStep(minor, 10n * unit);
  }
}

/** What `ninety_nine` prices end in, for docs and checks: minor units modulo a whole unit. */
export function ninetyNineEnding(exponent: CurrencyExponent): { modulus: bigint; remainder: bigint } {
  if (exponent === 0) return { modulus: 10n, remainder: 0n };
  const unit = 10n ** BigInt(exponent);
  return { modulus: unit, remainder: unit - 10n ** BigInt(exponent - 2) };
}

/** Half-up division of non-negative integers. */
export function divideRoundingHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

function roundUpTo(value: bigint, step: bigint): bigint {
  return ((value + step - 1n) / step) * step;
}

function roundToNearestStep(value: bigint, step: bigint): bigint {
  const rounded = divideRoundingHalfUp(value, step) * step;
  return rounded === 0n ? step : rounded;
}
