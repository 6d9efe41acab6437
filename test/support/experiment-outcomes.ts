import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Store } from '../../src/modules/access/index.ts';
import {
  type EventRow,
  newVisitorId,
  recordOrderFactsInBulk,
  writeEvents,
} from '../../src/modules/analytics/index.ts';
import { experimentExposures, experiments } from '../../src/modules/experiments/schema.ts';
import type { Db } from '../../src/platform/db/database.ts';

/**
 * One arm of a made-up test: how many visitors saw it, and which of them (by their position in the
 * arm) added to cart, bought, and had their order refunded. Deterministic, so the verdict is known.
 */
export interface ArmPlan {
  variantKey: string;
  visitors: number;
  addsToCart: (i: number) => boolean;
  buys: (i: number) => boolean;
  /** The order's net sales in minor units. */
  orderValue: (i: number) => number;
  /** Refunded of that order, in minor units (0: none). */
  refund?: (i: number) => number;
  /** Bought in the 30 days before the test (CUPED's pre-period). */
  boughtBefore?: (i: number) => boolean;
}

const hour = 3_600_000;
const day = 24 * hour;

/**
 * What the storefront and the order pipeline would have recorded for a test that started `days`
 * ago: one exposure row per visitor (spread evenly over the days), the visitors' `add_to_cart` and
 * `purchase` events through analytics' `writeEvents`, and each purchase's order facts through
 * `recordOrderFactsInBulk` (with refunds where planned). The experiment's start is moved back to the
 * first exposure.
 */
export async function recordExperimentOutcomes(
  db: Db,
  store: Pick<Store, 'id' | 'timezone' | 'baseCurrency'>,
  experimentId: string,
  arms: ArmPlan[],
  options: { days: number; until?: Date },
): Promise<void> {
  const until = options.until ?? new Date();
  const start = new Date(until.getTime() - options.days * day);
  const span = until.getTime() - start.getTime() - 3 * hour;
  const events: EventRow[] = [];
  const orders: Parameters<typeof recordOrderFactsInBulk>[2][number][] = [];
  const exposures: (typeof experimentExposures.$inferInsert)[] = [];
  const event = (visitorId: string, name: string, at: Date, extra: Partial<EventRow> = {}): EventRow => ({
    storeId: store.id,
    occurredAt: at,
    eventId: randomUUID(),
    name,
    origin: 'storefront',
    visitorId,
    sessionId: `s_${visitorId}`,
    channel: 'direct',
    device: 'desktop',
    ...extra,
  });
  const order = (at: Date, net: number, refunded: number) => {
    const id = `order_${randomUUID()}`;
    orders.push({
      id,
      customerId: null,
      currency: store.baseCurrency,
      shippingTotal: 0,
      taxTotal: 0,
      total: net,
      taxesIncluded: true,
      source: 'storefront',
      cancelledAt: null,
      placedAt: at,
      lines: [
        {
          id: `line_${randomUUID()}`,
          productId: null,
          variantId: null,
          quantity: 1,
          subtotal: net,
          discount: 0,
        },
      ],
      refunds:
        refunded > 0
          ? [{ id: `refund_${randomUUID()}`, createdAt: new Date(at.getTime() + hour), amount: refunded }]
          : [],
    });
    return id;
  };

  for (const arm of arms) {
    for (let i = 0; i < arm.visitors; i++) {
      const visitorId = newVisitorId();
      // Interleave the arms over time, as a real split does.
      const exposedAt = new Date(start.getTime() + ((i + 0.5) / arm.visitors) * span);
      exposures.push({
        experimentId,
        visitorId,
        storeId: store.id,
        variantKey: arm.variantKey,
        bucket: i % 10_000,
        exposedAt,
      });
      if (arm.boughtBefore?.(i)) {
        const at = new Date(exposedAt.getTime() - 10 * day);
        const value = arm.orderValue(i);
        events.push(
          event(visitorId, 'purchase', at, {
            orderId: order(at, value, 0),
            value,
            currency: store.baseCurrency,
          }),
        );
      }
      if (arm.addsToCart(i))
        events.push(event(visitorId, 'add_to_cart', new Date(exposedAt.getTime() + 10 * 60_000)));
      if (arm.buys(i)) {
        const at = new Date(exposedAt.getTime() + 30 * 60_000);
        const value = arm.orderValue(i);
        const orderId = order(at, value, arm.refund?.(i) ?? 0);
        events.push(event(visitorId, 'purchase', at, { orderId, value, currency: store.baseCurrency }));
      }
    }
  }
  for (let i = 0; i < exposures.length; i += 1000) {
    await db.insert(experimentExposures).values(exposures.slice(i, i + 1000));
  }
  await writeEvents(db, events);
  await recordOrderFactsInBulk(db, store, orders);
  await db.update(experiments).set({ startedAt: start }).where(eq(experiments.id, experimentId));
}
