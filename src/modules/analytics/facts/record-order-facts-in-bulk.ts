import type { Db } from '../../../platform/db/database.ts';
import { insertJsonRows } from '../../../platform/db/json-rows-insert.ts';
import type { Store } from '../../access/index.ts';
import { findStockVariants, productClassifications } from '../../catalog/index.ts';
import { storeDay } from '../../markets/index.ts';
import { analyticsOrderFacts, analyticsOrderLineFacts, analyticsRefundFacts } from '../schema.ts';
import { markDirtyDays } from './dirty-days.ts';
import { type OrderForFacts, orderFactRows } from './order-fact-rows.ts';
import { type ReportingConversion, reportingConversion } from './reporting-currency.ts';

/** Rows per INSERT statement (one JSON parameter each). */
const chunk = 2_000;

/**
 * The facts of many orders that have none yet, in a few statements: the direct path for orders the
 * orders module imported without an event each (`importHistoricalOrders`, which returns them in
 * this shape). Rows are made by the same function as the event consumer's (`orderFactRows`); the
 * orders' days are marked for the rollups. An order that already has facts is refused by the
 * primary key: use `recordOrderFacts` to write an order's facts again.
 */
export async function recordOrderFactsInBulk(
  db: Db,
  store: Pick<Store, 'id' | 'timezone' | 'baseCurrency'>,
  orders: readonly OrderForFacts[],
): Promise<void> {
  if (orders.length === 0) return;
  const productIds = [
    ...new Set(orders.flatMap((o) => o.lines.flatMap((l) => (l.productId ? [l.productId] : [])))),
  ];
  const variantIds = [
    ...new Set(orders.flatMap((o) => o.lines.flatMap((l) => (l.variantId ? [l.variantId] : [])))),
  ];
  const [classes, variants] = await Promise.all([
    productClassifications(db, store.id, productIds),
    findStockVariants(db, store.id, variantIds),
  ]);
  const dayOf = (at: Date) => storeDay(store, at);
  // One conversion per currency and day: the rate a day's orders were priced at.
  const conversions = new Map<string, ReportingConversion>();
  const rows = [];
  for (const order of orders) {
    const key = `${order.currency}|${dayOf(order.placedAt)}`;
    let conversion = conversions.get(key);
    if (!conversion) {
      conversion = await reportingConversion(db, store, order.currency, order.placedAt);
      conversions.set(key, conversion);
    }
    rows.push(orderFactRows(store.id, dayOf, order, conversion, classes, variants));
  }
  const facts = rows.map((r) => r.fact);
  const lines = rows.flatMap((r) => r.lines);
  const refunds = rows.flatMap((r) => r.refunds);
  for (let i = 0; i < facts.length; i += chunk)
    await insertJsonRows(db, analyticsOrderFacts, facts.slice(i, i + chunk));
  for (let i = 0; i < lines.length; i += chunk)
    await insertJsonRows(db, analyticsOrderLineFacts, lines.slice(i, i + chunk));
  for (let i = 0; i < refunds.length; i += chunk)
    await insertJsonRows(db, analyticsRefundFacts, refunds.slice(i, i + chunk));
  await markDirtyDays(db, [
    ...facts.map((f) => ({ storeId: store.id, day: f.day })),
    ...refunds.map((r) => ({ storeId: store.id, day: r.day })),
  ]);
}
