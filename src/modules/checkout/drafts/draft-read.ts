import { and, count, desc, eq, ilike, inArray, isNotNull, isNull, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { AppError, conflict, notFound } from '../../../platform/errors.ts';
import type { Store } from '../../access/index.ts';
import { type CustomerAddress, getCustomer, listAddresses } from '../../customers/index.ts';
import { getOrder } from '../../orders/index.ts';
import type { CartAddress } from '../cart-address.ts';
import { type Cart, linesOf } from '../carts.ts';
import { priceCart } from '../pricing/price-cart.ts';
import type { PricedCart } from '../pricing/priced-cart.ts';
import { carts } from '../schema.ts';
import { type DraftListQuery, type DraftStatus, draftListQuery } from './draft-input.ts';

type CartRow = typeof carts.$inferSelect;

/** What a draft still needs before its link can be sent or it can be completed, in the order staff fill it in. */
export type DraftStep = 'lines' | 'purchasable' | 'email' | 'address' | 'shipping';

/** The order a completed draft became. */
export interface DraftOrderPlaced {
  id: string;
  number: number | null;
  total: number;
  currency: string;
  financialStatus: string;
}

/** A draft order as the admin shows it. */
export interface DraftOrder {
  id: string;
  name: string;
  status: DraftStatus;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  invoiceSentAt: Date | null;
  email: string | null;
  customer: { id: string; email: string; firstName: string | null; lastName: string | null } | null;
  /** The customer's saved addresses, to fill the draft's from. */
  savedAddresses: CustomerAddress[];
  shippingAddress: CartAddress | null;
  billingAddress: CartAddress | null;
  shippingOptionKey: string | null;
  discountCodes: string[];
  note: string;
  locale: string;
  currency: string;
  lines: { id: string; variantId: string; quantity: number }[];
  /** What it costs now (`priceCart`, as checkout charges it); null once it is an order. */
  priced: PricedCart | null;
  missing: DraftStep[];
  /** The order it became. */
  order: DraftOrderPlaced | null;
}

/** A draft in the list: who, how much, where it stands. */
export interface DraftOrderSummary {
  id: string;
  name: string;
  status: DraftStatus;
  email: string | null;
  /** The shipping address's name. */
  customerName: string | null;
  currency: string;
  /** What it costs now, or what its order charged once completed; null when it cannot be priced now. */
  total: number | null;
  itemCount: number;
  createdAt: Date;
  updatedAt: Date;
  invoiceSentAt: Date | null;
  order: { id: string; number: number | null } | null;
}

export function draftStatusOf(row: Pick<CartRow, 'state' | 'invoiceSentAt'>): DraftStatus {
  if (row.state === 'completed') return 'completed';
  return row.invoiceSentAt ? 'invoice_sent' : 'open';
}

function cartOf(row: CartRow, lines: Cart['lines']): Cart {
  const { tokenHash: _tokenHash, ...cart } = row;
  return { ...cart, lines };
}

async function draftRow(db: Db, storeId: string, draftId: string, forUpdate: boolean): Promise<CartRow> {
  const query = db
    .select()
    .from(carts)
    .where(and(eq(carts.id, draftId), eq(carts.storeId, storeId), eq(carts.kind, 'draft')));
  const [row] = forUpdate ? await query.for('update') : await query;
  // A deleted draft is kept abandoned (its name is never given again) but is gone for everyone.
  if (!row || row.state === 'abandoned') throw notFound('Draft order', { id: draftId });
  return row;
}

/**
 * The draft locked until the transaction ends, for a change: 404 when the store has no such draft,
 * 409 `draft_order_completed` once it is an order (the order is changed instead).
 */
export async function lockOpenDraft(tx: Db, storeId: string, draftId: string): Promise<Cart> {
  const row = await draftRow(tx, storeId, draftId, true);
  if (row.state !== 'active') {
    throw conflict('draft_order_completed', 'This draft is an order now; change the order instead.', {
      draftOrderId: draftId,
      orderId: row.orderId,
    });
  }
  return cartOf(row, await linesOf(tx, row.id));
}

/** What the draft still needs, from its fresh price. */
export function missingSteps(cart: Cart, priced: PricedCart): DraftStep[] {
  const missing: DraftStep[] = [];
  if (priced.lines.length === 0) missing.push('lines');
  else if (!priced.purchasable) missing.push('purchasable');
  if (!cart.email) missing.push('email');
  if (priced.shipping.required) {
    if (!cart.shippingAddress) missing.push('address');
    if (priced.shipping.mode !== 'selected') missing.push('shipping');
  }
  return missing;
}

/** One draft with its fresh price (or its order), the customer and their saved addresses. 404 when none. */
export async function getDraftOrder(db: Db, store: Store, draftId: string): Promise<DraftOrder> {
  const row = await draftRow(db, store.id, draftId, false);
  const cart = cartOf(row, await linesOf(db, row.id));
  const completed = row.state === 'completed' && row.orderId !== null;
  const [priced, customer, savedAddresses, order] = await Promise.all([
    completed ? null : priceCart(db, store, cart),
    row.customerId ? getCustomer(db, store.id, row.customerId).catch(() => null) : null,
    row.customerId ? listAddresses(db, store.id, row.customerId) : [],
    completed ? getOrder(db, store.id, row.orderId!) : null,
  ]);
  return {
    id: row.id,
    name: row.draftName!,
    status: draftStatusOf(row),
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    invoiceSentAt: row.invoiceSentAt,
    email: row.email,
    customer: customer
      ? { id: customer.id, email: customer.email, firstName: customer.firstName, lastName: customer.lastName }
      : null,
    savedAddresses,
    shippingAddress: row.shippingAddress,
    billingAddress: row.billingAddress,
    shippingOptionKey: row.shippingOptionKey,
    discountCodes: row.discountCodes,
    note: row.note,
    locale: row.locale,
    currency: row.currency,
    lines: cart.lines.map((l) => ({ id: l.id, variantId: l.variantId, quantity: l.quantity })),
    priced,
    missing: priced ? missingSteps(cart, priced) : [],
    order: order
      ? {
          id: order.id,
          number: order.number,
          total: order.total,
          currency: order.currency,
          financialStatus: order.financialStatus,
        }
      : null,
  };
}

/** `%` and `_` typed in a search are letters, not wildcards. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The store's drafts, newest first, with how many match: by status, and a search over the name
 * (D1004) and the e-mail. Each open draft is priced afresh (what completing it would charge); a
 * completed one shows its order's total.
 */
export async function listDraftOrders(
  db: Db,
  store: Store,
  query: DraftListQuery = {},
): Promise<{ items: DraftOrderSummary[]; total: number }> {
  const { status, q, limit, offset } = draftListQuery.parse(query);
  const filters: (SQL | undefined)[] = [eq(carts.storeId, store.id), eq(carts.kind, 'draft')];
  if (status === 'completed') filters.push(eq(carts.state, 'completed'));
  else if (status === 'invoice_sent') filters.push(eq(carts.state, 'active'), isNotNull(carts.invoiceSentAt));
  else if (status === 'open') filters.push(eq(carts.state, 'active'), isNull(carts.invoiceSentAt));
  else filters.push(inArray(carts.state, ['active', 'completed']));
  if (q) filters.push(or(ilike(carts.draftName, likePattern(q)), ilike(carts.email, likePattern(q))));
  const where = and(...filters);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(carts)
      .where(where)
      .orderBy(desc(carts.createdAt), desc(carts.id))
      .limit(limit)
      .offset(offset),
    db.select({ n: count() }).from(carts).where(where),
  ]);
  const items: DraftOrderSummary[] = [];
  for (const row of rows) items.push(await summaryOf(db, store, row));
  return { items, total: Number(totals[0]?.n ?? 0) };
}

async function summaryOf(db: Db, store: Store, row: CartRow): Promise<DraftOrderSummary> {
  const cart = cartOf(row, await linesOf(db, row.id));
  const address = row.shippingAddress ?? row.billingAddress;
  const base = {
    id: row.id,
    name: row.draftName!,
    status: draftStatusOf(row),
    email: row.email,
    customerName: address ? `${address.firstName} ${address.lastName}`.trim() : null,
    itemCount: cart.lines.reduce((n, l) => n + l.quantity, 0),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    invoiceSentAt: row.invoiceSentAt,
  };
  if (row.state === 'completed' && row.orderId) {
    const order = await getOrder(db, store.id, row.orderId);
    return {
      ...base,
      currency: order.currency,
      total: order.total,
      order: { id: order.id, number: order.number },
    };
  }
  // One draft that cannot be priced now (its market lacks an exchange rate) must not hide the others.
  const priced = await priceCart(db, store, cart).catch((err: unknown) => {
    if (err instanceof AppError && err.status < 500) return null;
    throw err;
  });
  return {
    ...base,
    currency: priced?.currency ?? row.currency,
    total: priced?.totals.total ?? null,
    order: null,
  };
}
