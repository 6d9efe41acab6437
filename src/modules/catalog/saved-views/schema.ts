import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { ProductListFilter } from '../product-filter/index.ts';

/**
 * A saved view of the admin product list: a name for a filter, an order and the columns shown.
 * Private to its author unless shared with the store's team. The author is whoever saved it (a
 * person, or an API key acting for a script); `author_label` keeps a readable name for the team.
 */
export const productViews = pgTable(
  'product_views',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    name: text('name').notNull(),
    shared: boolean('shared').notNull().default(false),
    authorType: text('author_type').$type<'user' | 'api_key'>().notNull(),
    authorId: text('author_id').notNull(),
    authorLabel: text('author_label').notNull(),
    /** The list's filter, written one way (canonicalProductFilter). */
    filters: jsonb('filters').$type<ProductListFilter>().notNull(),
    /** The list's order; null for its default (best match with a search, latest change without). */
    sort: text('sort'),
    /** The optional columns shown, in order; null for the list's default columns. */
    columns: jsonb('columns').$type<string[]>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('product_views_store_idx').on(t.storeId, t.createdAt),
    // One author does not give two of their views the same name (in any case).
    uniqueIndex('product_views_author_name_key').on(
      t.storeId,
      t.authorType,
      t.authorId,
      sql`lower(${t.name})`,
    ),
  ],
);

export type ProductViewRow = typeof productViews.$inferSelect;
