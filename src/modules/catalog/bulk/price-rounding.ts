import { unprocessable } from '../../../platform/errors.ts';
import type { PriceChange, PriceRounding } from './bulk-input.ts';

/**
 * The new price of a variant under a bulk price change, in integer minor units. The change is
 * computed exactly (a percentage as a fraction, in BigInt) and rounded once, by the rounding rule:
 * - none: to the nearest minor unit (halves up);
 * - whole: to the nearest whole currency unit (10^exponent minor units);
 * - ending: to the nearest price ≡ ending (mod step), e.g. ending 99 → 12.99, 13.99; ties go up.
 * A result below zero is refused (422 price_below_zero) rather than clamped.
 */
export function changedPrice(
  amount: number,
  change: PriceChange,
  rounding: PriceRounding,
  currencyExponent: number,
): number {
  // The exact new price as numerator / denominator.
  let numerator: bigint;
  let denominator: bigint;
  if (change.by === 'percent') {
    const basisPoints = BigInt(Math.round(change.percent * 100));
    numerator = BigInt(amount) * (10_000n + basisPoints);
    denominator = 10_000n;
  } else {
    numerator = BigInt(amount) + BigInt(change.amount);
    denominator = 1n;
  }
  if (numerator < 0n) {
    throw unprocessable('price_below_zero', 'The change would make the price negative.', {
      price: amount,
    });
  }
  const { step, ending } = roundingGrid(rounding, currencyExponent);
  // Nearest k with k·step + ending ≈ numerator/denominator: k = floor((x − ending)/step + ½).
  const k = floorDiv(2n * (numerator - ending * denominator) + step * denominator, 2n * step * denominator);
  const rounded = (k < 0n ? 0n : k) * step + ending;
  return Number(rounded);
}

/** The prices a rounding rule allows: every `step` minor units, offset by `ending`. */
export function roundingGrid(
  rounding: PriceRounding,
  currencyExponent: number,
): { step: bigint; ending: bigint } {
  const unit = 10n ** BigInt(currencyExponent);
  if (rounding.mode === 'none') return { step: 1n, ending: 0n };
  if (rounding.mode === 'whole') return { step: unit, ending: 0n };
  const step = BigInt(rounding.step ?? Number(unit));
  const ending = BigInt(rounding.ending);
  if (ending >= step) {
    throw unprocessable(
      'invalid_rounding',
      `The ending must be smaller than the step (${step} minor units); for a currency without minor units give a step, e.g. ending 980 with step 1000.`,
      { ending: rounding.ending, step: Number(step) },
    );
  }
  return { step, ending };
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}
