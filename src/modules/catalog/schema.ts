import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** An option of a product (e.g. Size) and its values in display order. */
export interface ProductOption {
  name: string;
  values: string[];
}

export const products = pgTable(
  'products',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    title: text('title').notNull(),
    handle: text('handle').notNull(),
    /** HTML. */
    description: text('description').notNull().default(''),
    status: text('status').notNull().default('draft'),
    /** The lowest variant price, in minor units of `currency` (kept by the service on every write). */
    priceAmount: bigint('price_amount', { mode: 'number' }).notNull(),
    /** The highest variant price ("from … to …" on listings). */
    priceMaxAmount: bigint('price_max_amount', { mode: 'number' }).notNull().default(0),
    currency: text('currency').notNull(),
    /** Up to three options; none means one default variant. */
    options: jsonb('options').$type<ProductOption[]>().notNull().default([]),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    categoryId: text('category_id'),
    /** The first gallery image, kept for listings. */
    imageUrl: text('image_url'),
    seoTitle: text('seo_title'),
    seoDescription: text('seo_description'),
    /** The search phrase this listing should rank for (SEO audit). */
    focusKeyword: text('focus_keyword'),
    vendor: text('vendor'),
    productType: text('product_type'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('products_store_handle_key').on(t.storeId, t.handle),
    index('products_store_status_idx').on(t.storeId, t.status, t.updatedAt),
    index('products_store_category_idx').on(t.storeId, t.categoryId),
  ],
);

export const productVariants = pgTable(
  'product_variants',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    productId: text('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    sku: text('sku'),
    barcode: text('barcode'),
    /** Values of the product's options, in option order; '' where the product has fewer options. */
    option1: text('option1').notNull().default(''),
    option2: text('option2').notNull().default(''),
    option3: text('option3').notNull().default(''),
    priceAmount: bigint('price_amount', { mode: 'number' }).notNull(),
    compareAtAmount: bigint('compare_at_amount', { mode: 'number' }),
    costAmount: bigint('cost_amount', { mode: 'number' }),
    weightGrams: integer('weight_grams'),
    requiresShipping: boolean('requires_shipping').notNull().default(true),
    taxable: boolean('taxable').notNull().default(true),
    taxClass: text('tax_class'),
    /** "continue" keeps selling when out of stock. */
    inventoryPolicy: text('inventory_policy').notNull().default('deny'),
    imageId: text('image_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('product_variants_store_sku_key').on(t.storeId, t.sku),
    uniqueIndex('product_variants_options_key').on(t.productId, t.option1, t.option2, t.option3),
    index('product_variants_product_idx').on(t.productId, t.position),
  ],
);

export const productImages = pgTable(
  'product_images',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    productId: text('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    /** Where the image came from (an upload has none). */
    sourceUrl: text('source_url'),
    /** Content key in media storage once stored; null while only the source URL is known. */
    mediaKey: text('media_key'),
    width: integer('width'),
    height: integer('height'),
    /** Alt text in the store's default locale (other locales in translations). */
    alt: text('alt'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('product_images_product_idx').on(t.productId, t.position)],
);

/** Categories form a tree per store; `path` is the names from the root joined by " > ". */
export const categories = pgTable(
  'categories',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    parentId: text('parent_id'),
    name: text('name').notNull(),
    handle: text('handle').notNull(),
    path: text('path').notNull(),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** When its name, handle or place in the tree (its page's heading and breadcrumbs) last changed. */
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('categories_store_path_key').on(t.storeId, t.path),
    uniqueIndex('categories_store_handle_key').on(t.storeId, t.handle),
  ],
);

/** Translated text of catalog entities: one row per entity, locale and field. */
export const catalogTranslations = pgTable(
  'catalog_translations',
  {
    storeId: text('store_id').notNull(),
    entityId: text('entity_id').notNull(),
    /** The product the text belongs to (the entity itself, or its image), so deleting it deletes them. */
    productId: text('product_id').references(() => products.id, { onDelete: 'cascade' }),
    locale: text('locale').notNull(),
    field: text('field').notNull(),
    value: text('value').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.entityId, t.locale, t.field] }),
    index('catalog_translations_store_idx').on(t.storeId),
    index('catalog_translations_product_idx').on(t.productId, t.locale),
    // A localized handle names one product per store and locale (storefront /<locale>/products/<handle>).
    uniqueIndex('catalog_translations_handle_key')
      .on(t.storeId, t.locale, t.value)
      .where(sql`${t.field} = 'handle'`),
  ],
);

/** Old storefront paths that answer 301 to where the content lives now (handle changes). */
export const redirects = pgTable(
  'redirects',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    fromPath: text('from_path').notNull(),
    toPath: text('to_path').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('redirects_store_from_key').on(t.storeId, t.fromPath)],
);
