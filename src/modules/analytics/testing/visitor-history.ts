import type { Db } from '../../../platform/db/database.ts';
import { writeEvents } from '../collection/write-events.ts';
import { analyticsOrderFacts, analyticsRefundFacts } from '../schema.ts';

/** Something a visitor did, for tests of what reads visitors' outcomes (experiments' results). */
export type VisitorDeed =
  | { visitorId: string; at: Date; kind: 'add_to_cart' }
  | {
      visitorId: string;
      at: Date;
      kind: 'purchase';
      orderId: string;
      /** Net sales of the order, minor units of the store's currency. */
      revenue: number;
      refunded?: number;
    };

const day = (at: Date) => at.toISOString().slice(0, 10);

/**
 * Writes the deeds as the storefront and the facts consumer would have: an `add_to_cart` or
 * `purchase` event in a session of the visitor, and for a purchase the order's facts (and a refund
 * fact when `refunded`). Simpler to reason about than whole checkouts when a test only needs who
 * bought what and when.
 */
export async function writeVisitorDeeds(db: Db, storeId: string, deeds: readonly VisitorDeed[]) {
  await writeEvents(
    db,
    deeds.map((deed, i) => ({
      storeId,
      occurredAt: deed.at,
      eventId: `deed-${deed.visitorId}-${deed.at.getTime()}-${i}`,
      name: deed.kind,
      origin: 'storefront',
      visitorId: deed.visitorId,
      sessionId: `s-${deed.visitorId}`,
      channel: 'Direct',
      device: 'desktop',
      ...(deed.kind === 'purchase' ? { orderId: deed.orderId, value: deed.revenue, currency: 'EUR' } : {}),
    })),
  );
  const purchases = deeds.filter((d) => d.kind === 'purchase');
  for (let i = 0; i < purchases.length; i += 500) {
    await db.insert(analyticsOrderFacts).values(
      purchases.slice(i, i + 500).map((p) => ({
        storeId,
        orderId: p.orderId,
        placedAt: p.at,
        day: day(p.at),
        currency: 'EUR',
        grossSales: p.revenue,
        discounts: 0,
        shipping: 0,
        tax: 0,
        total: p.revenue,
        taxIncluded: true,
        units: 1,
        origin: 'storefront',
      })),
    );
  }
  const refunds = purchases.filter((p) => (p.refunded ?? 0) > 0);
  if (refunds.length > 0) {
    await db.insert(analyticsRefundFacts).values(
      refunds.map((p) => ({
        storeId,
        refundId: `refund-${p.orderId}`,
        orderId: p.orderId,
        refundedAt: p.at,
        day: day(p.at),
        amount: p.refunded!,
      })),
    );
  }
}
