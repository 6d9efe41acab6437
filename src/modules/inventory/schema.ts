import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { now } from '../../platform/clock.ts';

/*
 * The inventory module's tables. Stock per (variant, location) lives in inventory_levels and changes
 * only together with a row of inventory_movements (on hand) or inventory_reservation_lines
 * (reserved), in the same transaction; `storepilot inventory verify` recomputes the levels from
 * those and reports any difference. Variants are the catalog's (`product_variants.id`); no foreign
 * key crosses the module boundary.
 */

export const locationKinds = ['warehouse', 'retail', '3pl', 'dropship'] as const;
export type LocationKind = (typeof locationKinds)[number];

export interface LocationAddress {
  line1?: string;
  line2?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  /** ISO 3166-1 alpha-2. */
  country?: string;
}

export const inventoryLocations = pgTable(
  'inventory_locations',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<LocationKind>().notNull(),
    address: jsonb('address').$type<LocationAddress>().notNull().default({}),
    /** Lower goes first when stock is reserved for an order. */
    fulfilmentPriority: integer('fulfilment_priority').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    uniqueIndex('inventory_locations_store_name_key').on(t.storeId, t.name),
    index('inventory_locations_store_priority_idx').on(t.storeId, t.fulfilmentPriority),
  ],
);

/**
 * How a variant's stock is handled. A variant without a row is not tracked (always sellable): a store
 * starts tracking a variant by giving it stock (a receipt, an adjustment, an import).
 */
export const inventoryItems = pgTable(
  'inventory_items',
  {
    variantId: text('variant_id').primaryKey(),
    storeId: text('store_id').notNull(),
    /** Untracked variants (services, print on demand) are never reserved or counted. */
    tracked: boolean('tracked').notNull().default(true),
    /** `inventory.low` when available stock (all locations) falls to this or below. */
    lowStockThreshold: integer('low_stock_threshold'),
    /** The inventory table's "overstock" filter: available above this. */
    overstockThreshold: integer('overstock_threshold'),
    /** Weighted average cost per unit, in the store's base currency, kept by receipts. */
    averageCostAmount: bigint('average_cost_amount', { mode: 'number' }),
    /** The last alert state announced ('ok', 'low', 'out'), so each crossing is told once. */
    stockState: text('stock_state').notNull().default('ok'),
    /** Last told "running out" (`inventory.running_out`), so each start and end is told once. */
    runningOut: boolean('running_out').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [index('inventory_items_store_idx').on(t.storeId)],
);

export const inventoryLevels = pgTable(
  'inventory_levels',
  {
    storeId: text('store_id').notNull(),
    variantId: text('variant_id').notNull(),
    locationId: text('location_id')
      .notNull()
      .references(() => inventoryLocations.id),
    onHand: integer('on_hand').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    primaryKey({ columns: [t.variantId, t.locationId] }),
    index('inventory_levels_store_location_idx').on(t.storeId, t.locationId),
    check('inventory_levels_reserved_check', sql`${t.reserved} >= 0`),
  ],
);

export const movementKinds = [
  'receive',
  'sale',
  'return',
  'adjustment',
  'transfer_out',
  'transfer_in',
  'count',
] as const;
export type MovementKind = (typeof movementKinds)[number];

export const adjustmentReasons = ['damaged', 'lost', 'found', 'correction'] as const;
export type AdjustmentReason = (typeof adjustmentReasons)[number];

/** The append-only ledger of on-hand changes (a trigger refuses updates and deletes). */
export const inventoryMovements = pgTable(
  'inventory_movements',
  {
    id: text('id').primaryKey(),
    /**
     * Order of writing. A level's movements are written under its row lock, so for each level this
     * is the order they were applied in (ids made in the same millisecond need not be).
     */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    storeId: text('store_id').notNull(),
    variantId: text('variant_id').notNull(),
    locationId: text('location_id').notNull(),
    kind: text('kind').$type<MovementKind>().notNull(),
    /** Change of on hand, signed. */
    quantity: integer('quantity').notNull(),
    /** On hand after this movement, for the ledger's running balance. */
    onHandAfter: integer('on_hand_after').notNull(),
    reason: text('reason').$type<AdjustmentReason>(),
    /** What caused it: 'order', 'purchase_order', 'transfer', 'count', 'reservation', 'import'. */
    referenceType: text('reference_type'),
    referenceId: text('reference_id'),
    /** Receipts: cost per unit in the store's base currency. */
    unitCostAmount: bigint('unit_cost_amount', { mode: 'number' }),
    note: text('note'),
    actorLabel: text('actor_label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    index('inventory_movements_variant_idx').on(t.variantId, t.locationId, t.seq),
    index('inventory_movements_store_idx').on(t.storeId, t.createdAt),
    index('inventory_movements_reference_idx').on(t.referenceType, t.referenceId),
  ],
);

export const reservationStates = ['active', 'committed', 'released', 'expired'] as const;
export type ReservationState = (typeof reservationStates)[number];

export const inventoryReservations = pgTable(
  'inventory_reservations',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    /** The caller's reference (a checkout, an order). */
    reference: text('reference'),
    state: text('state').$type<ReservationState>().notNull().default('active'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    settledAt: timestamp('settled_at', { withTimezone: true }),
  },
  (t) => [
    index('inventory_reservations_expiry_idx').on(t.expiresAt).where(sql`state = 'active'`),
    index('inventory_reservations_store_idx').on(t.storeId, t.createdAt),
  ],
);

/** Units held by a reservation at a location (none for untracked variants). */
export const inventoryReservationLines = pgTable(
  'inventory_reservation_lines',
  {
    reservationId: text('reservation_id')
      .notNull()
      .references(() => inventoryReservations.id),
    storeId: text('store_id').notNull(),
    /** The line of the request this belongs to (a line split across locations has several rows). */
    line: integer('line').notNull(),
    variantId: text('variant_id').notNull(),
    locationId: text('location_id').notNull(),
    quantity: integer('quantity').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.reservationId, t.line, t.locationId] }),
    index('inventory_reservation_lines_level_idx').on(t.variantId, t.locationId),
  ],
);

