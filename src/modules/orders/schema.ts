import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
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
import type {
  OrderAddress,
  OrderDiscount,
  OrderLineDiscountAllocation,
  OrderShipping,
  OrderTaxLine,
} from './order-types.ts';

export const orderStatuses = ['draft', 'open', 'completed', 'cancelled'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/** The order's payment status, derived from its payments (payments' `financialStatusOf`). */
export const financialStatuses = [
  'pending',
  'requires_action',
  'authorised',
  'partially_paid',
  'paid',
  'partially_refunded',
  'refunded',
  'voided',
  'failed',
] as const;
export type FinancialStatus = (typeof financialStatuses)[number];

export const fulfilmentStatuses = ['unfulfilled', 'partially_fulfilled', 'fulfilled', 'delivered'] as const;
export type FulfilmentStatus = (typeof fulfilmentStatuses)[number];

export const orderSources = ['storefront', 'admin', 'api'] as const;
export type OrderSource = (typeof orderSources)[number];

/**
 * An order, as it was placed: amounts are never re-priced. Totals hold `total = Σ line totals +
 * shipping total` (checked when the order is made); refunds are counted in `refunded_amount`.
 */
export const orders = pgTable(
  'orders',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    /** The store's order number, taken as the placement's last write; null for drafts. */
    number: integer('number'),
    /** The secret in the order status page's address (sent in the customer's e-mails). */
    token: text('token').notNull(),
    /** The cart it was placed from: one order per checkout. */
    checkoutId: text('checkout_id'),
    source: text('source').$type<OrderSource>().notNull(),
    status: text('status').$type<OrderStatus>().notNull(),
    financialStatus: text('financial_status').$type<FinancialStatus>().notNull().default('pending'),
    fulfilmentStatus: text('fulfilment_status').$type<FulfilmentStatus>().notNull().default('unfulfilled'),
    customerId: text('customer_id'),
    email: text('email').notNull(),
    phone: text('phone'),
    locale: text('locale').notNull(),
    marketId: text('market_id'),
    currency: text('currency').notNull(),
    taxesIncluded: boolean('taxes_included').notNull(),
    shippingAddress: jsonb('shipping_address').$type<OrderAddress | null>(),
    billingAddress: jsonb('billing_address').$type<OrderAddress | null>(),
    shipping: jsonb('shipping').$type<OrderShipping | null>(),
    discounts: jsonb('discounts').$type<OrderDiscount[]>().notNull().default([]),
    taxLines: jsonb('tax_lines').$type<OrderTaxLine[]>().notNull().default([]),
    subtotal: bigint('subtotal', { mode: 'number' }).notNull(),
    discountTotal: bigint('discount_total', { mode: 'number' }).notNull(),
    shippingTotal: bigint('shipping_total', { mode: 'number' }).notNull(),
    taxTotal: bigint('tax_total', { mode: 'number' }).notNull(),
    total: bigint('total', { mode: 'number' }).notNull(),
    refundedAmount: bigint('refunded_amount', { mode: 'number' }).notNull().default(0),
    /** The inventory reservation holding the lines' stock until the placement is settled. */
    reservationId: text('reservation_id'),
    /** The reference the promotions module keeps this order's discount usage under. */
    discountUsageRef: text('discount_usage_ref'),
    paymentProvider: text('payment_provider'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    note: text('note'),
    cancelReason: text('cancel_reason'),
    placedAt: timestamp('placed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    uniqueIndex('orders_store_number_key').on(t.storeId, t.number),
    uniqueIndex('orders_token_key').on(t.token),
    uniqueIndex('orders_store_checkout_key').on(t.storeId, t.checkoutId),
    index('orders_store_created_idx').on(t.storeId, t.createdAt),
    index('orders_store_customer_idx').on(t.storeId, t.customerId),
    index('orders_store_email_idx').on(t.storeId, t.email),
    index('orders_tags_idx').using('gin', t.tags),
    check(
      'orders_amounts_check',
      sql`${t.total} >= 0 and ${t.refundedAmount} >= 0 and ${t.refundedAmount} <= ${t.total}`,
    ),
  ],
);

/** One line of an order: what was bought, at what price, with its share of discounts and tax. */
export const orderLines = pgTable(
  'order_lines',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    storeId: text('store_id').notNull(),
    position: integer('position').notNull(),
    variantId: text('variant_id'),
    productId: text('product_id'),
    title: text('title').notNull(),
    variantTitle: text('variant_title'),
    sku: text('sku'),
    quantity: integer('quantity').notNull(),
    unitAmount: bigint('unit_amount', { mode: 'number' }).notNull(),
    subtotal: bigint('subtotal', { mode: 'number' }).notNull(),
    discount: bigint('discount', { mode: 'number' }).notNull(),
    discountAllocations: jsonb('discount_allocations')
      .$type<OrderLineDiscountAllocation[]>()
      .notNull()
      .default([]),
    tax: bigint('tax', { mode: 'number' }).notNull(),
    taxLines: jsonb('tax_lines').$type<OrderTaxLine[]>().notNull().default([]),
    total: bigint('total', { mode: 'number' }).notNull(),
    requiresShipping: boolean('requires_shipping').notNull().default(true),
    weightGrams: integer('weight_grams'),
    fulfilledQuantity: integer('fulfilled_quantity').notNull().default(0),
    refundedQuantity: integer('refunded_quantity').notNull().default(0),
    /** Money given back against this line (its units, or part of its amount). */
    refundedAmount: bigint('refunded_amount', { mode: 'number' }).notNull().default(0),
    returnedQuantity: integer('returned_quantity').notNull().default(0),
    /**
     * Units refunded before they shipped: they will not ship (left to ship = quantity − fulfilled −
     * removed). Part of `refunded_quantity`; see refund-order.ts for which units a refund takes.
     */
    removedQuantity: integer('removed_quantity').notNull().default(0),
  },
  (t) => [
    index('order_lines_order_idx').on(t.orderId),
    index('order_lines_store_variant_idx').on(t.storeId, t.variantId),
    check(
      'order_lines_quantities_check',
      sql`${t.quantity} > 0 and ${t.fulfilledQuantity} between 0 and ${t.quantity}
          and ${t.refundedQuantity} between 0 and ${t.quantity} and ${t.returnedQuantity} between 0 and ${t.quantity}
          and ${t.refundedAmount} between 0 and ${t.total}`,
    ),
    check(
      'order_lines_removed_check',
      sql`${t.removedQuantity} between 0 and ${t.refundedQuantity} and ${t.fulfilledQuantity} + ${t.removedQuantity} <= ${t.quantity}`,
    ),
  ],
);

/** The order's timeline: every transition, note, e-mail and action, in order. */
export const orderEvents = pgTable(
  'order_events',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    storeId: text('store_id').notNull(),
    kind: text('kind').notNull(),
    message: text('message').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    actorLabel: text('actor_label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [index('order_events_order_idx').on(t.orderId, t.createdAt)],
);

export const parcelStatuses = ['shipped', 'delivered', 'cancelled'] as const;
export type ParcelStatus = (typeof parcelStatuses)[number];

/** One parcel: some lines (and quantities) shipped together, with the carrier's tracking. */
export const fulfilments = pgTable(
  'fulfilments',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    storeId: text('store_id').notNull(),
    status: text('status').$type<ParcelStatus>().notNull(),
    locationId: text('location_id'),
    carrier: text('carrier'),
    trackingNumber: text('tracking_number'),
    trackingUrl: text('tracking_url'),
    shippedAt: timestamp('shipped_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [index('fulfilments_order_idx').on(t.orderId)],
);

export const fulfilmentLines = pgTable(
  'fulfilment_lines',
  {
    fulfilmentId: text('fulfilment_id')
      .notNull()
      .references(() => fulfilments.id, { onDelete: 'cascade' }),
    orderLineId: text('order_line_id')
      .notNull()
      .references(() => orderLines.id, { onDelete: 'cascade' }),
    quantity: integer('quantity').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.fulfilmentId, t.orderLineId] }),
    check('fulfilment_lines_quantity_check', sql`${t.quantity} > 0`),
  ],
);

