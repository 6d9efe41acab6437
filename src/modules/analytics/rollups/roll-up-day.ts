import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';

/** The store a day belongs to: its id and the time zone its days are counted in. */
export interface RollupStore {
  id: string;
  timezone: string;
}

/** How long before and after an order's day its purchase event is looked for. */
const purchaseWindow = sql.raw(`interval '2 days'`);

/** The closed funnel's steps after the session itself, in the order a shopper goes through them. */
const closedFunnelEvents = [
  'view_item',
  'add_to_cart',
  'begin_checkout',
  'add_shipping_info',
  'add_payment_info',
  'purchase',
] as const;

/*
 * `reached_n`: per session, when it first did step n at or after the moment it reached step n − 1
 * (for the first step, any time that day). Taking the earliest such moment at each step is enough:
 * an earlier arrival never closes off a later step, so a session is in `reached_n` exactly when
 * some in-order sequence of its events goes through steps 1 … n. Equal times count as in order.
 */
const closedFunnelSteps = sql.raw(
  closedFunnelEvents
    .map((name, i) =>
      i === 0
        ? `reached_1 as (select session_id, min(occurred_at) as at from funnel_events where name = '${name}' group by session_id)`
        : `reached_${i + 1} as (
        select f.session_id, min(f.occurred_at) as at from funnel_events f
        join reached_${i} p on p.session_id = f.session_id and f.occurred_at >= p.at
        where f.name = '${name}' group by f.session_id)`,
    )
    .join(',\n      '),
);

/**
 * Works out one store day's rollups from scratch: raw events of the day (in the store's time zone)
 * and the order and refund facts of the day. Incremental updates and full rebuilds both call this
 * one function, which is why they agree (docs/metrics.md).
 *
 * 1. Orders of the day get their session's attribution from their `purchase` event (or
 *    `Unassigned` / `(not set)` without one).
 * 2. `analytics_daily`: per breakdown (all, channel, campaign, source / medium, device, country),
 *    sessions that started that day, page and product views, the sessions that reached each
 *    funnel step that day (the open funnel), the closed funnel of the sessions that started that
 *    day (each step in order, within the day), searches, orders and sales (cancelled orders left out), refunds of the
 *    day (of orders not cancelled), costs.
 * 3. `analytics_daily_products`: product views and sales per product; `analytics_daily_searches`:
 *    search terms and how often they found nothing.
 */
