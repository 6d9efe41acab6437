import { sql } from 'drizzle-orm';
import type { Actor, Store } from '../modules/access/index.ts';
import { recordOrderFactsInBulk, writeEvents } from '../modules/analytics/index.ts';
import { findOrCreateGuestCustomer } from '../modules/customers/index.ts';
import { recordMovements } from '../modules/inventory/index.ts';
import { storeDay } from '../modules/markets/index.ts';
import { type ImportedOrder, importHistoricalOrders } from '../modules/orders/index.ts';
import { runAt } from '../platform/clock.ts';
import type { Db } from '../platform/db/database.ts';
import { yieldToEventLoop } from '../platform/runtime/yield-to-event-loop.ts';
import { demoStores } from './demo-catalog.ts';
import { pricedHistoryOrders } from './demo-history-orders.ts';
import {
  type DemoHistoryOptions,
  type DemoHistoryPlan,
  defaultDemoHistory,
  type HistoryProduct,
  planDemoHistory,
} from './demo-history-plan.ts';
import { importHistorySpend } from './demo-history-spend.ts';
import { historyDeliveries, restockPeriodDays } from './demo-history-stock.ts';
import { historyEvents, type PurchaseOf } from './demo-history-traffic.ts';
import type { DemoSellable } from './demo-orders.ts';

/** Sessions written per batch of events (a turn of the event loop and a progress step each). */
const sessionsPerBatch = 8_000;

/** Progress steps the history takes: its restock periods, its event batches and its spend. */
export function demoHistorySteps(options: DemoHistoryOptions = defaultDemoHistory): number {
  const sessions = options.days * options.sessionsPerDay * 1.25;
  return Math.ceil(options.days / restockPeriodDays) + Math.ceil(sessions / sessionsPerBatch) + 1;
}

export interface DemoHistoryResult {
  plan: DemoHistoryPlan;
  orders: ImportedOrder[];
  events: number;
  /** Minor units of the store's currency. */
  spend: number;
}

/**
 * The demo store's past (about eighteen months by default, ending yesterday): customers, orders
 * imported through the orders module's bulk path with their facts recorded through the analytics
 * module's (both as placement would have left them), the stock deliveries that fed them through
 * the inventory ledger, the sessions and events of the storefront, and the paid campaigns' spend.
 * The plan is decided first without a database (demo-history-plan.ts), so it is the same for the
 * same seed. `targets` is each variant's stock at the end (what the stock screens show). The
 * caller rebuilds the rollups once everything is written. `onStep` hears each step (see
 * `demoHistorySteps`); `shouldStop` is asked between them.
 */
export async function seedDemoHistory(
  db: Db,
  actor: Actor,
  store: Store,
  sellable: readonly DemoSellable[],
  stockOutHandle: string,
  warehouseId: string,
  targets: ReadonlyMap<string, number>,
  options: DemoHistoryOptions = defaultDemoHistory,
  onStep?: (label: string) => void | Promise<void>,
): Promise<DemoHistoryResult> {
  const catalog = demoStores.find((s) => s.handle === store.handle)?.products ?? [];
  const products: HistoryProduct[] = sellable.flatMap((v) => {
    const p = catalog.find((c) => c.handle === v.handle);
    return p ? [{ ...v, title: p.title, sku: p.sku, priceAmount: p.priceAmount }] : [];
  });
  const now = Date.now();
  const plan = planDemoHistory(options, products, stockOutHandle, storeDay(store), store.timezone);

  // Customers, each made when they first ordered.
  const firstOrderOf = new Map<number, number>();
  for (const [i, o] of plan.orders.entries())
    if (!firstOrderOf.has(o.customer)) firstOrderOf.set(o.customer, i);
  const customerIds: string[] = [];
  for (const [c, customer] of plan.customers.entries()) {
    const first = plan.orders[firstOrderOf.get(c)!]!;
    const at = new Date(plan.dayStarts[first.day]! + first.minute * 60_000);
    const made = await runAt(at, () =>
      findOrCreateGuestCustomer(db, store.id, {
        email: customer.email,
        firstName: customer.firstName,
        lastName: customer.lastName,
        locale: customer.address.country === 'DE' || customer.address.country === 'AT' ? 'de' : 'en',
      }),
    );
    customerIds.push(made.id);
  }

  // Orders, period by period, each period's stock delivered before its first order.
  const history = await pricedHistoryOrders(db, store, plan, customerIds, now);
  const periodOf = plan.orders.map((o) => Math.floor(o.day / restockPeriodDays));
  const periods = Math.ceil(plan.days.length / restockPeriodDays);
  const deliveries = historyDeliveries(history, periodOf, periods, targets);
  const costOf = new Map(products.map((p) => [p.variantId, Math.round(p.priceAmount * 0.4)]));
  const imported: ImportedOrder[] = [];
  for (let k = 0; k < periods; k++) {
    await yieldToEventLoop();
    const delivered = [...deliveries[k]!].filter(([, units]) => units > 0);
    if (delivered.length > 0) {
      await recordMovements(
        db,
        store.id,
        actor,
        delivered.map(([variantId, quantity]) => ({
          variantId,
          locationId: warehouseId,
          kind: 'receive' as const,
          quantity,
          unitCostAmount: costOf.get(variantId) ?? null,
          note: 'Delivery from the maker',
        })),
        { recordedAt: new Date(plan.dayStarts[k * restockPeriodDays]!) },
      );
    }
    const batch = history.filter((_, i) => periodOf[i] === k);
    const written = await importHistoricalOrders(db, store, actor, warehouseId, batch);
    await recordOrderFactsInBulk(db, store, written);
    imported.push(...written);
    await onStep?.(`history ${plan.days[Math.min(plan.days.length - 1, (k + 1) * restockPeriodDays - 1)]}`);
  }

  // The storefront's events: the sessions, and each order's purchase in its own session.
  const purchases: PurchaseOf[] = imported.map((o) => ({
    orderId: o.id,
    placedAt: o.placedAt,
    currency: o.currency,
    value: o.lines.reduce((sum, l) => sum + l.subtotal - l.discount, 0),
  }));
  let events = 0;
  const batches = Math.ceil(plan.sessions.length / sessionsPerBatch);
  for (let b = 0; b < batches; b++) {
    await yieldToEventLoop();
    const first = b * sessionsPerBatch;
    const rows = historyEvents(
      store,
      plan,
      purchases,
      plan.sessions.slice(first, first + sessionsPerBatch),
      first,
      options.seed,
    );
    events += (await writeEvents(db, rows)).written;
    await onStep?.('visits');
  }
  const spend = await importHistorySpend(db, actor, store, plan);
  // The tables just grew from nothing to hundreds of thousands of rows, in one transaction: without
  // fresh statistics (PGlite has no autovacuum) the planner reads them as empty and scans where an
  // index serves, for the checkout orders and the rollups that follow.
  await db.execute(sql`analyze`);
  await onStep?.('ad spend');
  return { plan, orders: imported, events, spend };
}