/** Money given back: for lines (and units), shipping, or a plain amount; restocked or not. */
export const refunds = pgTable(
  'refunds',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    storeId: text('store_id').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    shippingAmount: bigint('shipping_amount', { mode: 'number' }).notNull().default(0),
    /** Part of `amount` not tied to lines or shipping (a goodwill amount). */
    extraAmount: bigint('extra_amount', { mode: 'number' }).notNull().default(0),
    reason: text('reason'),
    note: text('note'),
    paymentId: text('payment_id'),
    returnId: text('return_id'),
    actorLabel: text('actor_label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [index('refunds_order_idx').on(t.orderId), check('refunds_amount_check', sql`${t.amount} > 0`)],
);

export const refundLines = pgTable(
  'refund_lines',
  {
    refundId: text('refund_id')
      .notNull()
      .references(() => refunds.id, { onDelete: 'cascade' }),
    orderLineId: text('order_line_id')
      .notNull()
      .references(() => orderLines.id, { onDelete: 'cascade' }),
    quantity: integer('quantity').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    /** Where the units went back into stock; null: not restocked. */
    restockLocationId: text('restock_location_id'),
  },
  (t) => [primaryKey({ columns: [t.refundId, t.orderLineId] })],
);

export const returnStatuses = [
  'requested',
  'approved',
  'rejected',
  'received',
  'closed',
  'cancelled',
] as const;
export type ReturnStatus = (typeof returnStatuses)[number];

export const returnReasons = [
  'too_small',
  'too_large',
  'not_as_described',
  'damaged',
  'defective',
  'wrong_item',
  'changed_mind',
  'arrived_late',
  'other',
] as const;
export type ReturnReason = (typeof returnReasons)[number];

export const returnResolutions = ['refund', 'exchange', 'none'] as const;
export type ReturnResolution = (typeof returnResolutions)[number];

/** A return (RMA): asked for by the customer or staff, approved, received, then refunded or exchanged. */
export const orderReturns = pgTable(
  'order_returns',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    storeId: text('store_id').notNull(),
    status: text('status').$type<ReturnStatus>().notNull(),
    customerComment: text('customer_comment'),
    staffNote: text('staff_note'),
    rejectReason: text('reject_reason'),
    resolution: text('resolution').$type<ReturnResolution>(),
    refundId: text('refund_id'),
    exchangeOrderId: text('exchange_order_id'),
    requestedBy: text('requested_by').$type<'customer' | 'staff'>().notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('order_returns_order_idx').on(t.orderId),
    index('order_returns_store_status_idx').on(t.storeId, t.status),
  ],
);

