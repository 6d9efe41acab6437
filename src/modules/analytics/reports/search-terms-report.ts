import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';
import { periodsOf } from './kpi-report.ts';

export const searchTermsQuery = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    /** Only searches that found nothing (default): what shoppers want and the store does not show. */
    withoutResults: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
    limit: z.coerce.number().int().min(1).max(200).default(20),
  })
  .strict();
export type SearchTermsQuery = z.output<typeof searchTermsQuery>;

/** The most frequent search terms of a period (lower-cased, trimmed), from the raw events. */
export async function searchTermsReport(
  db: Db,
  store: { id: string; timezone: string },
  query: SearchTermsQuery,
) {
  const { current } = periodsOf({ ...query, compare: 'none' });
  const from = sql`((${current.from}::date)::timestamp at time zone ${store.timezone})`;
  const to = sql`((${current.to}::date + 1)::timestamp at time zone ${store.timezone})`;
  const rows = resultRows<{ term: string; searches: number; sessions: number; without_results: number }>(
    await db.execute(sql`
      select lower(trim(search_term)) as term, count(*)::int as searches,
        count(distinct session_id)::int as sessions,
        count(*) filter (where results_count = 0)::int as without_results
      from analytics_events
      where store_id = ${store.id} and name = 'search' and occurred_at >= ${from} and occurred_at < ${to}
        and search_term is not null ${query.withoutResults ? sql`and results_count = 0` : sql``}
      group by 1
      order by 2 desc, 1
      limit ${query.limit}`),
  );
  return {
    period: current,
    withoutResults: query.withoutResults,
    rows: rows.map((r) => ({
      term: r.term,
      searches: Number(r.searches),
      sessions: Number(r.sessions),
      withoutResults: Number(r.without_results),
    })),
  };
}
