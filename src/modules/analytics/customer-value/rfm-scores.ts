import { type RfmScores, type RfmSegment, rfmSegment } from './rfm-segments.ts';

/** What RFM reads for one customer over the analysed period. */
export interface RfmCustomer {
  /** Unique in the list; also breaks ties between equal values (see scoreRfm). */
  readonly customerId: string;
  /** Days since the customer's last order (≥ 0). */
  readonly recencyDays: number;
  /** Orders in the period (a whole number ≥ 0). */
  readonly frequency: number;
  /** Net spend in the period, in minor units of the store's currency (a whole number). */
  readonly monetary: number;
}

export interface RfmScoredCustomer extends RfmCustomer {
  readonly scores: RfmScores;
  readonly segment: RfmSegment;
}

export interface RfmOptions {
  /**
   * Fixed frequency thresholds instead of quintiles: F = 1 + how many of the four increasing breaks
   * the frequency reaches ([2, 3, 5, 8]: 1 order → 1, 2 → 2, 3–4 → 3, 5–7 → 4, 8+ → 5). For stores
   * where most customers ordered once, so that equal frequencies get equal scores.
   */
  readonly frequencyBreaks?: readonly [number, number, number, number];
}

/**
 * Scores each customer 1–5 on recency, frequency and monetary value by quintile, and names their
 * segment. Customers are ranked 1…n on each value (oldest order, fewest orders and lowest spend first)
 * and score ⌈5·rank/n⌉, so each score holds a fifth of the customers. Equal values are ranked by
 * customerId (ascending), like ranking by order of appearance on a list sorted by id: equal customers
 * may land in neighbouring quintiles, but always the same way whatever order the list came in.
 * Results are in the order of the input.
 */
export function scoreRfm(customers: readonly RfmCustomer[], options: RfmOptions = {}): RfmScoredCustomer[] {
  const seen = new Set<string>();
  customers.forEach((customer, position) => {
    assertRfmCustomer(customer, position);
    if (seen.has(customer.customerId)) {
      throw new RangeError(`customer ${customer.customerId} appears twice in the RFM list`);
    }
    seen.add(customer.customerId);
  });
  const breaks = options.frequencyBreaks;
  if (breaks && !breaks.every((value, i) => Number.isFinite(value) && (i === 0 || value > breaks[i - 1]!))) {
    throw new RangeError(`frequencyBreaks must be four increasing numbers, got ${breaks.join(', ')}`);
  }
  // Recency is reversed: a larger number of days since the last order ranks lower.
  const recency = quintiles(customers, (customer) => -customer.recencyDays);
  const frequency = breaks
    ? customers.map((customer) => 1 + breaks.filter((value) => customer.frequency >= value).length)
    : quintiles(customers, (customer) => customer.frequency);
  const monetary = quintiles(customers, (customer) => customer.monetary);
  return customers.map((customer, i) => {
    const scores = { recency: recency[i]!, frequency: frequency[i]!, monetary: monetary[i]! };
    return { ...customer, scores, segment: rfmSegment(scores) };
  });
}

function quintiles(customers: readonly RfmCustomer[], value: (customer: RfmCustomer) => number): number[] {
  const n = customers.length;
  const order = customers.map((_, i) => i);
  order.sort((i, j) => {
    const difference = value(customers[i]!) - value(customers[j]!);
    if (difference !== 0) return difference;
    const idI = customers[i]!.customerId;
    const idJ = customers[j]!.customerId;
    return idI < idJ ? -1 : idI > idJ ? 1 : 0;
  });
  const scores = new Array<number>(n);
  order.forEach((customer, index) => {
    scores[customer] = Math.ceil((5 * (index + 1)) / n);
  });
  return scores;
}

function assertRfmCustomer(customer: RfmCustomer, position: number): void {
  const { customerId, recencyDays, frequency, monetary } = customer;
  const where = `RFM customer #${position} (${customerId})`;
  if (typeof customerId !== 'string' || customerId === '')
    throw new RangeError(`${where}: customerId is empty`);
  if (!Number.isFinite(recencyDays) || recencyDays < 0) {
    throw new RangeError(`${where}: recencyDays must be finite and ≥ 0, got ${recencyDays}`);
  }
  if (!Number.isSafeInteger(frequency) || frequency < 0) {
    throw new RangeError(`${where}: frequency must be a whole number ≥ 0, got ${frequency}`);
  }
  if (!Number.isSafeInteger(monetary)) {
    throw new RangeError(`${where}: monetary must be a whole number of minor units, got ${monetary}`);
  }
}
