import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { now } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';

/**
 * Units sold per variant per store day, with the stock each day opened with, read from the
 * ledger: what demand forecasts are fitted on (docs/forecasting.md, "Where the history comes from").
 *
 * The ledger rather than the analytics facts because it also holds the stock history, which tells a
 * day without sales because nobody wanted one from a day without sales because there was none to
 * sell. A cancelled order's units go back with a `return` movement referencing the order; they are
 * taken off the day the order sold them, so a cancelled order is as if it never sold. A customer's
 * return is not: that demand happened.
 */

export interface DailyVariantSales {
  /** ISO date of the first day, in the store's time zone. */
  firstDay: string;
  /** Units sold net of cancellations per day, first day first, up to yesterday. */
  sold: number[];
  /** On hand over every location at the start of each day. */
  openingOnHand: number[];
  /** Whether the store counts the variant's stock; an untracked one is always sellable (0 on hand means nothing). */
  tracked: boolean;
}

export interface DailySalesWindow {
  /** Whole days before today (today itself is not over yet, so it is left out). */
  days: number;
  /** The store's IANA time zone: its days are the ones counted. */
  timeZone: string;
}

/** The store's today, in its time zone, as of the business clock. */
export function storeToday(timeZone: string): DateTime {
  return DateTime.fromJSDate(now(), { zone: timeZone }).startOf('day');
}

export async function dailyVariantSales(
  db: Db,
  storeId: string,
  variantIds: readonly string[],
  window: DailySalesWindow,
): Promise<Map<string, DailyVariantSales>> {
  const result = new Map<string, DailyVariantSales>();
  const ids = [...new Set(variantIds)];
  if (ids.length === 0) return result;
  const today = storeToday(window.timeZone);
  const first = today.minus({ days: window.days });
  const since = first.toUTC().toISO()!;
  const tz = window.timeZone;
  const firstDate = first.toISODate()!;
  const idList = sql.param(ids);

  const [moves, cancelled, levels, tracking] = await Promise.all([
    db.execute(sql`
      select m.variant_id, (m.created_at at time zone ${tz})::date - ${firstDate}::date as day,
        sum(m.quantity)::float8 as net_change,
        sum(case when m.kind = 'sale' then -m.quantity else 0 end)::float8 as sold
      from inventory_movements m
      where m.store_id = ${storeId} and m.variant_id = any(${idList}::text[])
        and m.created_at >= ${since}::timestamptz
      group by 1, 2`),
    // Cancellations, on the day the order sold the units (when that day is in the window).
    db.execute(sql`
      with sales as (
        select variant_id, reference_id, min((created_at at time zone ${tz})::date) as day
        from inventory_movements
        where store_id = ${storeId} and variant_id = any(${idList}::text[]) and kind = 'sale'
          and reference_type = 'order' and created_at >= ${since}::timestamptz
        group by 1, 2
      )
      select r.variant_id, s.day - ${firstDate}::date as day, sum(r.quantity)::float8 as units
      from inventory_movements r
      join sales s on s.variant_id = r.variant_id and s.reference_id = r.reference_id
      where r.store_id = ${storeId} and r.kind = 'return' and r.reference_type = 'order'
        and r.variant_id = any(${idList}::text[]) and r.created_at >= ${since}::timestamptz
      group by 1, 2`),
    db.execute(sql`
      select variant_id, sum(on_hand)::float8 as on_hand
      from inventory_levels
      where store_id = ${storeId} and variant_id = any(${idList}::text[])
      group by 1`),
    db.execute(sql`
      select variant_id from inventory_items
      where store_id = ${storeId} and variant_id = any(${idList}::text[]) and tracked`),
  ]);
  const trackedIds = new Set(resultRows<{ variant_id: string }>(tracking).map((r) => r.variant_id));

  const dayCount = window.days;
  // Days counted from the first by the database (date − date is whole days); drivers may send text.
  const indexOf = (day: number | string) => Number(day);
  const todayIndex = dayCount;
  const series = new Map<string, { sold: number[]; change: number[] }>();
  const seriesOf = (variantId: string) => {
    let s = series.get(variantId);
    if (!s) {
      s = { sold: new Array(dayCount).fill(0), change: new Array(dayCount + 1).fill(0) };
      series.set(variantId, s);
    }
    return s;
  };
  for (const row of resultRows<{ variant_id: string; day: number; net_change: number; sold: number }>(
    moves,
  )) {
    const i = indexOf(row.day);
    if (i < 0 || i > todayIndex) continue;
    const s = seriesOf(row.variant_id);
    s.change[i]! += Number(row.net_change);
    if (i < todayIndex) s.sold[i]! += Number(row.sold);
  }
  for (const row of resultRows<{ variant_id: string; day: number; units: number }>(cancelled)) {
    const i = indexOf(row.day);
    if (i < 0 || i >= todayIndex) continue;
    seriesOf(row.variant_id).sold[i]! -= Number(row.units);
  }
  const onHandNow = new Map(
    resultRows<{ variant_id: string; on_hand: number }>(levels).map((r) => [r.variant_id, Number(r.on_hand)]),
  );

  for (const variantId of ids) {
    const s = seriesOf(variantId);
    // Walk back from today's level: a day opened with what it closed with less its own changes.
    const openingOnHand = new Array<number>(dayCount).fill(0);
    let opening = (onHandNow.get(variantId) ?? 0) - s.change[todayIndex]!;
    for (let i = dayCount - 1; i >= 0; i--) {
      opening -= s.change[i]!;
      openingOnHand[i] = opening;
    }
    result.set(variantId, {
      firstDay: firstDate,
      sold: s.sold.map((units) => Math.max(0, units)),
      openingOnHand,
      tracked: trackedIds.has(variantId),
    });
  }
  return result;
}

/**
 * Tracked variants with a sale in the last `days` days, most units sold first, at most `limit`:
 * the ones worth forecasting.
 */
export async function variantsSoldRecently(
  db: Db,
  storeId: string,
  window: DailySalesWindow,
  limit: number,
): Promise<string[]> {
  const since = storeToday(window.timeZone).minus({ days: window.days }).toUTC().toISO()!;
  const rows = resultRows<{ variant_id: string }>(
    await db.execute(sql`
      select m.variant_id
      from inventory_movements m
      join inventory_items i on i.variant_id = m.variant_id and i.store_id = m.store_id and i.tracked
      where m.store_id = ${storeId} and m.kind = 'sale' and m.created_at >= ${since}::timestamptz
      group by m.variant_id
      order by sum(-m.quantity) desc, m.variant_id
      limit ${limit}`),
  );
  return rows.map((r) => r.variant_id);
}
