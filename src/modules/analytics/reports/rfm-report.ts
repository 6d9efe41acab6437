import type { Db } from '../../../platform/db/database.ts';
import {
  type RfmCustomer,
  type RfmSegment,
  rfmSegmentDescriptions,
  scoreRfm,
  summariseRfmSegments,
} from '../customer-value/index.ts';
import { customerHistories } from './customer-histories.ts';

const dayMs = 86_400_000;
/** Above this share of one-order customers, frequency is scored by fixed breaks, not quintiles. */
const oneOrderShareForBreaks = 0.4;

/**
 * Every customer's RFM scores and segment as of `asOf` (recency: days since their last order;
 * frequency: orders; monetary: net spend), and the segments' counts and revenue.
 */
export async function rfmReport(db: Db, store: { id: string; baseCurrency: string }, asOf = new Date()) {
  const histories = await customerHistories(db, store.id, asOf);
  const customers: RfmCustomer[] = histories.map((h) => ({
    customerId: h.customerId,
    recencyDays: Math.max(0, Math.floor((asOf.getTime() - h.lastAt.getTime()) / dayMs)),
    frequency: h.orders,
    monetary: h.netSpend,
  }));
  // Most small shops' customers ordered once: quintiles would then split equal customers apart.
  const oneOrder = customers.filter((c) => c.frequency === 1).length;
  const fixedBreaks = customers.length > 0 && oneOrder / customers.length >= oneOrderShareForBreaks;
  const scored = scoreRfm(customers, fixedBreaks ? { frequencyBreaks: [2, 3, 5, 8] } : {});
  return {
    currency: store.baseCurrency,
    asOf: asOf.toISOString(),
    customers: scored.length,
    frequencyScoring: fixedBreaks ? ('fixed_breaks' as const) : ('quintiles' as const),
    segments: summariseRfmSegments(scored, store.baseCurrency).map((s) => ({
      ...s,
      ...rfmSegmentDescriptions[s.segment],
    })),
    scored,
  };
}

/** The customer ids of one segment (for an audience: an export, a discount, a newsletter). */
export async function rfmSegmentMembers(
  db: Db,
  store: { id: string; baseCurrency: string },
  segment: RfmSegment,
  asOf = new Date(),
) {
  const { scored } = await rfmReport(db, store, asOf);
  return scored.filter((c) => c.segment === segment);
}
