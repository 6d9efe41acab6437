import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { now } from '../../platform/clock.ts';
import type { CartAddress } from './cart-address.ts';

export const cartStates = ['active', 'completed', 'abandoned'] as const;
export type CartState = (typeof cartStates)[number];

/** A shopper's own cart, or a draft order staff prepare for a customer (docs/draft-orders.md). */
export const cartKinds = ['shopper', 'draft'] as const;
export type CartKind = (typeof cartKinds)[number];

/** The last discount code a shopper tried that did not apply, kept so the cart page can say why. */
export interface RejectedCodeAttempt {
  code: string;
  reason: string;
  details?: Record<string, unknown>;
}

/**
 * A shopper's cart (docs/checkout.md). Found by its token: the browser's `sp_cart` cookie holds the
 * random token, the row only its SHA-256 digest, so a leaked table opens no cart. The market and
 * currency follow the country (the shipping address's once there is one); what the cart costs is
 * never stored here but priced afresh by `priceCart` every time.
 */
export const carts = pgTable(
  'carts',
  {
    id: text('id').primaryKey(),
    storeId: text('store_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    marketId: text('market_id').notNull(),
    /** The market's currency when the cart last changed market (ISO 4217). */
    currency: text('currency').notNull(),
    /** The storefront locale the cart was last used in (titles and e-mails in that language). */
    locale: text('locale').notNull(),
    /** ISO 3166-1 alpha-2: where the shopper buys from; the shipping estimate and the market follow it. */
    country: text('country'),
    customerId: text('customer_id'),
    email: text('email'),
    shippingAddress: jsonb('shipping_address').$type<CartAddress>(),
    billingAddress: jsonb('billing_address').$type<CartAddress>(),
    /** The chosen shipping rate or pick-up option id (checked against a fresh quote at every pricing). */
    shippingOptionKey: text('shipping_option_key'),
    /** Codes that applied when entered, as the shopper typed them (trimmed). */
    discountCodes: text('discount_codes').array().notNull().default(sql`'{}'::text[]`),
    rejectedCode: jsonb('rejected_code').$type<RejectedCodeAttempt>(),
    note: text('note').notNull().default(''),
    state: text('state').$type<CartState>().notNull().default('active'),
    orderId: text('order_id'),
    /** A draft can be paid through its link but changed only by staff (`changeCart` refuses it). */
    kind: text('kind').$type<CartKind>().notNull().default('shopper'),
    /** Drafts: who made it, as the audit log names them. */
    createdBy: text('created_by'),
    /** Drafts: the store's name for it, D1001, D1002 … (never reused: a deleted draft is abandoned). */
    draftName: text('draft_name'),
    /** Drafts: when the payment link was last e-mailed. */
    invoiceSentAt: timestamp('invoice_sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    /** Last time the shopper changed the cart; it expires 30 days after. */
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true })
      .notNull()
      .defaultNow()
      .$defaultFn(now),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /**
     * Bumped by a trigger at every update of the row, whoever writes it: a change made from a cart
     * read earlier writes only if the cart is still as it was read (`changeCart`).
     */
    version: integer('version').notNull().default(0),
  },
  (t) => [
    uniqueIndex('carts_token_hash_key').on(t.tokenHash),
    index('carts_store_customer_idx').on(t.storeId, t.customerId).where(sql`${t.state} = 'active'`),
    index('carts_state_expires_idx').on(t.state, t.expiresAt),
    check('carts_state_check', sql`${t.state} in ('active', 'completed', 'abandoned')`),
    check('carts_kind_check', sql`${t.kind} in ('shopper', 'draft')`),
    check('carts_draft_name_check', sql`(${t.kind} = 'draft') = (${t.draftName} is not null)`),
    uniqueIndex('carts_store_draft_name_key')
      .on(t.storeId, t.draftName)
      .where(sql`${t.draftName} is not null`),
    index('carts_store_drafts_idx').on(t.storeId, t.createdAt).where(sql`${t.kind} = 'draft'`),
  ],
);

/** One variant in a cart; a variant is in a cart at most once (adding it again adds to the quantity). */
export const cartLines = pgTable(
  'cart_lines',
  {
    id: text('id').primaryKey(),
    cartId: text('cart_id')
      .notNull()
      .references(() => carts.id, { onDelete: 'cascade' }),
    storeId: text('store_id').notNull(),
    variantId: text('variant_id').notNull(),
    quantity: integer('quantity').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    uniqueIndex('cart_lines_cart_variant_key').on(t.cartId, t.variantId),
    check('cart_lines_quantity_check', sql`${t.quantity} between 1 and 9999`),
  ],
);
