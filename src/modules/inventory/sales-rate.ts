import { type SQL, sql } from 'drizzle-orm';

/**
 * How fast stock sells, from the ledger's `sale` movements: the units sold over the last four weeks
 * divided by the days observed. Four weeks hold every weekday four times, so a weekly rhythm does
 * not tilt the rate. A variant whose stock history is younger than that is measured over its own
 * history, but over at least a week, so three sales on its first day do not read as a trend.
 *
 * This is the current rate of sale, not a forecast: days a variant was out of stock count as days
 * without sales, so a variant that was out for a while is estimated low.
 */
export const salesRateWindowDays = 28;
export const salesRateMinimumDays = 7;

/**
 * Stock that lasts no longer than this (or than the variant's quickest supplier takes to deliver,
 * when that is longer) is "running out": ordering now is just in time.
 */
export const runningOutHorizonDays = 14;

/**
 * Units sold per (variant, location) in the window, with the days the variant was observed, for
 * the variants given (all the store's when none are): `variant_id, location_id, sold, days`.
 * Only rows that sold appear.
 */
export function salesByLocation(storeId: string, variantIds?: readonly string[]): SQL {
  const window = sql`now() - ${salesRateWindowDays} * interval '1 day'`;
  const variants = variantIds ? sql`and m.variant_id = any(${sql.param([...variantIds])}::text[])` : sql``;
  return sql`(
    select w.variant_id, w.location_id, w.sold,
      case
        when exists (
          select 1 from inventory_movements o
          where o.variant_id = w.variant_id and o.store_id = ${storeId} and o.created_at < ${window}
        ) then ${salesRateWindowDays}::float8
        else greatest(${salesRateMinimumDays}::float8, extract(epoch from now() - w.first_at) / 86400)
      end as days
    from (
      select m.variant_id, m.location_id,
        sum(case when m.kind = 'sale' then -m.quantity else 0 end) as sold,
        -- The variant's first movement in the window, over all its locations.
        min(min(m.created_at)) over (partition by m.variant_id) as first_at
      from inventory_movements m
      where m.store_id = ${storeId} and m.created_at >= ${window} ${variants}
      group by m.variant_id, m.location_id
    ) w
    where w.sold > 0
  )`;
}

/**
 * Units sold per day per variant, summed over the locations `scope` admits (a condition on
 * `loc`, the location): `variant_id, per_day`.
 */
export function variantSalesRates(storeId: string, scope: SQL): SQL {
  return sql`(
    select r.variant_id, sum(r.sold / r.days) as per_day
    from ${salesByLocation(storeId)} r join inventory_locations loc on loc.id = r.location_id
    where ${scope}
    group by r.variant_id
  )`;
}

/** The quickest active supplier's lead time per variant the store buys: `variant_id, days`. */
export function supplierLeadTimes(storeId: string): SQL {
  return sql`(
    select sv.variant_id, min(sp.lead_time_days) as days
    from supplier_variants sv join suppliers sp on sp.id = sv.supplier_id and sp.active
    where sv.store_id = ${storeId}
    group by sv.variant_id
  )`;
}

/**
 * Whether stock is running out: some left, lasting (in whole days, as `daysOfCover` counts) no
 * longer than the horizon or the lead time (null: no supplier). Never null.
 */
export function runningOutCondition(available: SQL, perDay: SQL, leadTimeDays: SQL): SQL {
  return sql`coalesce((${available}) > 0 and (${perDay}) > 0
    and floor((${available}) / (${perDay})) <= greatest(${runningOutHorizonDays}, coalesce(${leadTimeDays}, 0)), false)`;
}

/** Days the available units last at `perDay`; null when nothing sells (they last indefinitely). */
export function daysOfCover(available: number, perDay: number): number | null {
  if (perDay <= 0) return null;
  if (available <= 0) return 0;
  return Math.floor(available / perDay);
}

/** Units per day, to two decimals: enough to tell 0.04 (about one a month) from none. */
export function roundRate(perDay: number): number {
  return Math.round(perDay * 100) / 100;
}
