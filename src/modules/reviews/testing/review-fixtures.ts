import { sql } from 'drizzle-orm';
import { runAt } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { systemActor } from '../../access/index.ts';
import { fulfilOrder, getOrder, markParcelDelivered } from '../../orders/index.ts';
import { placeTestOrder } from '../../orders/testing/order-fixtures.ts';

const actor = systemActor('reviews test');

/**
 * A placed order of `products` new products (one unit each), shipped and delivered at `deliveredAt`.
 * The order fixture leaves lines without their product, as an API order may: it is filled in here
 * from the variants, as checkout records it.
 */
export async function deliveredTestOrder(
  database: Database,
  store: { id: string; baseCurrency: string },
  options: { deliveredAt: Date; products?: number; email?: string; customerId?: string | null },
) {
  return runAt(options.deliveredAt, async () => {
    const placed = await placeTestOrder(database, store, {
      quantities: Array.from({ length: options.products ?? 1 }, () => 1),
      ...(options.email ? { email: options.email } : {}),
      ...(options.customerId !== undefined ? { customerId: options.customerId } : {}),
    });
    const orderId = placed.order.id;
    await database.db.execute(
      sql`update order_lines l set product_id = v.product_id from product_variants v
          where v.id = l.variant_id and l.order_id = ${orderId}`,
    );
    const order = await getOrder(database.db, store.id, orderId);
    const { fulfilment } = await database.db.transaction((tx) =>
      fulfilOrder(tx, store.id, actor, orderId, {
        lines: order.lines.map((l) => ({ orderLineId: l.id, quantity: l.quantity })),
      }),
    );
    await database.db.transaction((tx) =>
      markParcelDelivered(tx, store.id, actor, orderId, fulfilment.id, { notifyCustomer: false }),
    );
    const lines = (await getOrder(database.db, store.id, orderId)).lines;
    return { orderId, productIds: lines.map((l) => l.productId!), lines };
  });
}
