import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Db } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';
import { yieldToEventLoop } from '../../../platform/runtime/yield-to-event-loop.ts';
import { storeDay } from '../../markets/index.ts';
import { type RollupStore, rollUpDay } from './roll-up-day.ts';

export interface RebuildProgress {
  day: string;
  done: number;
  total: number;
}

/**
 * Rebuilds a store's rollups from raw events and facts, day by day from its first event or order
 * to today (store time), oldest first; `onProgress` hears each finished day. The same per-day
 * function as the incremental job, so the rows come out the same.
 */
export async function rebuildRollups(
  db: Db,
  store: RollupStore,
  onProgress?: (progress: RebuildProgress) => void,
): Promise<{ days: number; events: number }> {
  const startedAt = new Date();
  const [first] = resultRows<{
    first_event: Date | string | null;
    first_fact: string | null;
    events: number;
  }>(
    await db.execute(sql`
      select
        (select min(occurred_at) from analytics_events where store_id = ${store.id}) as first_event,
        (select min(day)::text from analytics_order_facts where store_id = ${store.id}) as first_fact,
        (select count(*)::int from analytics_events where store_id = ${store.id}) as events`),
  );
  const starts = [
    first?.first_event ? storeDay(store, new Date(first.first_event)) : null,
    first?.first_fact ?? null,
  ].filter((d): d is string => d !== null);
  const today = storeDay(store);
  await db.execute(sql`delete from analytics_daily where store_id = ${store.id}`);
  await db.execute(sql`delete from analytics_daily_products where store_id = ${store.id}`);
  await db.execute(sql`delete from analytics_daily_searches where store_id = ${store.id}`);
  if (starts.length === 0) return { days: 0, events: 0 };
  const start = starts.sort()[0]!;
  const days: string[] = [];
  for (let d = DateTime.fromISO(start); d.toISODate()! <= today; d = d.plus({ days: 1 }))
    days.push(d.toISODate()!);
  let done = 0;
  for (const day of days) {
    await yieldToEventLoop();
    await rollUpDay(db, store, day);
    done++;
    onProgress?.({ day, done, total: days.length });
  }
  // Marks made while this ran stay: their change may have come after the day was done.
  await db.execute(
    sql`delete from analytics_dirty_days where store_id = ${store.id} and day <= ${today} and marked_at <= ${startedAt}`,
  );
  return { days: days.length, events: Number(first?.events ?? 0) };
}