export async function rollUpDay(db: Db, store: RollupStore, day: string): Promise<void> {
  const s = store.id;
  const from = sql`((${day}::date)::timestamp at time zone ${store.timezone})`;
  const to = sql`((${day}::date + 1)::timestamp at time zone ${store.timezone})`;
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      with purchases as (
        select distinct on (e.order_id) e.order_id, e.session_id, e.channel,
          coalesce(e.campaign, '(not set)') as campaign,
          coalesce(e.source, '(direct)') || ' / ' || coalesce(e.medium, '(none)') as source_medium,
          e.device, coalesce(e.country, '(not set)') as country
        from analytics_events e
        where e.store_id = ${s} and e.name = 'purchase' and e.order_id is not null
          and e.occurred_at >= ${from} - ${purchaseWindow}
          and e.occurred_at < ${to} + ${purchaseWindow}
        order by e.order_id, e.occurred_at, e.event_id
      )
      update analytics_order_facts f set
        session_id = p.session_id,
        channel = coalesce(p.channel, 'Unassigned'),
        campaign = coalesce(p.campaign, '(not set)'),
        source_medium = coalesce(p.source_medium, '(not set)'),
        device = coalesce(p.device, '(not set)'),
        country = coalesce(p.country, '(not set)')
      from analytics_order_facts o
      left join purchases p on p.order_id = o.order_id
      where f.store_id = ${s} and f.day = ${day} and o.store_id = f.store_id and o.order_id = f.order_id`);
    await tx.execute(sql`delete from analytics_daily where store_id = ${s} and day = ${day}`);
    await tx.execute(sql`delete from analytics_daily_products where store_id = ${s} and day = ${day}`);
    await tx.execute(sql`delete from analytics_daily_searches where store_id = ${s} and day = ${day}`);
    await tx.execute(sql`
      insert into analytics_daily_searches (store_id, day, term, searches, without_results)
      select ${s}, ${day}::date, lower(trim(search_term)), count(*)::int, count(*) filter (where results_count = 0)::int
      from analytics_events
      where store_id = ${s} and occurred_at >= ${from} and occurred_at < ${to}
        and name = 'search' and search_term is not null and trim(search_term) <> ''
      group by 3`);
    await tx.execute(sql`
      with ev as (
        select * from analytics_events
        where store_id = ${s} and occurred_at >= ${from} and occurred_at < ${to}
      ),
      -- Read from the table, not from ev: a CTE named twice is materialised whole (every column).
      funnel_events as (
        select session_id, name, occurred_at from analytics_events
        where store_id = ${s} and occurred_at >= ${from} and occurred_at < ${to}
          and name in ('view_item', 'add_to_cart', 'begin_checkout', 'add_shipping_info', 'add_payment_info', 'purchase')
      ),
      ${closedFunnelSteps},
      sessions as (
        select session_id,
          bool_or(session_start)::int as sessions,
          min(channel) as channel,
          min(coalesce(campaign, '(not set)')) as campaign,
          min(coalesce(source, '(direct)') || ' / ' || coalesce(medium, '(none)')) as source_medium,
          min(device) as device,
          min(coalesce(country, '(not set)')) as country,
          count(*) filter (where name = 'page_view')::int as page_views,
          count(*) filter (where name = 'view_item')::int as product_views,
          bool_or(name = 'view_item')::int as item_view_sessions,
          bool_or(name = 'add_to_cart')::int as cart_sessions,
          bool_or(name = 'begin_checkout')::int as checkout_sessions,
          bool_or(name = 'add_shipping_info')::int as shipping_sessions,
          bool_or(name = 'add_payment_info')::int as payment_sessions,
          bool_or(name = 'purchase')::int as purchase_sessions,
          count(*) filter (where name = 'search')::int as searches,
          count(*) filter (where name = 'search' and results_count = 0)::int as searches_without_results
        from ev group by session_id
      ),
      session_funnels as (
        select s.*,
          (s.sessions = 1 and r1.at is not null)::int as funnel_view_sessions,
          (s.sessions = 1 and r2.at is not null)::int as funnel_cart_sessions,
          (s.sessions = 1 and r3.at is not null)::int as funnel_checkout_sessions,
          (s.sessions = 1 and r4.at is not null)::int as funnel_shipping_sessions,
          (s.sessions = 1 and r5.at is not null)::int as funnel_payment_sessions,
          (s.sessions = 1 and r6.at is not null)::int as funnel_purchase_sessions
        from sessions s
        left join reached_1 r1 on r1.session_id = s.session_id
        left join reached_2 r2 on r2.session_id = s.session_id
        left join reached_3 r3 on r3.session_id = s.session_id
        left join reached_4 r4 on r4.session_id = s.session_id
        left join reached_5 r5 on r5.session_id = s.session_id
        left join reached_6 r6 on r6.session_id = s.session_id
      ),
      line_costs as (
        select l.order_id,
          sum(l.cost) filter (where l.cost is not null) as cost,
          sum(l.gross_sales - l.discounts) filter (where l.cost is not null) as costed_sales
        from analytics_order_line_facts l
        where l.store_id = ${s} and l.day = ${day}
        group by l.order_id
      ),
      orders as (
        select f.*,
          not exists (
            select 1 from analytics_order_facts p
            where p.store_id = f.store_id and p.customer_id = f.customer_id
              and p.cancelled_at is null and (p.placed_at, p.order_id) < (f.placed_at, f.order_id)
          ) as first_order,
          coalesce(c.cost, 0) as cost,
          coalesce(c.costed_sales, 0) as costed_sales
        from analytics_order_facts f
        left join line_costs c on c.order_id = f.order_id
        where f.store_id = ${s} and f.day = ${day} and f.cancelled_at is null
      ),
      refunds as (
        select f.channel, f.campaign, f.source_medium, f.device, f.country, r.order_id, r.amount
        from analytics_refund_facts r
        join analytics_order_facts f on f.store_id = r.store_id and f.order_id = r.order_id
        where r.store_id = ${s} and r.day = ${day} and f.cancelled_at is null
      ),
      measured as (
        select channel, campaign, source_medium, device, country,
          sessions, page_views, product_views, item_view_sessions, cart_sessions, checkout_sessions,
          shipping_sessions, payment_sessions, purchase_sessions, funnel_view_sessions, funnel_cart_sessions,
          funnel_checkout_sessions, funnel_shipping_sessions, funnel_payment_sessions,
          funnel_purchase_sessions, searches, searches_without_results,
          0 as orders, 0 as new_customer_orders, 0 as units, 0::bigint as gross_sales, 0::bigint as discounts,
          0::bigint as shipping, 0::bigint as tax, 0::bigint as total_sales, 0::bigint as refunds,
          null::text as refunded_order, 0::bigint as cost, 0::bigint as costed_sales
        from session_funnels
        union all
        select coalesce(channel, 'Unassigned'), coalesce(campaign, '(not set)'), coalesce(source_medium, '(not set)'),
          coalesce(device, '(not set)'), coalesce(country, '(not set)'),
          0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
          1, (customer_id is null or first_order)::int, units, gross_sales, discounts, shipping, tax, total, 0,
          null, cost, costed_sales
        from orders
        union all
        select coalesce(channel, 'Unassigned'), coalesce(campaign, '(not set)'), coalesce(source_medium, '(not set)'),
          coalesce(device, '(not set)'), coalesce(country, '(not set)'),
          0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
          0, 0, 0, 0, 0, 0, 0, 0, amount, order_id, 0, 0
        from refunds
      )
      insert into analytics_daily (
        store_id, day, dimension, value, sessions, page_views, product_views, item_view_sessions,
        cart_sessions, checkout_sessions, shipping_sessions, payment_sessions, purchase_sessions,
        funnel_view_sessions, funnel_cart_sessions, funnel_checkout_sessions, funnel_shipping_sessions,
        funnel_payment_sessions, funnel_purchase_sessions, searches, searches_without_results, orders, new_customer_orders, units, gross_sales, discounts, shipping,
        tax, total_sales, refunds, refunded_orders, cost, costed_sales
      )
      select ${s}, ${day}::date, d.dimension, d.value,
        sum(sessions), sum(page_views), sum(product_views), sum(item_view_sessions), sum(cart_sessions),
        sum(checkout_sessions), sum(shipping_sessions), sum(payment_sessions), sum(purchase_sessions),
        sum(funnel_view_sessions), sum(funnel_cart_sessions), sum(funnel_checkout_sessions),
        sum(funnel_shipping_sessions), sum(funnel_payment_sessions), sum(funnel_purchase_sessions),
        sum(searches),
        sum(searches_without_results), sum(orders), sum(new_customer_orders), sum(units),
        sum(gross_sales), sum(discounts), sum(shipping), sum(tax), sum(total_sales), sum(refunds),
        count(distinct refunded_order), sum(cost), sum(costed_sales)
      from measured m
      cross join lateral (values
        ('all', ''), ('channel', m.channel), ('campaign', m.campaign), ('source_medium', m.source_medium),
        ('device', m.device), ('country', m.country)
      ) as d(dimension, value)
      group by d.dimension, d.value`);
    await tx.execute(sql`
      with views as (
        select product_id, count(*)::int as views
        from analytics_events
        where store_id = ${s} and occurred_at >= ${from} and occurred_at < ${to}
          and name = 'view_item' and product_id is not null
        group by product_id
      ),
      sold as (
        select l.product_id, max(l.category_id) as category_id, max(l.vendor) as vendor,
          max(l.product_type) as product_type, count(distinct l.order_id)::int as orders,
          sum(l.quantity)::int as units, sum(l.gross_sales) as gross_sales, sum(l.discounts) as discounts,
          coalesce(sum(l.cost), 0) as cost,
          coalesce(sum(l.gross_sales - l.discounts) filter (where l.cost is not null), 0) as costed_sales
        from analytics_order_line_facts l
        join analytics_order_facts f on f.store_id = l.store_id and f.order_id = l.order_id
        where l.store_id = ${s} and l.day = ${day} and f.cancelled_at is null and l.product_id is not null
        group by l.product_id
      )
      insert into analytics_daily_products (
        store_id, day, product_id, category_id, vendor, product_type, views, orders, units,
        gross_sales, discounts, cost, costed_sales
      )
      select ${s}, ${day}::date, coalesce(v.product_id, o.product_id), o.category_id, o.vendor, o.product_type,
        coalesce(v.views, 0), coalesce(o.orders, 0), coalesce(o.units, 0), coalesce(o.gross_sales, 0),
        coalesce(o.discounts, 0), coalesce(o.cost, 0), coalesce(o.costed_sales, 0)
      from views v full join sold o on o.product_id = v.product_id`);
  });
}
