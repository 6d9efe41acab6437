import { bigint, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const products = pgTable(
  'products',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    title: text('title').notNull(),
    handle: text('handle').notNull(),
    description: text('description').notNull().default(''),
    status: text('status').notNull().default('draft'),
    /** Price in minor units of `currency` (never a float). */
    priceAmount: bigint('price_amount', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    sku: text('sku'),
    imageUrl: text('image_url'),
    seoTitle: text('seo_title'),
    seoDescription: text('seo_description'),
    vendor: text('vendor'),
    productType: text('product_type'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('products_store_handle_key').on(t.storeId, t.handle),
    uniqueIndex('products_store_sku_key').on(t.storeId, t.sku),
    index('products_store_status_idx').on(t.storeId, t.status, t.updatedAt),
  ],
);
