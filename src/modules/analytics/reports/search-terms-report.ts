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

/** The most frequent search terms of a period (lower-cased, trimmed), from the daily rollups. */
export async function searchTermsReport(db: Db, store: { id: string }, query: SearchTermsQuery) {
  const { current } = periodsOf({ ...query, compare: 'none' });
  const rows = resultRows<{ term: string; searches: number; without_results: number }>(
    await db.execute(sql`
      select term, sum(searches)::int as searches, sum(without_results)::int as without_results
      from analytics_daily_searches
      where store_id = ${store.id} and day between ${current.from} and ${current.to}
      group by term
      ${query.withoutResults ? sql`having sum(without_results) > 0` : sql``}
      order by ${query.withoutResults ? sql`3` : sql`2`} desc, 1
      limit ${query.limit}`),
  );
  return {
    period: current,
    withoutResults: query.withoutResults,
    rows: rows.map((r) => ({
      term: r.term,
      searches: Number(r.searches),
      withoutResults: Number(r.without_results),
    })),
  };
}
