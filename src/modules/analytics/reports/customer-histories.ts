import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';

/** One customer's orders as the customer reports read them (cancelled orders left out). */
export interface CustomerHistory {
  customerId: string;
  firstAt: Date;
  lastAt: Date;
  orders: number;
  /** Gross sales − discounts − refunds of their orders, minor units of the store's currency. */
  netSpend: number;
  /** The mean of (gross − discounts) over their orders after the first, before refunds (the spend model needs positive amounts); null with none. */
  meanRepeatSpend: number | null;
}

/** Every customer of the store with an order placed before `asOf`, from the order facts. */
export async function customerHistories(db: Db, storeId: string, asOf: Date): Promise<CustomerHistory[]> {
  const rows = resultRows<{
    customer_id: string;
    first_at: Date | string;
    last_at: Date | string;
    orders: number;
    net_spend: number | string;
    mean_repeat: number | string | null;
  }>(
    await db.execute(sql`
      with refunded as (
        select order_id, sum(amount) as amount from analytics_refund_facts
        where store_id = ${storeId} group by order_id
      ),
      ordered as (
        select f.customer_id, f.placed_at,
          f.gross_sales - f.discounts - coalesce(r.amount, 0) as net,
          f.gross_sales - f.discounts as spend,
          row_number() over (partition by f.customer_id order by f.placed_at, f.order_id) as n
        from analytics_order_facts f
        left join refunded r on r.order_id = f.order_id
        where f.store_id = ${storeId} and f.cancelled_at is null and f.customer_id is not null
          and f.placed_at < ${asOf}
      )
      select customer_id, min(placed_at) as first_at, max(placed_at) as last_at, count(*)::int as orders,
        sum(net) as net_spend, avg(spend) filter (where n > 1 and spend > 0) as mean_repeat
      from ordered group by customer_id order by customer_id`),
  );
  return rows.map((r) => ({
    customerId: r.customer_id,
    firstAt: new Date(r.first_at),
    lastAt: new Date(r.last_at),
    orders: Number(r.orders),
    netSpend: Number(r.net_spend),
    meanRepeatSpend: r.mean_repeat === null ? null : Number(r.mean_repeat),
  }));
}
