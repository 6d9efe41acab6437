import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { resultRows } from '../../../platform/db/result-rows.ts';

/**
 * Typo tolerance: a misspelt word is read as the store's words that look like it (pg_trgm trigram
 * similarity). The store's words are kept in `catalog_search_words`, built from the search documents
 * and translations when a search first needs them and rebuilt when the catalog has changed since,
 * at most once a minute, so catalog writes never pay for it.
 */

/** Words shorter than this are not corrected: at three letters nearly everything looks alike. */
export const MIN_CORRECTED_LENGTH = 4;
/** How alike (trigram similarity, 0–1) a store word must be to stand in for a misspelt one. */
const MIN_SIMILARITY = 0.4;
/** Alternatives kept per misspelt word. */
const MAX_ALTERNATIVES = 3;
/** A changed catalog's vocabulary is rebuilt at most this often. */
const REBUILD_AFTER_SECONDS = 60;

interface CatalogState {
  product_count: number;
  translation_count: number;
  last_change_at: string | null;
}

function catalogState(db: Db, storeId: string) {
  return db.execute(sql`
    select
      (select count(*)::int from products where store_id = ${storeId}) as product_count,
      (select count(*)::int from catalog_translations
        where store_id = ${storeId} and field in ('title', 'description')) as translation_count,
      greatest(
        (select max(updated_at) from products where store_id = ${storeId}),
        (select max(updated_at) from catalog_translations
          where store_id = ${storeId} and field in ('title', 'description'))
      )::text as last_change_at`);
}

/** Builds the store's vocabulary when it has none, or rebuilds it when stale and old enough. */
async function ensureVocabulary(db: Db, storeId: string): Promise<void> {
  const [built] = resultRows<CatalogState & { stale_for_long: boolean }>(
    await db.execute(sql`
      select product_count, translation_count, last_change_at::text as last_change_at,
        built_at < now() - make_interval(secs => ${REBUILD_AFTER_SECONDS}) as stale_for_long
      from catalog_search_vocabularies where store_id = ${storeId}`),
  );
  if (built && !built.stale_for_long) return;
  const [now] = resultRows<CatalogState>(await catalogState(db, storeId));
  if (
    built &&
    now &&
    built.product_count === now.product_count &&
    built.translation_count === now.translation_count &&
    built.last_change_at === now.last_change_at
  ) {
    return;
  }
  await db.transaction(async (tx) => {
    // One builder per store at a time; the others wait, then find the fresh vocabulary.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`catalog.search-words:${storeId}`}, 0))`,
    );
    const [again] = resultRows<CatalogState>(
      await tx.execute(sql`
        select product_count, translation_count, last_change_at::text as last_change_at
        from catalog_search_vocabularies where store_id = ${storeId}`),
    );
    const [state] = resultRows<CatalogState>(await catalogState(tx, storeId));
    if (
      again &&
      state &&
      again.product_count === state.product_count &&
      again.translation_count === state.translation_count &&
      again.last_change_at === state.last_change_at
    ) {
      return;
    }
    await tx.execute(sql`delete from catalog_search_words where store_id = ${storeId}`);
    // ts_stat reads every document once and answers each distinct word with the number of documents
    // holding it. Words with no letter (numbers, sizes) are left out: they are not misspelt.
    const documents = sql`format(
      'select search_document from products where store_id = %L
       union all
       select to_tsvector(''simple'', catalog_search_fold(value)) from catalog_translations
        where store_id = %L and field in (''title'', ''description'')',
      ${storeId}::text, ${storeId}::text)`;
    await tx.execute(sql`
      insert into catalog_search_words (store_id, word, product_count)
      select ${storeId}, word, ndoc from ts_stat(${documents})
      where length(word) between 3 and 40 and word ~ '[[:alpha:]]'`);
    await tx.execute(sql`
      insert into catalog_search_vocabularies (store_id, product_count, translation_count, last_change_at, built_at)
      values (${storeId}, ${state?.product_count ?? 0}, ${state?.translation_count ?? 0},
        ${state?.last_change_at ?? null}::timestamptz, now())
      on conflict (store_id) do update set product_count = excluded.product_count,
        translation_count = excluded.translation_count, last_change_at = excluded.last_change_at,
        built_at = excluded.built_at`);
  });
}

/**
 * For each word the store does not have, the store's words that look most like it (best first).
 * Words the store has, and short words, get none.
 */
export async function correctionsFor(
  db: Db,
  storeId: string,
  terms: string[],
): Promise<Map<string, string[]>> {
  const candidates = terms.filter((t) => t.length >= MIN_CORRECTED_LENGTH);
  const corrections = new Map<string, string[]>();
  if (candidates.length === 0) return corrections;
  await ensureVocabulary(db, storeId);
  // `%` finds candidates through the trigram index (similarity ≥ pg_trgm's threshold, 0.3); the
  // stricter cut and the ranking are applied to the few it returns.
  const rows = resultRows<{ term: string; word: string; similarity: number; known: boolean }>(
    await db.execute(sql`
      select t.term, w.word, w.similarity, exists (
        select 1 from catalog_search_words k where k.store_id = ${storeId} and k.word = t.term
      ) as known
      from unnest(${sql.param(candidates)}::text[]) as t(term)
      cross join lateral (
        select word, similarity(word, t.term) as similarity
        from catalog_search_words
        where store_id = ${storeId} and word % t.term and word <> t.term
        order by similarity(word, t.term) desc, product_count desc, word
        limit ${MAX_ALTERNATIVES}
      ) as w`),
  );
  for (const row of rows) {
    if (row.known || Number(row.similarity) < MIN_SIMILARITY) continue;
    const list = corrections.get(row.term) ?? [];
    list.push(row.word);
    corrections.set(row.term, list);
  }
  return corrections;
}
