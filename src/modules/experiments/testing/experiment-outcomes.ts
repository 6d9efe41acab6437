import type { Db } from '../../../platform/db/database.ts';
import { type VisitorDeed, writeVisitorDeeds } from '../../analytics/testing/visitor-history.ts';
import { experimentExposures } from '../schema.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** One arm of a seeded test: its visitors, and which of them (by index) add to cart and buy. */
export interface SeededArm {
  variant: string;
  visitors: number;
  buys: (i: number) => boolean;
  adds: (i: number) => boolean;
  /** Net sales of each order (of visitor i's), minor units. */
  revenue: number | ((i: number) => number);
}

const revenueOf = (arm: SeededArm, i: number) =>
  typeof arm.revenue === 'number' ? arm.revenue : arm.revenue(i);

/**
 * Exposes each arm's visitors evenly over `days` from `start` and writes what they did an hour or
 * two later (every 40th order refunded), plus a purchase ten days before the exposure for every
 * tenth visitor (the pre-period CUPED adjusts by). For tests of results and of what reads them: the
 * counts are known by construction.
 */
export async function seedExperimentOutcomes(
  db: Db,
  input: {
    storeId: string;
    experimentId: string;
    prefix: string;
    start: Date;
    days: number;
    arms: SeededArm[];
  },
): Promise<void> {
  const exposures = [];
  const deeds: VisitorDeed[] = [];
  for (const arm of input.arms) {
    for (let i = 0; i < arm.visitors; i++) {
      const visitorId = `v_${input.prefix}_${arm.variant}_${i}`;
      const exposedAt = new Date(input.start.getTime() + (i % input.days) * DAY + 2 * HOUR);
      exposures.push({
        experimentId: input.experimentId,
        visitorId,
        storeId: input.storeId,
        variantKey: arm.variant,
        bucket: i % 10_000,
        exposedAt,
      });
      if (arm.adds(i))
        deeds.push({ visitorId, at: new Date(exposedAt.getTime() + HOUR), kind: 'add_to_cart' });
      if (arm.buys(i)) {
        deeds.push({
          visitorId,
          at: new Date(exposedAt.getTime() + 2 * HOUR),
          kind: 'purchase',
          orderId: `o_${visitorId}`,
          revenue: revenueOf(arm, i),
          ...(i % 40 === 0 ? { refunded: revenueOf(arm, i) } : {}),
        });
      }
      if (i % 10 === 3) {
        deeds.push({
          visitorId,
          at: new Date(exposedAt.getTime() - 10 * DAY),
          kind: 'purchase',
          orderId: `pre_${visitorId}`,
          revenue: 4000,
        });
      }
    }
  }
  for (let i = 0; i < exposures.length; i += 1000) {
    await db.insert(experimentExposures).values(exposures.slice(i, i + 1000));
  }
  await writeVisitorDeeds(db, input.storeId, deeds);
}
