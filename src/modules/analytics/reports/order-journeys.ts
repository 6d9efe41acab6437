import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';
import type { Period } from './kpi-report.ts';

/** A session start before an order, by the visitor who placed it. */
export interface JourneySession {
  at: Date;
  source: string | null;
  medium: string | null;
  campaign: string | null;
  channel: string;
}

export interface OrderJourney {
  orderId: string;
  customerId: string | null;
  placedAt: Date;
  /** Net sales of the order (gross − discounts − its refunds so far), minor units of the store's currency. */
  netSales: number;
  /** Discounts on the order, minor units of the store's currency. */
  discounts: number;
  /** The customer's first order that was not cancelled (a new customer acquired). */
  firstOrder: boolean;
  /** The visitor's sessions in the lookback window before the order, oldest first; none for staff or API orders. */
  sessions: JourneySession[];
}

interface SessionJson {
  at: string;
  source: string | null;
  medium: string | null;
  campaign: string | null;
  channel: string;
}

interface JourneyRow {
  order_id: string;
  customer_id: string | null;
  placed_at: string | Date;
  net_sales: string | number;
  discounts: string | number;
  first_order: boolean;
  sessions:
    | { at: string; source: string | null; medium: string | null; campaign: string | null; channel: string }[]
    | string;
}

/**
 * The orders placed in a period (not cancelled), each with the sessions its visitor began in the
 * `lookbackDays` before it: the input of multi-touch attribution. One statement for the whole
 * period: the orders' facts, their `purchase` events (which name the visitor) and the visitors'
 * session starts are joined as sets, so the cost grows with the period's orders and sessions and
 * not with round trips. `lookbackDays` 0 reads no sessions (facts only).
 *
 * Session starts are read by time only and hash-joined to the buyers: filtering them by
 * `visitor_id in (buyers)` let the planner, which cannot estimate the buyers' count, pick a nested
 * loop that compared every session with every buyer (12.7 s at 3,000 orders).
 */
export async function orderJourneys(
  db: Db,
  storeId: string,
  period: Period,
  lookbackDays: number,
): Promise<OrderJourney[]> {
  const result = await db.execute(sql`
    with o as (
      select f.order_id, f.customer_id, f.placed_at, f.gross_sales, f.discounts
      from analytics_order_facts f
      where f.store_id = ${storeId} and f.day between ${period.from} and ${period.to} and f.cancelled_at is null
    ),
    bounds as (select min(placed_at) as first_at, max(placed_at) as last_at from o),
    refunded as (
      select r.order_id, sum(r.amount) as amount from analytics_refund_facts r
      where r.store_id = ${storeId} and r.order_id in (select order_id from o)
      group by r.order_id
    ),
    buyer as (
      select e.order_id, min(e.visitor_id) as visitor_id from analytics_events e, bounds
      where ${lookbackDays}::int > 0 and e.store_id = ${storeId} and e.name = 'purchase'
        and e.occurred_at between bounds.first_at - interval '1 day' and bounds.last_at + interval '1 day'
        and e.order_id in (select order_id from o)
      group by e.order_id
    ),
    visit as (
      select e.visitor_id, e.session_id, e.occurred_at, e.source, e.medium, e.campaign, e.channel
      from analytics_events e, bounds
      where e.store_id = ${storeId} and e.session_start
        and e.occurred_at between bounds.first_at - make_interval(days => ${lookbackDays}::int) and bounds.last_at
    )
    select o.order_id, o.customer_id, o.placed_at,
      o.gross_sales - o.discounts - coalesce(refunded.amount, 0) as net_sales,
      o.discounts,
      (o.customer_id is not null and not exists (
        select 1 from analytics_order_facts p
        where p.store_id = ${storeId} and p.customer_id = o.customer_id and p.cancelled_at is null
          and (p.placed_at < o.placed_at or (p.placed_at = o.placed_at and p.order_id < o.order_id))
      )) as first_order,
      coalesce(
        json_agg(json_build_object('at', visit.occurred_at, 'source', visit.source, 'medium', visit.medium,
          'campaign', visit.campaign, 'channel', visit.channel) order by visit.occurred_at, visit.session_id)
          filter (where visit.session_id is not null),
        '[]'::json) as sessions
    from o
    left join refunded on refunded.order_id = o.order_id
    left join buyer on buyer.order_id = o.order_id
    left join visit on visit.visitor_id = buyer.visitor_id and visit.occurred_at <= o.placed_at
      and visit.occurred_at >= o.placed_at - make_interval(days => ${lookbackDays}::int)
    group by o.order_id, o.customer_id, o.placed_at, o.gross_sales, o.discounts, refunded.amount
    order by o.placed_at, o.order_id`);
  return resultRows<JourneyRow>(result).map((row) => {
    const sessions: SessionJson[] =
      typeof row.sessions === 'string' ? JSON.parse(row.sessions) : row.sessions;
    return {
      orderId: row.order_id,
      customerId: row.customer_id,
      placedAt: new Date(row.placed_at),
      netSales: Number(row.net_sales),
      discounts: Number(row.discounts),
      firstOrder: row.first_order,
      sessions: sessions.map((s) => ({
        at: new Date(s.at),
        source: s.source,
        medium: s.medium,
        campaign: s.campaign,
        channel: s.channel,
      })),
    };
  });
}
