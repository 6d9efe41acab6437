import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/*
 * Catalog search keeps most of its data on the catalog's own tables, computed by the database as rows
 * are written (migration 0005_catalog_search), and not mapped here on purpose so that ordinary product
 * reads do not fetch it:
 *   - products.search_document: a generated tsvector (title A; vendor, type, tags B; option values C;
 *     description D), folded to lower case without accents, with a GIN index;
 *   - products.facet_options: a generated text[] of 'Name<U+001F>Value' option pairs, for facet counts;
 *   - a GIN index over the folded title and description translations (catalog_translations);
 *   - an index on upper(product_variants.sku) for SKU-prefix search in the admin list.
 * The two tables below hold the vocabulary used to correct typos, rebuilt lazily (see typo-vocabulary.ts).
 */

/** Every distinct word of a store's searchable text, for trigram lookups of misspelt query words. */
export const catalogSearchWords = pgTable(
  'catalog_search_words',
  {
    storeId: text('store_id').notNull(),
    word: text('word').notNull(),
    /** How many products use the word: a correction prefers the common spelling. */
    productCount: integer('product_count').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.word] }),
    index('catalog_search_words_trgm_idx').using('gin', t.word.op('gin_trgm_ops')),
  ],
);

/** When a store's vocabulary was built, and from which state of its catalog. */
export const catalogSearchVocabularies = pgTable('catalog_search_vocabularies', {
  storeId: text('store_id').primaryKey(),
  /** Products and newest product change when it was built: a difference means it is stale. */
  productCount: integer('product_count').notNull(),
  lastChangeAt: timestamp('last_change_at', { withTimezone: true }),
  translationCount: integer('translation_count').notNull().default(0),
  builtAt: timestamp('built_at', { withTimezone: true }).notNull().defaultNow(),
});