export const suppliers = pgTable(
  'suppliers',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    name: text('name').notNull(),
    contactName: text('contact_name'),
    email: text('email'),
    phone: text('phone'),
    address: jsonb('address').$type<LocationAddress>().notNull().default({}),
    /** ISO 4217: what its prices and purchase orders are in. */
    currency: text('currency').notNull(),
    leadTimeDays: integer('lead_time_days').notNull().default(0),
    /** Smallest order it accepts, in units over all lines (null: none). */
    minimumOrderQuantity: integer('minimum_order_quantity'),
    /** 'pdf' or 'csv': how a purchase order is attached when sent. */
    orderFormat: text('order_format').notNull().default('pdf'),
    notes: text('notes'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [uniqueIndex('suppliers_store_name_key').on(t.storeId, t.name)],
);

/** What a supplier sells of a variant: its SKU, price, pack size and minimum. */
export const supplierVariants = pgTable(
  'supplier_variants',
  {
    supplierId: text('supplier_id')
      .notNull()
      .references(() => suppliers.id, { onDelete: 'cascade' }),
    variantId: text('variant_id').notNull(),
    storeId: text('store_id').notNull(),
    supplierSku: text('supplier_sku'),
    /** Per unit, in the supplier's currency. */
    costAmount: bigint('cost_amount', { mode: 'number' }).notNull(),
    /** Orders are in whole packs of this many units. */
    packSize: integer('pack_size').notNull().default(1),
    minimumOrderQuantity: integer('minimum_order_quantity').notNull().default(1),
    /** The supplier to reorder this variant from when several sell it. */
    preferred: boolean('preferred').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    primaryKey({ columns: [t.supplierId, t.variantId] }),
    index('supplier_variants_variant_idx').on(t.variantId),
  ],
);

export const purchaseOrderStates = ['draft', 'sent', 'partially_received', 'received', 'cancelled'] as const;
export type PurchaseOrderState = (typeof purchaseOrderStates)[number];

export const purchaseOrders = pgTable(
  'purchase_orders',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    /** Per store, from 1001 ("PO-1001"). */
    number: integer('number').notNull(),
    supplierId: text('supplier_id')
      .notNull()
      .references(() => suppliers.id),
    /** Where the goods are delivered. */
    locationId: text('location_id')
      .notNull()
      .references(() => inventoryLocations.id),
    state: text('state').$type<PurchaseOrderState>().notNull().default('draft'),
    currency: text('currency').notNull(),
    /** Store base currency per unit of `currency`, for average costs (1 when they are the same). */
    exchangeRate: doublePrecision('exchange_rate').notNull().default(1),
    expectedOn: date('expected_on'),
    note: text('note'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    uniqueIndex('purchase_orders_store_number_key').on(t.storeId, t.number),
    index('purchase_orders_store_state_idx').on(t.storeId, t.state),
  ],
);

export const purchaseOrderLines = pgTable(
  'purchase_order_lines',
  {
    id: text('id').primaryKey(),
    purchaseOrderId: text('purchase_order_id')
      .notNull()
      .references(() => purchaseOrders.id, { onDelete: 'cascade' }),
    storeId: text('store_id').notNull(),
    variantId: text('variant_id').notNull(),
    supplierSku: text('supplier_sku'),
    quantityOrdered: integer('quantity_ordered').notNull(),
    quantityReceived: integer('quantity_received').notNull().default(0),
    /** Per unit in the order's currency. */
    unitCostAmount: bigint('unit_cost_amount', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('purchase_order_lines_variant_key').on(t.purchaseOrderId, t.variantId),
    index('purchase_order_lines_variant_idx').on(t.variantId),
  ],
);

export const transferStates = ['draft', 'in_transit', 'received', 'cancelled'] as const;
export type TransferState = (typeof transferStates)[number];

export const inventoryTransfers = pgTable(
  'inventory_transfers',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    number: integer('number').notNull(),
    fromLocationId: text('from_location_id')
      .notNull()
      .references(() => inventoryLocations.id),
    toLocationId: text('to_location_id')
      .notNull()
      .references(() => inventoryLocations.id),
    state: text('state').$type<TransferState>().notNull().default('draft'),
    note: text('note'),
    shippedAt: timestamp('shipped_at', { withTimezone: true }),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    uniqueIndex('inventory_transfers_store_number_key').on(t.storeId, t.number),
    index('inventory_transfers_store_state_idx').on(t.storeId, t.state),
  ],
);

export const inventoryTransferLines = pgTable(
  'inventory_transfer_lines',
  {
    id: text('id').primaryKey(),
    transferId: text('transfer_id')
      .notNull()
      .references(() => inventoryTransfers.id, { onDelete: 'cascade' }),
    storeId: text('store_id').notNull(),
    variantId: text('variant_id').notNull(),
    quantity: integer('quantity').notNull(),
    quantityReceived: integer('quantity_received').notNull().default(0),
  },
  (t) => [uniqueIndex('inventory_transfer_lines_variant_key').on(t.transferId, t.variantId)],
);

export const countStates = ['open', 'applied', 'cancelled'] as const;
export type CountState = (typeof countStates)[number];

export const inventoryCounts = pgTable(
  'inventory_counts',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    number: integer('number').notNull(),
    locationId: text('location_id')
      .notNull()
      .references(() => inventoryLocations.id),
    state: text('state').$type<CountState>().notNull().default('open'),
    note: text('note'),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    uniqueIndex('inventory_counts_store_number_key').on(t.storeId, t.number),
    index('inventory_counts_store_state_idx').on(t.storeId, t.state),
  ],
);

