import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Db } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';

/** How many months after the first order a cohort row follows. */
const monthsFollowed = 12;

export interface CohortRow {
  /** The month of the customers' first order, `YYYY-MM` in the store's time zone. */
  cohort: string;
  customers: number;
  /** Per month since the first (0 = the first month): customers who ordered that month, and share. */
  active: number[];
  retention: number[];
  /** Net sales (gross − discounts) of the cohort's orders that month, minor units. */
  revenue: number[];
}

/**
 * Retention and revenue by first-order month: of the customers whose first order was in a month,
 * how many ordered again in each month after, and for how much (cancelled orders left out). Months
 * not yet reached are left out of a row.
 */
export async function cohortReport(
  db: Db,
  store: { id: string; timezone: string; baseCurrency: string },
  options: { months?: number; asOf?: Date } = {},
) {
  const asOf = options.asOf ?? new Date();
  const months = Math.min(36, Math.max(1, options.months ?? 12));
  const current = DateTime.fromJSDate(asOf, { zone: store.timezone }).startOf('month');
  const firstCohort = current.minus({ months: months - 1 });
  const rows = resultRows<{ cohort: string; age: number; customers: number; revenue: number | string }>(
    await db.execute(sql`
      with orders as (
        select customer_id, to_char(date_trunc('month', placed_at at time zone ${store.timezone}), 'YYYY-MM') as month,
          gross_sales - discounts as net,
          min(date_trunc('month', placed_at at time zone ${store.timezone})) over (partition by customer_id) as first_month,
          date_trunc('month', placed_at at time zone ${store.timezone}) as order_month
        from analytics_order_facts
        where store_id = ${store.id} and cancelled_at is null and customer_id is not null and placed_at < ${asOf}
      )
      select to_char(first_month, 'YYYY-MM') as cohort,
        ((extract(year from order_month) - extract(year from first_month)) * 12
          + extract(month from order_month) - extract(month from first_month))::int as age,
        count(distinct customer_id)::int as customers, sum(net) as revenue
      from orders
      where first_month >= ${firstCohort.toISODate()}::timestamp
      group by 1, 2 order by 1, 2`),
  );
  const byCohort = new Map<string, CohortRow>();
  for (let m = firstCohort; m <= current; m = m.plus({ months: 1 })) {
    const reached = Math.min(monthsFollowed, Math.round(current.diff(m, 'months').months) + 1);
    byCohort.set(m.toFormat('yyyy-MM'), {
      cohort: m.toFormat('yyyy-MM'),
      customers: 0,
      active: new Array<number>(reached).fill(0),
      retention: new Array<number>(reached).fill(0),
      revenue: new Array<number>(reached).fill(0),
    });
  }
  for (const r of rows) {
    const row = byCohort.get(r.cohort);
    if (!row || r.age >= row.active.length) continue;
    row.active[r.age] = Number(r.customers);
    row.revenue[r.age] = Number(r.revenue);
  }
  for (const row of byCohort.values()) {
    row.customers = row.active[0] ?? 0;
    row.retention = row.active.map((n) => (row.customers === 0 ? 0 : n / row.customers));
  }
  return { currency: store.baseCurrency, monthsFollowed, cohorts: [...byCohort.values()] };
}
