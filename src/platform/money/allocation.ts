import { badRequest } from '../errors.ts';
import { assertMinorUnits } from './amounts.ts';

/**
 * Splits `total` minor units across lines in proportion to `weights` (largest-remainder method), e.g.
 * an order discount across line subtotals. The parts always sum exactly to `total`; each part is within
 * one unit of its exact share; a zero weight gets nothing unless all weights are zero, in which case
 * the total is split evenly. Leftover units go to the largest remainders, ties to the earlier line.
 * A negative total is split like its absolute value and negated, so refunds mirror charges.
 * Errors: 400 `invalid_amount`, 400 `invalid_weights`.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  assertMinorUnits(total, 'total');
  if (!Array.isArray(weights) || weights.length === 0) {
    throw badRequest('invalid_weights', 'There must be at least one line to allocate to.', { weights });
  }
  let weightSum = 0n;
  for (const weight of weights) {
    if (!Number.isSafeInteger(weight) || weight < 0) {
      throw badRequest('invalid_weights', 'Weights must be non-negative whole numbers.', { weight });
    }
    weightSum += BigInt(weight);
  }
  if (weightSum === 0n) return splitEvenly(total, weights.length);

  // BigInt because total × weight can exceed 2^53 even when both fit.
  const magnitude = BigInt(Math.abs(total));
  const parts: bigint[] = [];
  const remainders: bigint[] = [];
  let assigned = 0n;
  for (const weight of weights) {
    const product = magnitude * BigInt(weight);
    const part = product / weightSum;
    parts.push(part);
    remainders.push(product % weightSum);
    assigned += part;
  }
  const byRemainder = weights.map((_, index) => index);
  byRemainder.sort((a, b) => {
    const difference = remainders[b]! - remainders[a]!;
    return difference > 0n ? 1 : difference < 0n ? -1 : a - b;
  });
  // Fewer leftover units than lines with a non-zero remainder, so zero weights never receive one.
  for (let i = 0; i < Number(magnitude - assigned); i++) parts[byRemainder[i]!]! += 1n;

  const sign = total < 0 ? -1 : 1;
  return parts.map((part) => (part === 0n ? 0 : sign * Number(part)));
}

/** Splits `total` into `count` parts that differ by at most one, larger parts first: 100 / 3 → 34, 33, 33. */
export function splitEvenly(total: number, count: number): number[] {
  assertMinorUnits(total, 'total');
  if (!Number.isSafeInteger(count) || count < 1) {
    throw badRequest('invalid_weights', 'The number of parts must be a whole number of at least 1.', {
      count,
    });
  }
  const sign = total < 0 ? -1 : 1;
  const magnitude = Math.abs(total);
  const base = Math.floor(magnitude / count);
  const extra = magnitude - base * count;
  return Array.from({ length: count }, (_, index) => {
    const part = base + (index < extra ? 1 : 0);
    return part === 0 ? 0 : sign * part;
  });
}
