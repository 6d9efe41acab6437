import { allocate } from '../../platform/money.ts';

/** A rate as the calculation uses it: resolved for one destination and class (resolve-rates.ts). */
export interface AppliedTaxRate {
  rateId: string;
  name: string;
  ratePpm: number;
  compound: boolean;
  priority: number;
}

const million = 1_000_000n;
/** Every rate's share of the amount is an exact fraction over one million squared (see rateFactors). */
const denominator = million * million;

/**
 * A set of rates that apply together, as exact fractions of the net amount: `parts[i]` is rate i's
 * tax per unit of net, `combined` their sum, both over `denominator`. A non-compound rate r is
 * r/10⁶ of the net; a compound rate c is charged on the net plus the non-compound taxes of a lower
 * priority, so it is c/10⁶ × (1 + Σ r/10⁶). Compound rates never compound on each other, which
 * keeps every fraction over 10¹² and every numerator a safe integer.
 */
export interface RateFactors {
  /** In the order they apply and are shown: priority, then name, then id. */
  rates: readonly AppliedTaxRate[];
  parts: readonly bigint[];
  combined: bigint;
}

export function rateFactors(rates: readonly AppliedTaxRate[]): RateFactors {
  const ordered = [...rates].sort(compareRates);
  const parts = ordered.map((rate) => {
    const ppm = BigInt(rate.ratePpm);
    if (!rate.compound) return ppm * million;
    const base = ordered
      .filter((other) => !other.compound && other.priority < rate.priority)
      .reduce((sum, other) => sum + BigInt(other.ratePpm), million);
    return ppm * base;
  });
  return { rates: ordered, parts, combined: parts.reduce((sum, part) => sum + part, 0n) };
}

/** The order rates apply in and are shown in: priority, then name, then id. */
export function compareRates(
  a: Pick<AppliedTaxRate, 'priority' | 'name' | 'rateId'>,
  b: Pick<AppliedTaxRate, 'priority' | 'name' | 'rateId'>,
): number {
  return (
    a.priority - b.priority ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
    (a.rateId < b.rateId ? -1 : a.rateId > b.rateId ? 1 : 0)
  );
}

/** True when `a` taxes more than `b` (shipping taxed at the highest rate of the cart). */
export function isHigherRate(a: RateFactors, b: RateFactors): boolean {
  return a.combined > b.combined;
}

/**
 * Rounds a non-negative fraction to the nearest whole unit, halves up. Half-up is the commercial
 * rounding tax authorities expect on invoices (EU VAT per line, US state bracket rules); half-even
 * only removes a bias over many roundings, which per-total rounding already avoids.
 */
export function roundHalfUp(numerator: bigint, divisor: bigint): bigint {
  return (2n * numerator + divisor) / (2n * divisor);
}

/**
 * The tax in `amount` minor units taxed at `factors`, rounded once. Exclusive prices (the amount is
 * the net): tax = round(net × r). Inclusive prices (the amount is the gross): tax = gross −
 * round(gross / (1 + r)), so net + tax is the gross exactly. r is the combined rate.
 */
export function taxOfAmount(amount: number, factors: RateFactors, pricesIncludeTax: boolean): number {
  if (factors.combined === 0n || amount === 0) return 0;
  const value = BigInt(amount);
  if (!pricesIncludeTax) return Number(roundHalfUp(value * factors.combined, denominator));
  return amount - Number(roundHalfUp(value * denominator, denominator + factors.combined));
}

/**
 * Splits one rounded tax amount over the rates that make it, in proportion to each rate's exact
 * share (`allocate`: the parts always sum to the tax; all-zero rates get zero).
 */
export function splitOverRates(tax: number, factors: RateFactors): number[] {
  if (factors.rates.length === 0) return [];
  return allocate(
    tax,
    factors.parts.map((part) => Number(part)),
  );
}
