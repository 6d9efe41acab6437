import { and, asc, eq, sql } from 'drizzle-orm';
import { now } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { conflict } from '../../../platform/errors.ts';
import { discountUsages } from '../schema.ts';

export type DiscountUsage = typeof discountUsages.$inferSelect;

/**
 * The order went through: its reserved uses become committed. Idempotent (committed uses stay
 * committed); an order whose uses were all released cannot commit them (409
 * `discount_usage_released`: reserve again). Returns the order's committed uses.
 */
export async function commitDiscountUsage(
  tx: Db,
  storeId: string,
  orderRef: string,
): Promise<DiscountUsage[]> {
  await tx
    .update(discountUsages)
    .set({ state: 'committed', settledAt: now() })
    .where(
      and(
        eq(discountUsages.storeId, storeId),
        eq(discountUsages.orderRef, orderRef),
        eq(discountUsages.state, 'reserved'),
      ),
    );
  const uses = await discountUsesOf(tx, storeId, orderRef);
  const committed = uses.filter((u) => u.state === 'committed');
  if (committed.length === 0 && uses.length > 0) {
    throw conflict(
      'discount_usage_released',
      "This order's discount uses were released; reserve them again.",
      {
        orderRef,
      },
    );
  }
  return committed;
}

/**
 * The order failed: its reserved uses are released and the counters (total and per customer)
 * given back. Idempotent: releasing again, or an order with no uses, changes nothing. Committed
 * uses stay committed (an order that went through used its discount). Returns what was released.
 */
export async function releaseDiscountUsage(
  tx: Db,
  storeId: string,
  orderRef: string,
): Promise<DiscountUsage[]> {
  // The row locks of this UPDATE make a concurrent release of the same order wait, then find
  // nothing left in 'reserved': each use is given back once.
  const released = await tx
    .update(discountUsages)
    .set({ state: 'released', settledAt: now() })
    .where(
      and(
        eq(discountUsages.storeId, storeId),
        eq(discountUsages.orderRef, orderRef),
        eq(discountUsages.state, 'reserved'),
      ),
    )
    .returning();
  // Counters in discount id order, as reservations take them.
  for (const use of [...released].sort((a, b) => (a.discountId < b.discountId ? -1 : 1))) {
    await tx.execute(sql`update discounts set used = used - 1 where id = ${use.discountId} and used > 0`);
    if (use.customerKey) {
      await tx.execute(sql`
        update discount_customer_usages set used = used - 1
        where discount_id = ${use.discountId} and customer_key = ${use.customerKey} and used > 0`);
    }
  }
  return released;
}

/** Every use an order made or tried, oldest first. */
export async function discountUsesOf(db: Db, storeId: string, orderRef: string): Promise<DiscountUsage[]> {
  return db
    .select()
    .from(discountUsages)
    .where(and(eq(discountUsages.storeId, storeId), eq(discountUsages.orderRef, orderRef)))
    .orderBy(asc(discountUsages.createdAt), asc(discountUsages.discountId));
}
