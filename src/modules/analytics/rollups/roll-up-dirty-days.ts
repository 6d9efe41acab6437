import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { yieldToEventLoop } from '../../../platform/runtime/yield-to-event-loop.ts';
import { getStore } from '../../access/index.ts';
import { analyticsDirtyDays } from '../schema.ts';
import { rollUpDay } from './roll-up-day.ts';

/**
 * Works off the days marked out of date, oldest first (so an order's day is done before the days
 * of its refunds), up to `limit` of them. A mark made again while its day was being worked is
 * kept for the next round. Answers how many days were done.
 */
export async function rollUpDirtyDays(db: Db, limit = 200): Promise<number> {
  const marks = await db
    .select()
    .from(analyticsDirtyDays)
    .orderBy(asc(analyticsDirtyDays.day), asc(analyticsDirtyDays.storeId))
    .limit(limit);
  const zones = new Map<string, string>();
  for (const mark of marks) {
    await yieldToEventLoop();
    let timezone = zones.get(mark.storeId);
    if (!timezone) {
      timezone = (await getStore(db, mark.storeId)).timezone;
      zones.set(mark.storeId, timezone);
    }
    await rollUpDay(db, { id: mark.storeId, timezone }, mark.day);
    await db
      .delete(analyticsDirtyDays)
      .where(
        and(
          eq(analyticsDirtyDays.storeId, mark.storeId),
          eq(analyticsDirtyDays.day, mark.day),
          lte(analyticsDirtyDays.markedAt, mark.markedAt),
        ),
      );
  }
  return marks.length;
}

/** How many store days wait for their rollups (for the admin's "data up to" note and tests). */
export async function dirtyDayCount(db: Db, storeId?: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(analyticsDirtyDays)
    .where(storeId ? eq(analyticsDirtyDays.storeId, storeId) : sql`true`);
  return Number(row?.n ?? 0);
}
