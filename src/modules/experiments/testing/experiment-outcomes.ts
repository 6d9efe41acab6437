import { eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import type { Store } from '../../access/index.ts';
import { type VisitorDeed, writeVisitorDeeds } from '../../analytics/testing/visitor-history.ts';
import { experimentExposures, experiments } from '../schema.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** One arm of a seeded test: its visitors, and what each of them (by index) did. */
export interface SeededArm {
  variant: string;
  visitors: number;
  adds: (i: number) => boolean;
  buys: (i: number) => boolean;
  /** Net sales of visitor i's order, minor units. */
  revenue: number | ((i: number) => number);
  /** Refunded of visitor i's order, minor units (absent: nothing). */
  refunded?: (i: number) => number;
  /** Visitor i also bought ten days before their exposure: the pre-period CUPED adjusts by. */
  boughtBefore?: (i: number) => boolean;
}

const revenueOf = (arm: SeededArm, i: number) =>
  typeof arm.revenue === 'number' ? arm.revenue : arm.revenue(i);

/**
 * What the storefront and the order pipeline would have recorded for a test started at `start`:
 * each arm's visitors (`v_<prefix>_<variant>_<i>`) exposed evenly over `days` (visitor i on day
 * i mod days, at 02:00 UTC of it), adding to cart an hour later and buying two hours later as the
 * arm says, through analytics' event and facts writers; the experiment's start moved to `start`.
 * For tests of results and of what reads them: the counts are known by construction.
 */
export async function seedExperimentOutcomes(
  db: Db,
  input: {
    store: Pick<Store, 'id' | 'timezone' | 'baseCurrency'>;
    experimentId: string;
    prefix: string;
    start: Date;
    days: number;
    arms: SeededArm[];
  },
): Promise<void> {
  const exposures: (typeof experimentExposures.$inferInsert)[] = [];
  const deeds: VisitorDeed[] = [];
  for (const arm of input.arms) {
    for (let i = 0; i < arm.visitors; i++) {
      const visitorId = `v_${input.prefix}_${arm.variant}_${i}`;
      const exposedAt = new Date(input.start.getTime() + (i % input.days) * DAY + 2 * HOUR);
      exposures.push({
        experimentId: input.experimentId,
        visitorId,
        storeId: input.store.id,
        variantKey: arm.variant,
        bucket: i % 10_000,
        exposedAt,
      });
      if (arm.boughtBefore?.(i)) {
        deeds.push({
          visitorId,
          at: new Date(exposedAt.getTime() - 10 * DAY),
          kind: 'purchase',
          orderId: `pre_${visitorId}`,
          revenue: revenueOf(arm, i),
        });
      }
      if (arm.adds(i))
        deeds.push({ visitorId, at: new Date(exposedAt.getTime() + HOUR), kind: 'add_to_cart' });
      if (arm.buys(i)) {
        deeds.push({
          visitorId,
          at: new Date(exposedAt.getTime() + 2 * HOUR),
          kind: 'purchase',
          orderId: `o_${visitorId}`,
          revenue: revenueOf(arm, i),
          refunded: arm.refunded?.(i) ?? 0,
        });
      }
    }
  }
  for (let i = 0; i < exposures.length; i += 1000) {
    await db.insert(experimentExposures).values(exposures.slice(i, i + 1000));
  }
  await writeVisitorDeeds(db, input.store, deeds);
  await db.update(experiments).set({ startedAt: input.start }).where(eq(experiments.id, input.experimentId));
}
