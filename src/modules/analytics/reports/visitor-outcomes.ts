import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';

/** A visitor and the moment from which their outcomes count (an experiment's first exposure). */
export interface WatchedVisitor {
  visitorId: string;
  since: Date;
}

/** An order a visitor placed: its `purchase` event joined to the order's facts. */
export interface VisitorPurchase {
  at: Date;
  /** Net sales (gross − discounts), minor units of the store's currency. */
  revenue: number;
  /** Refunded so far, minor units of the store's currency. */
  refunded: number;
}

export interface VisitorOutcome {
  visitorId: string;
  /** The visitor's first `add_to_cart` from `since` on, if any. */
  firstAddToCartAt: Date | null;
  /** Orders placed from `since` on, oldest first (cancelled orders are not counted). */
  purchases: VisitorPurchase[];
  /** Orders and revenue in the `preDays` before `since`: the pre-period that CUPED adjusts by. */
  preOrders: number;
  preRevenue: number;
}

interface OutcomeRow {
  visitor_id: string;
  name: string;
  occurred_at: string | Date;
  before: boolean;
  revenue: string | number | null;
  refunded: string | number | null;
}

/**
 * What each visitor did from a moment on — added to cart, bought, had refunded — and what they
 * bought in the days before it, read from the raw events and the order facts up to `until`.
 *
 * One statement: the visitors are handed in as two arrays and unnested, so 100,000 visitors are one
 * round trip; events are read by time (the partitions' key) and hash-joined to them. Only
 * `add_to_cart` and `purchase` events are read, and a purchase counts only once its order's facts
 * exist (the facts consumer writes them within seconds of the order).
 */
export async function visitorOutcomes(
  db: Db,
  storeId: string,
  visitors: readonly WatchedVisitor[],
  options: { until: Date; preDays?: number },
): Promise<VisitorOutcome[]> {
  const outcomes = new Map<string, VisitorOutcome>();
  for (const v of visitors) {
    outcomes.set(v.visitorId, {
      visitorId: v.visitorId,
      firstAddToCartAt: null,
      purchases: [],
      preOrders: 0,
      preRevenue: 0,
    });
  }
  if (visitors.length === 0) return [];
  const preDays = options.preDays ?? 30;
  const ids = visitors.map((v) => v.visitorId);
  const since = visitors.map((v) => v.since.toISOString());
  const earliest = new Date(Math.min(...visitors.map((v) => v.since.getTime())) - preDays * 86_400_000);
  const rows = resultRows<OutcomeRow>(
    await db.execute(sql`
      with watched as (
        select * from unnest(${sql.param(ids)}::text[], ${sql.param(since)}::timestamptz[])
          as w(visitor_id, since)
      ),
      events as (
        select e.visitor_id, e.name, e.occurred_at, e.order_id
        from analytics_events e
        where e.store_id = ${storeId}
          and e.name in ('add_to_cart', 'purchase')
          and e.occurred_at >= ${earliest.toISOString()}::timestamptz
          and e.occurred_at < ${options.until.toISOString()}::timestamptz
      ),
      refunds as (
        select order_id, sum(amount) as refunded
        from analytics_refund_facts
        where store_id = ${storeId}
        group by order_id
      )
      select w.visitor_id, e.name, e.occurred_at, e.occurred_at < w.since as before,
        f.gross_sales - f.discounts as revenue, r.refunded
      from watched w
      join events e on e.visitor_id = w.visitor_id
        and e.occurred_at >= w.since - make_interval(days => ${preDays}::int)
      left join analytics_order_facts f
        on f.store_id = ${storeId} and f.order_id = e.order_id and f.cancelled_at is null
      left join refunds r on r.order_id = e.order_id
      where (e.name = 'add_to_cart' and e.occurred_at >= w.since)
         or (e.name = 'purchase' and f.order_id is not null)
      order by e.occurred_at
    `),
  );
  for (const row of rows) {
    const outcome = outcomes.get(row.visitor_id);
    if (!outcome) continue;
    const at = new Date(row.occurred_at);
    if (row.name === 'add_to_cart') {
      outcome.firstAddToCartAt ??= at;
      continue;
    }
    const revenue = Number(row.revenue ?? 0);
    if (row.before) {
      outcome.preOrders += 1;
      outcome.preRevenue += revenue;
    } else {
      outcome.purchases.push({ at, revenue, refunded: Math.min(revenue, Number(row.refunded ?? 0)) });
    }
  }
  return [...outcomes.values()];
}