export const returnDispositions = ['restock', 'write_off'] as const;
export type ReturnDisposition = (typeof returnDispositions)[number];

export const orderReturnLines = pgTable(
  'order_return_lines',
  {
    returnId: text('return_id')
      .notNull()
      .references(() => orderReturns.id, { onDelete: 'cascade' }),
    orderLineId: text('order_line_id')
      .notNull()
      .references(() => orderLines.id, { onDelete: 'cascade' }),
    quantity: integer('quantity').notNull(),
    reason: text('reason').$type<ReturnReason>().notNull(),
    receivedQuantity: integer('received_quantity').notNull().default(0),
    disposition: text('disposition').$type<ReturnDisposition>(),
    locationId: text('location_id'),
  },
  (t) => [
    primaryKey({ columns: [t.returnId, t.orderLineId] }),
    check(
      'order_return_lines_quantity_check',
      sql`${t.quantity} > 0 and ${t.receivedQuantity} between 0 and ${t.quantity}`,
    ),
  ],
);

/** Per-store order settings; defaults apply while a store has no row. */
export const orderSettings = pgTable('order_settings', {
  storeId: text('store_id').primaryKey(),
  /** Days after delivery (or fulfilment) a customer may ask for a return; 0: no returns. */
  returnWindowDays: integer('return_window_days').notNull().default(30),
  /** Shown before the number: "#1001". */
  numberPrefix: text('number_prefix').notNull().default('#'),
  /** How the customer sends returns back: mailed with the approval. */
  returnInstructions: text('return_instructions'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
});

/** The last order number per store; the row is locked from the moment a number is taken until commit. */
export const orderSequences = pgTable('order_sequences', {
  storeId: text('store_id').primaryKey(),
  last: integer('last').notNull(),
});
