import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { now } from '../../platform/clock.ts';
import type { RatePrice, RateType } from './calculation/types.ts';

export const rateTypes = ['flat', 'weight_bands', 'subtotal_bands'] as const;
export const readyInUnits = ['minutes', 'days'] as const;
export type ReadyInUnit = (typeof readyInUnits)[number];

/**
 * Where a store ships to, grouped so that each group has its own rates. A zone lists countries (or
 * some of a country's regions); the one "rest of world" zone of a store covers every destination no
 * other zone names (docs/shipping.md, "Zones and precedence").
 */
export const shippingZones = pgTable(
  'shipping_zones',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    name: text('name').notNull(),
    restOfWorld: boolean('rest_of_world').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    uniqueIndex('shipping_zones_store_name_key').on(t.storeId, t.name),
    uniqueIndex('shipping_zones_store_rest_of_world_key').on(t.storeId).where(sql`${t.restOfWorld}`),
  ],
);

/**
 * One destination of a zone: a whole country (region null) or one ISO 3166-2 region of it. The
 * unique indexes keep a destination in at most one zone of a store even when two writers race.
 */
export const shippingZoneDestinations = pgTable(
  'shipping_zone_destinations',
  {
    zoneId: text('zone_id')
      .notNull()
      .references(() => shippingZones.id, { onDelete: 'cascade' }),
    storeId: text('store_id').notNull(),
    /** ISO 3166-1 alpha-2. */
    country: text('country').notNull(),
    /** ISO 3166-2 (e.g. US-AK); null: the whole country. */
    region: text('region'),
  },
  (t) => [
    uniqueIndex('shipping_zone_destinations_country_key')
      .on(t.storeId, t.country)
      .where(sql`${t.region} is null`),
    uniqueIndex('shipping_zone_destinations_region_key')
      .on(t.storeId, t.region)
      .where(sql`${t.region} is not null`),
    index('shipping_zone_destinations_zone_idx').on(t.zoneId),
  ],
);

/**
 * A way to ship to a zone ("Standard", "Express"). Its amounts are per currency (`prices`, one
 * entry per currency, never converted); the weight conditions and the delivery estimate hold in
 * every currency. The prices are read and written as one value, so they are one JSON column,
 * checked by `rate-input.ts` on every write.
 */
export const shippingRates = pgTable(
  'shipping_rates',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    zoneId: text('zone_id')
      .notNull()
      .references(() => shippingZones.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    type: text('type').$type<RateType>().notNull(),
    prices: jsonb('prices').$type<RatePrice[]>().notNull(),
    minWeightGrams: integer('min_weight_grams'),
    maxWeightGrams: integer('max_weight_grams'),
    /** Business days from the order to delivery; both or neither. */
    estimateMinDays: integer('estimate_min_days'),
    estimateMaxDays: integer('estimate_max_days'),
    active: boolean('active').notNull().default(true),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    index('shipping_rates_zone_idx').on(t.zoneId, t.position),
    index('shipping_rates_store_idx').on(t.storeId),
    check(
      'shipping_rates_weight_check',
      sql`(${t.minWeightGrams} is null or ${t.minWeightGrams} >= 0) and (${t.maxWeightGrams} is null or ${t.maxWeightGrams} >= coalesce(${t.minWeightGrams}, 0))`,
    ),
    check(
      'shipping_rates_estimate_check',
      sql`(${t.estimateMinDays} is null and ${t.estimateMaxDays} is null) or (${t.estimateMinDays} >= 0 and ${t.estimateMaxDays} >= ${t.estimateMinDays})`,
    ),
  ],
);

/**
 * Collection by the shopper at one of the store's locations (the inventory module's; referred to
 * by id only, so the modules stay separable), offered to shoppers of the listed countries.
 */
export const shippingPickupOptions = pgTable(
  'shipping_pickup_options',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    locationId: text('location_id').notNull(),
    name: text('name').notNull(),
    instructions: text('instructions'),
    /** "Ready in 2 hours": 120 minutes; "ready in 2 days": 2 days (business days). Both or neither. */
    readyInValue: integer('ready_in_value'),
    readyInUnit: text('ready_in_unit').$type<ReadyInUnit>(),
    /** ISO 3166-1 alpha-2 codes of the shoppers it is offered to. */
    countries: text('countries').array().notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    uniqueIndex('shipping_pickup_options_store_location_key').on(t.storeId, t.locationId),
    check(
      'shipping_pickup_options_ready_in_check',
      sql`(${t.readyInValue} is null) = (${t.readyInUnit} is null) and (${t.readyInValue} is null or ${t.readyInValue} >= 0)`,
    ),
  ],
);