export const inventoryCountLines = pgTable(
  'inventory_count_lines',
  {
    countId: text('count_id')
      .notNull()
      .references(() => inventoryCounts.id, { onDelete: 'cascade' }),
    storeId: text('store_id').notNull(),
    variantId: text('variant_id').notNull(),
    /** On hand when the sheet was made. */
    expectedQuantity: integer('expected_quantity').notNull(),
    /** Null until counted. */
    countedQuantity: integer('counted_quantity'),
    /** The correction applied (counted − on hand at the moment of applying). */
    appliedDelta: integer('applied_delta'),
  },
  (t) => [primaryKey({ columns: [t.countId, t.variantId] })],
);

export const channelKinds = ['storefront', 'marketplace', 'pos', 'other'] as const;
export type ChannelKind = (typeof channelKinds)[number];

/** A place the store sells: sees available stock of its locations minus a safety buffer. */
export const salesChannels = pgTable(
  'sales_channels',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<ChannelKind>().notNull(),
    /** Units held back from what the channel may sell, per variant. */
    safetyBuffer: integer('safety_buffer').notNull().default(0),
    /** The locations whose stock it sells; empty: every active location. */
    locationIds: text('location_ids').array().notNull().default(sql`'{}'::text[]`),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [uniqueIndex('sales_channels_store_name_key').on(t.storeId, t.name)],
);

/** The sellable quantity last announced per channel and variant (changes emit an event). */
export const channelStock = pgTable(
  'channel_stock',
  {
    channelId: text('channel_id')
      .notNull()
      .references(() => salesChannels.id, { onDelete: 'cascade' }),
    variantId: text('variant_id').notNull(),
    storeId: text('store_id').notNull(),
    sellable: integer('sellable').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [primaryKey({ columns: [t.channelId, t.variantId] })],
);

/** Per-store counters for human numbers (PO-1001, TR-1001, CNT-1001). */
export const inventorySequences = pgTable(
  'inventory_sequences',
  {
    storeId: text('store_id').notNull(),
    name: text('name').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.name] })],
);

export const reservationStrategies = ['priority', 'split'] as const;
export type ReservationStrategy = (typeof reservationStrategies)[number];

/** A store's inventory settings (defaults when it has no row). */
export const inventorySettings = pgTable('inventory_settings', {
  storeId: text('store_id').primaryKey(),
  /**
   * How a reservation picks locations: 'priority' takes each line from the first location (by
   * fulfilment priority) that holds all of it; 'split' also splits a line across locations when
   * none holds all of it.
   */
  reservationStrategy: text('reservation_strategy').$type<ReservationStrategy>().notNull().default('split'),
  /** How long a reservation holds stock unless the caller says otherwise. */
  reservationTtlSeconds: integer('reservation_ttl_seconds').notNull().default(900),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
});
