import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';

/** A visitor and the time of their first event in a window. */
export interface SeenVisitor {
  visitorId: string;
  firstSeenAt: Date;
}

/**
 * The visitors with any event in [from, to), each with their first event there, oldest first. For
 * work that replays traffic (the demo's experiments, exposed on their first page in the window).
 */
export async function visitorsSeen(
  db: Db,
  storeId: string,
  window: { from: Date; to: Date },
): Promise<SeenVisitor[]> {
  const rows = resultRows<{ visitor_id: string; first_seen_at: string | Date }>(
    await db.execute(sql`
      select visitor_id, min(occurred_at) as first_seen_at
      from analytics_events
      where store_id = ${storeId}
        and occurred_at >= ${window.from.toISOString()}::timestamptz
        and occurred_at < ${window.to.toISOString()}::timestamptz
      group by visitor_id
      order by first_seen_at, visitor_id
    `),
  );
  return rows.map((r) => ({ visitorId: r.visitor_id, firstSeenAt: new Date(r.first_seen_at) }));
}
