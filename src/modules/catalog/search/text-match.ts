import { type SQL, sql } from 'drizzle-orm';
import { termQuery } from './query-terms.ts';

/** How a product row `p` matches the typed text, and how well. */
export interface TextMatch {
  condition: SQL;
  rank: SQL;
}

export interface TextMatchInput {
  storeId: string;
  text: string;
  /** The text's words, in order; the last one may be unfinished, so it matches as a prefix. */
  terms: string[];
  /** Words read in place of misspelt ones (typo correction), by the word typed. */
  corrections?: ReadonlyMap<string, string[]>;
  /** A locale other than the default: its translated titles and descriptions match too. */
  locale?: string;
  /** Whether the beginning of a SKU finds it (the admin list, where people paste part of one). */
  skuPrefix?: boolean;
}

/** A SKU is one token; longer texts or ones with spaces are never compared with SKUs. */
const SKU_SHAPE = /^\S{1,64}$/;

/**
 * The tsquery for the words: every word must be found (AND); a misspelt word is found as itself or
 * as any of its corrections (OR). Built as text from folded lexemes, so it is never parsed again.
 */
export function documentQuery(
  terms: string[],
  corrections?: ReadonlyMap<string, string[]>,
  weights = '',
): string {
  return terms
    .map((term, i) => {
      const alternatives = [
        termQuery(term, i === terms.length - 1, weights),
        ...(corrections?.get(term) ?? []).map((w) => termQuery(w, false, weights)),
      ];
      return alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(' | ')})`;
    })
    .join(' & ');
}

/**
 * Matching and ranking. The rank adds up, from weakest to strongest: how well the weighted document
 * matches (title A, vendor/type/tags B, option values C, description D; ts_rank with length
 * normalisation), every word found in the title, the title being exactly the text, and the text
 * being a SKU of the product. So an exact title outranks a product whose description mentions it.
 */
export function textMatch(input: TextMatchInput): TextMatch {
  const { storeId, text, terms, locale } = input;
  const alternatives: SQL[] = [];
  const rank: SQL[] = [];
  const query = sql`${documentQuery(terms, input.corrections)}::tsquery`;
  if (terms.length > 0) {
    // The same words found among the title's lexemes (weight A): a weight-restricted query, cheaper
    // than cutting the title out of every document.
    const inTitle = sql`${documentQuery(terms, input.corrections, 'A')}::tsquery`;
    alternatives.push(sql`p.search_document @@ ${query}`);
    rank.push(
      sql`ts_rank(p.search_document, ${query}, 1)`,
      sql`(case when p.search_document @@ ${inTitle} then 1 else 0 end)`,
      // lower(), not the accent fold: it runs on every match, and the fold is a function call.
      sql`(case when lower(p.title) = lower(${text}) then 2 else 0 end)`,
    );
  }
  const trimmed = text.trim();
  if (SKU_SHAPE.test(trimmed)) {
    // SKUs are usually upper case and people type them any way: the unique (store, sku) index answers
    // each spelling exactly.
    const spellings = [...new Set([trimmed, trimmed.toUpperCase(), trimmed.toLowerCase()])];
    const exact = sql`array(select v.product_id from product_variants v
      where v.store_id = ${storeId} and v.sku = any(${sql.param(spellings)}::text[]))`;
    alternatives.push(sql`p.id = any(${exact})`);
    rank.push(sql`(case when p.id = any(${exact}) then 10 else 0 end)`);
    if (input.skuPrefix) {
      const pattern = `${trimmed.toUpperCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const prefixed = sql`array(select v.product_id from product_variants v
        where v.store_id = ${storeId} and upper(v.sku) like ${pattern})`;
      alternatives.push(sql`p.id = any(${prefixed})`);
      rank.push(sql`(case when p.id = any(${prefixed}) then 5 else 0 end)`);
    }
  }
  if (locale && terms.length > 0) {
    const translated = sql`to_tsvector('simple', catalog_search_fold(t.value))`;
    alternatives.push(sql`p.id = any(array(select t.entity_id from catalog_translations t
      where t.store_id = ${storeId} and t.locale = ${locale} and t.field in ('title', 'description')
        and ${translated} @@ ${query}))`);
    rank.push(sql`coalesce((select
        max(ts_rank(setweight(${translated}, case when t.field = 'title' then 'A' else 'D' end::"char"), ${query}, 1))
        + max(case when t.field = 'title' and ${translated} @@ ${query} then 1 else 0 end)
        + max(case when t.field = 'title' and lower(t.value) = lower(${text}) then 2 else 0 end)
      from catalog_translations t
      where t.entity_id = p.id and t.locale = ${locale} and t.field in ('title', 'description')), 0)`);
  }
  // Text with no word in it (punctuation) and no SKU shape finds nothing, rather than everything.
  if (alternatives.length === 0) return { condition: sql`false`, rank: sql`0::float8` };
  return {
    condition: sql`(${sql.join(alternatives, sql` or `)})`,
    rank: sql`(${sql.join(rank, sql` + `)})`,
  };
}
