import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { products } from '../schema.ts';
import type { CollectionSortOrder } from './collection-input.ts';
import type { ProductCondition } from './product-conditions.ts';

/**
 * A collection groups products for a storefront page. `manual` collections list their products in
 * `collection_products` in the order an editor chose; `rules` collections have no stored members:
 * their conditions are evaluated against `products` whenever they are read (see membership.ts
 * for why).
 */
export const collections = pgTable(
  'collections',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    handle: text('handle').notNull(),
    title: text('title').notNull(),
    /** HTML, shown above the product grid. */
    description: text('description').notNull().default(''),
    kind: text('kind').$type<'manual' | 'rules'>().notNull(),
    /** For rule collections: whether a product must meet all conditions or any one of them. */
    match: text('match').$type<'all' | 'any'>().notNull().default('all'),
    rules: jsonb('rules').$type<ProductCondition[]>().notNull().default(sql`'[]'::jsonb`),
    sortOrder: text('sort_order').$type<CollectionSortOrder>().notNull(),
    seoTitle: text('seo_title'),
    seoDescription: text('seo_description'),
    imageUrl: text('image_url'),
    imageAlt: text('image_alt'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('collections_store_handle_key').on(t.storeId, t.handle),
    index('collections_store_updated_idx').on(t.storeId, t.updatedAt),
  ],
);

/** Members of manual collections, in the editor's order. */
export const collectionProducts = pgTable(
  'collection_products',
  {
    collectionId: text('collection_id')
      .notNull()
      .references(() => collections.id, { onDelete: 'cascade' }),
    productId: text('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    storeId: text('store_id').notNull(),
    position: integer('position').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.collectionId, t.productId] }),
    index('collection_products_order_idx').on(t.collectionId, t.position),
    index('collection_products_product_idx').on(t.productId),
  ],
);
