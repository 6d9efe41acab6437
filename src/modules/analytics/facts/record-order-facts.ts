import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { jsonRowsInsert } from '../../../platform/db/json-rows-insert.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';
import { getStore } from '../../access/index.ts';
import { findStockVariants, productClassifications } from '../../catalog/index.ts';
import { storeDay } from '../../markets/index.ts';
import { getOrderWithRefunds } from '../../orders/index.ts';
import { analyticsOrderFacts, analyticsOrderLineFacts, analyticsRefundFacts } from '../schema.ts';
import { dirtyDaysUpsert, markDirtyDays } from './dirty-days.ts';
import { orderFactRows } from './order-fact-rows.ts';
import { reportingConversion } from './reporting-currency.ts';

/**
 * Keeps the facts of one order as reports need them: the order, its lines (with the product's
 * category, vendor and type, and the cost of the units), its refunds and whether it was cancelled,
 * in the store's currency. Written again whole each time (placed, cancelled, refunded), so the
 * facts follow the order and a redelivered event changes nothing.
 */
export async function recordOrderFacts(db: Db, storeId: string, orderId: string): Promise<void> {
  const store = await getStore(db, storeId);
  const order = await getOrderWithRefunds(db, storeId, orderId);
  if (!order.placedAt) return;
  const day = storeDay(store, order.placedAt);
  const conversion = await reportingConversion(db, store, order.currency, order.placedAt);
  const productIds = order.lines.flatMap((l) => (l.productId ? [l.productId] : []));
  const variantIds = order.lines.flatMap((l) => (l.variantId ? [l.variantId] : []));
  const [classes, variants] = await Promise.all([
    productClassifications(db, storeId, productIds),
    findStockVariants(db, storeId, variantIds),
  ]);
  const { fact, lines, refunds } = orderFactRows(
    storeId,
    (at) => storeDay(store, at),
    { ...order, placedAt: order.placedAt },
    conversion,
    classes,
    variants,
  );
  // An order's facts are written together. Its first recording (the one every placed order gets)
  // has no line or refund facts to replace: one statement, which writes nothing but the dirty day
  // when the order has facts already. Those are replaced whole in a transaction.
  const firstLines = sql`exists (select 1 from fact)`;
  const parts = [
    sql`fact as (${db
      .insert(analyticsOrderFacts)
      .values(fact)
      .onConflictDoNothing({ target: [analyticsOrderFacts.storeId, analyticsOrderFacts.orderId] })
      .returning({ orderId: analyticsOrderFacts.orderId })
      .getSQL()})`,
    ...[
      jsonRowsInsert(analyticsOrderLineFacts, lines, firstLines),
      jsonRowsInsert(analyticsRefundFacts, refunds, firstLines),
      dirtyDaysUpsert([{ storeId, day }, ...refunds.map((r) => ({ storeId, day: r.day }))]),
    ]
      .filter((part): part is SQL => part !== null)
      .map((part, i) => sql`${sql.raw(`part${i}`)} as (${part})`),
  ];
  const [first] = resultRows<{ recorded: number }>(
    await db.execute(sql`with ${sql.join(parts, sql`, `)} select count(*)::int as recorded from fact`),
  );
  if (first!.recorded > 0) return;

  const previous = await db
    .select({ day: analyticsOrderFacts.day })
    .from(analyticsOrderFacts)
    .where(and(eq(analyticsOrderFacts.storeId, storeId), eq(analyticsOrderFacts.orderId, orderId)));
  const { storeId: _s, orderId: _o, ...changes } = fact;
  const upsertFact = db
    .insert(analyticsOrderFacts)
    .values(fact)
    .onConflictDoUpdate({ target: [analyticsOrderFacts.storeId, analyticsOrderFacts.orderId], set: changes });
  await db.transaction(async (tx) => {
    await tx.execute(upsertFact.getSQL());
    await tx
      .delete(analyticsOrderLineFacts)
      .where(and(eq(analyticsOrderLineFacts.storeId, storeId), eq(analyticsOrderLineFacts.orderId, orderId)));
    if (lines.length > 0) await tx.insert(analyticsOrderLineFacts).values(lines);
    const before = await tx
      .delete(analyticsRefundFacts)
      .where(and(eq(analyticsRefundFacts.storeId, storeId), eq(analyticsRefundFacts.orderId, orderId)))
      .returning({ day: analyticsRefundFacts.day });
    if (refunds.length > 0) await tx.insert(analyticsRefundFacts).values(refunds);
    await markDirtyDays(tx, [
      { storeId, day },
      ...previous.map((p) => ({ storeId, day: p.day })),
      ...before.map((r) => ({ storeId, day: r.day })),
      ...refunds.map((r) => ({ storeId, day: r.day })),
    ]);
  });
}

/** The order events that change an order's facts. */
export const factEventTypes = new Set(['order.placed', 'order.cancelled', 'order.refunded']);

/** Ids of orders with facts in a store (for a rebuild of facts from the orders themselves). */
export async function orderIdsWithFacts(db: Db, storeId: string): Promise<string[]> {
  const rows = await db
    .select({ orderId: analyticsOrderFacts.orderId })
    .from(analyticsOrderFacts)
    .where(sql`${analyticsOrderFacts.storeId} = ${storeId}`);
  return rows.map((r) => r.orderId);
}
