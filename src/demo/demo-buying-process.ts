import type { SeededRandom } from '../platform/random/seeded-random.ts';

/**
 * How a demo customer buys again, the way BG/NBD models it (docs/customer-value.md), so the
 * cohorts, RFM segments and lifetime values read from the history are those of a real customer
 * base: while "alive", a customer buys at their own rate (Poisson; rates vary between customers as
 * a gamma distribution), and after each purchase leaves for good with their own probability
 * (varying as a beta distribution). Most buy once; a few become regulars.
 */
export interface Buyer {
  /** Purchases a year while the customer still buys here. */
  rate: number;
  /** The chance of never coming back after a purchase. */
  dropout: number;
}

/** Gamma(shape 1.4, scale 1.5): 2.1 purchases a year on average, many far fewer. */
const rateShape = 1.4;
const rateScale = 1.5;
/** Beta(2, 3.4): about 37 % leave after any one purchase. */
const dropoutA = 2;
const dropoutB = 3.4;

export function drawBuyer(random: SeededRandom): Buyer {
  const x = random.gamma(dropoutA, 1);
  const y = random.gamma(dropoutB, 1);
  return { rate: random.gamma(rateShape, rateScale), dropout: x / (x + y) };
}

/**
 * The day of the customer's next purchase after day `from`, or null when they left (or would buy
 * only after the history ends). The waiting time is exponential in "shopping time", not calendar
 * time: `intensity[d]` is the total of the days' seasonal factors before day d, so a customer is
 * more likely to come back in December than in July, as the season pulls everyone.
 */
export function nextPurchaseDay(
  buyer: Buyer,
  from: number,
  intensity: readonly number[],
  random: SeededRandom,
): number | null {
  if (random.uniform() < buyer.dropout) return null;
  const wait = (-Math.log(1 - random.uniform()) * 365) / buyer.rate;
  const target = intensity[from + 1]! + wait;
  if (target >= intensity[intensity.length - 1]!) return null;
  // The first day whose end reaches the target (binary search over the running total).
  let low = from + 1;
  let high = intensity.length - 2;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (intensity[mid + 1]! >= target) high = mid;
    else low = mid + 1;
  }
  return low;
}
