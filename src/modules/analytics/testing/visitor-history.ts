import type { Db } from '../../../platform/db/database.ts';
import type { Store } from '../../access/index.ts';
import { writeEvents } from '../collection/write-events.ts';
import type { OrderForFacts } from '../facts/order-fact-rows.ts';
import { recordOrderFactsInBulk } from '../facts/record-order-facts-in-bulk.ts';

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
      /** Refunded an hour after the order, minor units (0 or absent: nothing). */
      refunded?: number;
    };

const HOUR = 3_600_000;

/**
 * Writes the deeds as the storefront and the order pipeline would have: an `add_to_cart` or
 * `purchase` event in a session of the visitor through `writeEvents`, and each purchase's order
 * facts (one line, with its refund) through `recordOrderFactsInBulk`, the writer the demo's history
 * uses. Simpler to reason about than whole checkouts when a test only needs who bought what when.
 */
export async function writeVisitorDeeds(
  db: Db,
  store: Pick<Store, 'id' | 'timezone' | 'baseCurrency'>,
  deeds: readonly VisitorDeed[],
): Promise<void> {
  await writeEvents(
    db,
    deeds.map((deed, i) => ({
      storeId: store.id,
      occurredAt: deed.at,
      eventId: `deed-${deed.visitorId}-${deed.at.getTime()}-${i}`,
      name: deed.kind,
      origin: 'storefront',
      visitorId: deed.visitorId,
      sessionId: `s-${deed.visitorId}`,
      channel: 'Direct',
      device: 'desktop',
      ...(deed.kind === 'purchase'
        ? { orderId: deed.orderId, value: deed.revenue, currency: store.baseCurrency }
        : {}),
    })),
  );
  const orders: OrderForFacts[] = deeds.flatMap((deed) =>
    deed.kind === 'purchase'
      ? [
          {
            id: deed.orderId,
            customerId: null,
            currency: store.baseCurrency,
            shippingTotal: 0,
            taxTotal: 0,
            total: deed.revenue,
            taxesIncluded: true,
            source: 'storefront',
            cancelledAt: null,
            placedAt: deed.at,
            lines: [
              {
                id: `line-${deed.orderId}`,
                productId: null,
                variantId: null,
                quantity: 1,
                subtotal: deed.revenue,
                discount: 0,
              },
            ],
            refunds: deed.refunded
              ? [
                  {
                    id: `refund-${deed.orderId}`,
                    createdAt: new Date(deed.at.getTime() + HOUR),
                    amount: deed.refunded,
                  },
                ]
              : [],
          },
        ]
      : [],
  );
  await recordOrderFactsInBulk(db, store, orders);
}
