import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';
import { pgErrorCode } from '../../../platform/errors.ts';

/**
 * Raw events live in one partition per calendar month (UTC). A partition is created before the
 * first event of its month is written; there is no default partition, so an event can never land
 * where a later partition would have to take it back.
 */

export interface EventMonth {
  /** `analytics_events_y2026m11` */
  table: string;
  /** First instant of the month, UTC. */
  from: Date;
  /** First instant of the next month. */
  to: Date;
}

export function eventMonth(at: Date): EventMonth {
  const year = at.getUTCFullYear();
  const month = at.getUTCMonth();
  return {
    table: `analytics_events_y${year}m${String(month + 1).padStart(2, '0')}`,
    from: new Date(Date.UTC(year, month, 1)),
    to: new Date(Date.UTC(year, month + 1, 1)),
  };
}

/** Partitions known to exist, per database handle (creating one again is a no-op, but not free). */
const known = new WeakMap<Db, Set<string>>();

/** PostgreSQL's codes when another writer created the same partition a moment before. */
const alreadyThere = new Set(['42P07', '23505']);

/** Makes sure the month partitions for every given instant exist. Call it outside a transaction. */
export async function ensureEventPartitions(db: Db, instants: Iterable<Date>): Promise<void> {
  let have = known.get(db);
  if (!have) {
    have = new Set();
    known.set(db, have);
  }
  const months = new Map<string, EventMonth>();
  for (const at of instants) {
    const month = eventMonth(at);
    if (!have.has(month.table)) months.set(month.table, month);
  }
  for (const month of months.values()) {
    try {
      await db.execute(
        sql.raw(
          `create table if not exists "${month.table}" partition of analytics_events for values from ('${month.from.toISOString()}') to ('${month.to.toISOString()}')`,
        ),
      );
    } catch (err) {
      if (!alreadyThere.has(pgErrorCode(err) ?? '')) throw err;
    }
    have.add(month.table);
  }
}

/** The months that have a partition, oldest first (for retention and rebuilds). */
export async function listEventPartitions(db: Db): Promise<string[]> {
  const rows = resultRows<{ name: string }>(
    await db.execute(sql`
    select c.relname as name from pg_inherits i
    join pg_class c on c.oid = i.inhrelid
    join pg_class p on p.oid = i.inhparent
    where p.relname = 'analytics_events' and p.relnamespace = to_regnamespace(current_schema())::oid
    order by c.relname`),
  );
  return rows.map((r) => r.name);
}
