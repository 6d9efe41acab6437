import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { now } from '../../platform/clock.ts';

/** Which address decides the tax of an order (docs/tax.md, "Settings"). */
export const taxBasis = ['shipping_address', 'billing_address', 'store_address'] as const;
export type TaxBasis = (typeof taxBasis)[number];

/** How shipping is taxed (compute-tax.ts and shipping-tax.ts have the exact rules). */
export const shippingTaxations = ['not_taxed', 'by_highest_rate', 'proportional', 'class'] as const;
export type ShippingTaxation = (typeof shippingTaxations)[number];

/** Where tax is rounded: once per line (default) or once per group of lines taxed alike. */
export const taxRoundings = ['per_line', 'per_total'] as const;
export type TaxRounding = (typeof taxRoundings)[number];

/** The class every product has unless assigned another; it exists in every store and cannot go. */
export const standardTaxClass = 'standard';

/** Product tax classes ('standard', 'reduced', 'zero' …), named by a handle that never changes. */
export const taxClasses = pgTable(
  'tax_classes',
  {
    storeId: text('store_id').notNull(),
    handle: text('handle').notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.handle] })],
);

/**
 * A store's tax settings; a store without a row has the defaults (tax-settings.ts). The origin
 * address is the store's own place of business, used when tax is based on the store's address.
 */
export const taxSettings = pgTable(
  'tax_settings',
  {
    storeId: text('store_id').primaryKey(),
    pricesIncludeTax: boolean('prices_include_tax').notNull().default(false),
    taxBasedOn: text('tax_based_on').$type<TaxBasis>().notNull().default('shipping_address'),
    originCountry: text('origin_country'),
    originRegion: text('origin_region'),
    shippingTaxation: text('shipping_taxation').$type<ShippingTaxation>().notNull().default('proportional'),
    /** The class shipping is taxed as when `shipping_taxation` is 'class'; null otherwise. */
    shippingTaxClass: text('shipping_tax_class'),
    rounding: text('rounding').$type<TaxRounding>().notNull().default('per_line'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    foreignKey({
      name: 'tax_settings_shipping_class_fk',
      columns: [t.storeId, t.shippingTaxClass],
      foreignColumns: [taxClasses.storeId, taxClasses.handle],
    }),
    check(
      'tax_settings_shipping_class_check',
      sql`(${t.shippingTaxation} = 'class') = (${t.shippingTaxClass} is not null)`,
    ),
  ],
);

/**
 * A tax rate for a place and a class: `rate_ppm` millionths of the amount (19 % = 190000,
 * 7.25 % = 72500). Several rates for the same place and class all apply (a US state rate and a
 * county rate); a compound one is charged on the net plus the non-compound taxes of a lower
 * priority. `region` null: the whole country; `class_handle` null: the standard class.
 */
export const taxRates = pgTable(
  'tax_rates',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    /** ISO 3166-1 alpha-2. */
    country: text('country').notNull(),
    /** ISO 3166-2 subdivision of `country` (US-CA), or null for the whole country. */
    region: text('region'),
    classHandle: text('class_handle'),
    ratePpm: integer('rate_ppm').notNull(),
    /** Shown to shoppers and on invoices: "VAT 19 %", "CA State Tax". */
    name: text('name').notNull(),
    priority: integer('priority').notNull().default(0),
    compound: boolean('compound').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    foreignKey({
      name: 'tax_rates_class_fk',
      columns: [t.storeId, t.classHandle],
      foreignColumns: [taxClasses.storeId, taxClasses.handle],
    }),
    // A rate is known by where, for which class, and its name: CSV imports and presets update it by that.
    uniqueIndex('tax_rates_identity_key').on(
      t.storeId,
      t.country,
      sql`coalesce(${t.region}, '')`,
      sql`coalesce(${t.classHandle}, '')`,
      t.name,
    ),
    index('tax_rates_place_idx').on(t.storeId, t.country, t.region),
    check('tax_rates_rate_check', sql`${t.ratePpm} between 0 and 1000000`),
    check('tax_rates_priority_check', sql`${t.priority} between 0 and 100`),
  ],
);

/** A product's tax class when it is not the standard one (products without a row are standard). */
export const taxProductClasses = pgTable(
  'tax_product_classes',
  {
    storeId: text('store_id').notNull(),
    productId: text('product_id').notNull(),
    classHandle: text('class_handle').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.productId] }),
    foreignKey({
      name: 'tax_product_classes_class_fk',
      columns: [t.storeId, t.classHandle],
      foreignColumns: [taxClasses.storeId, taxClasses.handle],
    }),
    index('tax_product_classes_class_idx').on(t.storeId, t.classHandle),
  ],
);
