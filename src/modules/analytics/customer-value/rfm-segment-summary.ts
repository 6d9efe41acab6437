import { type Money, moneyOf } from '../../../platform/money.ts';
import type { RfmScoredCustomer } from './rfm-scores.ts';
import { type RfmSegment, rfmSegments } from './rfm-segments.ts';

export interface RfmSegmentSummary {
  readonly segment: RfmSegment;
  readonly customers: number;
  /** Sum of the segment's monetary values. */
  readonly revenue: Money;
  /** Shares of all customers and of all revenue, 0 to 1 (0 when the total is 0). */
  readonly customerShare: number;
  readonly revenueShare: number;
}

/**
 * Customers and revenue per segment, one row for every segment in rfmSegments' order (empty ones
 * included, so a screen or a comparison between two days always has the same rows).
 */
export function summariseRfmSegments(
  scored: readonly RfmScoredCustomer[],
  currency: string,
): RfmSegmentSummary[] {
  const customers = new Map<RfmSegment, number>();
  const revenue = new Map<RfmSegment, number>();
  let totalRevenue = 0;
  for (const customer of scored) {
    customers.set(customer.segment, (customers.get(customer.segment) ?? 0) + 1);
    revenue.set(customer.segment, (revenue.get(customer.segment) ?? 0) + customer.monetary);
    totalRevenue += customer.monetary;
  }
  return rfmSegments.map((segment) => {
    const count = customers.get(segment) ?? 0;
    const amount = revenue.get(segment) ?? 0;
    return {
      segment,
      customers: count,
      revenue: moneyOf(amount, currency),
      customerShare: scored.length > 0 ? count / scored.length : 0,
      revenueShare: totalRevenue !== 0 ? amount / totalRevenue : 0,
    };
  });
}
