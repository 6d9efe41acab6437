import { sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { Db } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';
import { searchLimits } from './search-request.ts';

/**
 * The words of a search, as the index holds them: split by PostgreSQL's own text-search parser and
 * folded by the same function as the documents (lower case, no accents), in the order typed. Doing
 * this in the database keeps query words and indexed words identical (hyphenated words, numbers,
 * HTML-like input). The answer depends on the text alone, so it is remembered.
 */
const remembered = new LRUCache<string, string[]>({ max: 10_000 });

export async function queryTerms(db: Db, text: string): Promise<string[]> {
  const known = remembered.get(text);
  if (known) return known;
  const rows = resultRows<{ lexeme: string }>(
    await db.execute(
      sql`select lexeme from unnest(to_tsvector('simple', catalog_search_fold(${text}))) order by positions[1]`,
    ),
  );
  const terms = rows.map((r) => r.lexeme).slice(0, searchLimits.terms);
  remembered.set(text, terms);
  return terms;
}

/**
 * A word as a one-word tsquery, written so that any character in it stays literal; `weights` (e.g.
 * 'A') restricts it to lexemes of those weights.
 */
export function termQuery(term: string, prefix: boolean, weights = ''): string {
  const marks = `${prefix ? '*' : ''}${weights}`;
  return `'${term.replaceAll('\\', '\\\\').replaceAll("'", "''")}'${marks ? `:${marks}` : ''}`;
}
