import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import * as clock from '../../platform/clock.ts';
import { isCountryCode } from '../../platform/countries/country-codes.ts';
import type { Db } from '../../platform/db/database.ts';
import { withDeferredAppends } from '../../platform/db/deferred-appends.ts';
import { prepared } from '../../platform/db/prepared.ts';
import { resultRows } from '../../platform/db/result-rows.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { emitEvents, eventsInsert } from '../../platform/events/index.ts';
import { newId } from '../../platform/ids.ts';
import { getStore, type Store } from '../access/index.ts';
import { resolveMarket } from '../markets/index.ts';
import { type CartEventPayload, type CartEventType, emitCartEvent } from './cart-events.ts';
import { cartLimits } from './cart-limits.ts';
import { cartTokenDigest, newCartToken } from './cart-token.ts';
import { cartLines, carts } from './schema.ts';

type CartRow = typeof carts.$inferSelect;

export interface CartLineRecord {
  id: string;
  variantId: string;
  quantity: number;
  addedAt: Date;
}

/** A cart as stored: who, where, which codes and options; its lines in the order they were added. */
export interface Cart extends Omit<CartRow, 'tokenHash'> {
  lines: CartLineRecord[];
}

/** Where a store reference is a store id, the store is read (one prepared query). */
export type StoreRef = string | Store;

export async function storeOfRef(db: Db, store: StoreRef): Promise<Store> {
  return typeof store === 'string' ? getStore(db, store) : store;
}

export function storeIdOf(store: StoreRef): string {
  return typeof store === 'string' ? store : store.id;
}

const countryInput = z
  .string()
  .trim()
  .transform((c) => c.toUpperCase())
  .refine(isCountryCode);

/** An ISO 3166-1 alpha-2 code, upper-cased; 400 `invalid_country` otherwise. */
export function checkedCountry(country: string): string {
  const parsed = countryInput.safeParse(country);
  if (!parsed.success) {
    throw badRequest('invalid_country', 'Not an ISO 3166-1 alpha-2 country code, e.g. DE.', {
      path: 'country',
      country,
    });
  }
  return parsed.data;
}

export interface CreateCartInput {
  /** The storefront locale the cart is made in. */
  locale: string;
  /** Where the shopper buys from (the `sp_market` choice, or the browser's region); sets the market. */
  country?: string | null;
  customerId?: string | null;
  email?: string | null;
}

/**
 * A new cart in the market of `country` (the store's primary market without one). Returns the
 * token once: the caller puts it in the shopper's cookie; only its digest is stored. `fill` puts
 * its first lines in, in the same transaction (`createCartWithLine`): when it fails there is no
 * cart. The cart's events are written together at the end (`withDeferredAppends`).
 */
export async function createCart(
  db: Db,
  storeRef: StoreRef,
  input: CreateCartInput,
  fill?: (tx: Db, cart: CartRow) => Promise<CartLineRecord[]>,
): Promise<{ cart: Cart; token: string }> {
  const store = await storeOfRef(db, storeRef);
  const country = input.country ? checkedCountry(input.country) : null;
  const { market } = await resolveMarket(db, store, { country });
  const token = newCartToken();
  const now = clock.now();
  const cart = await withDeferredAppends(db, async (tx) => {
    const [row] = await tx
      .insert(carts)
      .values({
        id: newId('cart'),
        storeId: store.id,
        tokenHash: cartTokenDigest(token),
        marketId: market.id,
        currency: market.currency,
        locale: input.locale,
        country,
        customerId: input.customerId ?? null,
        email: input.email?.trim().toLowerCase() || null,
        createdAt: now,
        updatedAt: now,
        lastActivityAt: now,
        expiresAt: new Date(now.getTime() + cartLimits.lifetimeMs),
      })
      .returning();
    await emitCartEvent(tx, store.id, 'cart.created', {
      cartId: row!.id,
      marketId: market.id,
      currency: market.currency,
    });
    return withLines(row!, fill ? await fill(tx, row!) : []);
  });
  return { cart, token };
}

/** The shopper's active cart, by the token in their cookie; undefined when none, expired or used up. */
export async function findCartByToken(db: Db, storeId: string, token: string): Promise<Cart | undefined> {
  if (!token || token.length > 128) return undefined;
  const [row] = await prepared(db, 'active_cart_by_token', activeCartByToken).execute({
    tokenHash: cartTokenDigest(token),
    storeId,
    now: clock.now().toISOString(),
  });
  return row ? withLines(row.cart, linesFromJson(row.lines)) : undefined;
}

/** One cart of the store, whatever its state. 404 when it is not the store's. */
export async function getCart(db: Db, storeId: string, cartId: string): Promise<Cart> {
  const [row] = await db
    .select()
    .from(carts)
    .where(and(eq(carts.id, cartId), eq(carts.storeId, storeId)));
  if (!row) throw notFound('Cart', { id: cartId });
  return withLines(row, await linesOf(db, row.id));
}

/** A cart named by its id, or the cart as the caller read it in this request (`findCartByToken`). */
export type CartRef = string | Cart;

export function idOfCart(cart: CartRef): string {
  return typeof cart === 'string' ? cart : cart.id;
}

/** The cart changed between the caller's read and the change: it is made again from a fresh read. */
class CartChangedMeanwhile extends Error {}

/** What a change given to `changeCart` asks for besides its own writes. */
interface RecordedEdit {
  columns: CartColumns;
  /** True: read the lines again; a list: the lines as the change left them. */
  linesChanged: boolean | CartLineRecord[];
  events: { type: CartEventType; payload: CartEventPayload }[];
}

function recordingEdit(): { edit: CartEdit; recorded: RecordedEdit } {
  const recorded: RecordedEdit = { columns: {}, linesChanged: false, events: [] };
  return {
    recorded,
    edit: {
      set: (more) => {
        recorded.columns = { ...recorded.columns, ...more };
      },
      linesChanged: (lines) => {
        recorded.linesChanged = lines ? [...lines].sort(lineOrder) : true;
      },
      emit: (type, payload) => {
        recorded.events.push({ type, payload });
      },
    },
  };
}

/**
 * Runs one change of an active cart, then stamps the cart's activity and returns the cart as it is
 * now. 404 for another store's or an unknown cart, 409 `cart_not_active` for a completed or
 * abandoned one, 409 `draft_order_locked` for a draft order.
 *
 * Given only an id, the cart row is locked and read first, in the change's transaction (two tabs of
 * one shopper change it one after the other). Given the cart as the caller read it (every checkout
 * step has, to find it by its token), the change works from that copy, and its final update writes
 * only if the cart's version is still the one read: the row lock that update takes orders
 * concurrent changes as the first lock did. A copy outdated by then (another tab's change committed
 * meanwhile) drops the attempt and the change runs again the first way, so a change never works
 * from a stale cart.
 *
 * `cartOnly`: the change writes nothing itself, it only reads, sets columns and emits events through
 * `edit` (contact, addresses, shipping, codes). From the cart as read, it is then written in one
 * statement with its events and no transaction around it: the step's one write.
 */
export async function changeCart<T>(
  db: Db,
  storeId: string,
  cart: CartRef,
  change: (tx: Db, cart: Cart, edit: CartEdit) => Promise<T>,
  options: { cartOnly?: boolean } = {},
): Promise<{ cart: Cart; result: T }> {
  const cartId = idOfCart(cart);
  if (
    typeof cart !== 'string' &&
    cart.storeId === storeId &&
    cart.state === 'active' &&
    cart.kind !== 'draft'
  ) {
    if (options.cartOnly) {
      const changed = await changeInOneStatement(db, cart, change);
      if (changed) return changed;
    } else {
      try {
        return await db.transaction((tx) => applyCartChange(tx, cart, change, cart.version));
      } catch (err) {
        if (!(err instanceof CartChangedMeanwhile)) throw err;
      }
    }
  }
  return db.transaction(async (tx) => {
    const locked = await lockActiveCart(tx, storeId, cartId);
    // A draft order's link lets the customer pay it, never change it (staff change it: drafts/).
    if (locked.kind === 'draft') {
      throw conflict(
        'draft_order_locked',
        'This order was prepared by the store: it can be paid, not changed.',
        {
          cartId,
        },
      );
    }
    return applyCartChange(tx, locked, change);
  });
}

/** The activity stamp every change writes. */
function activityStamp(): Pick<Cart, 'updatedAt' | 'lastActivityAt' | 'expiresAt'> {
  const now = clock.now();
  return {
    updatedAt: now,
    lastActivityAt: now,
    expiresAt: new Date(now.getTime() + cartLimits.lifetimeMs),
  };
}

/** The change, then the cart's columns and activity stamp in one statement (only at `version`, when given), then its events. */
async function applyCartChange<T>(
  tx: Db,
  current: Cart,
  change: (tx: Db, cart: Cart, edit: CartEdit) => Promise<T>,
  version?: number,
): Promise<{ cart: Cart; result: T }> {
  const { edit, recorded } = recordingEdit();
  const result = await change(tx, current, edit);
  const [row] = await tx
    .update(carts)
    .set({ ...recorded.columns, ...activityStamp() })
    .where(
      version === undefined
        ? eq(carts.id, current.id)
        : and(eq(carts.id, current.id), eq(carts.version, version), eq(carts.state, 'active')),
    )
    .returning();
  if (!row) throw new CartChangedMeanwhile();
  await emitEvents(
    tx,
    recorded.events.map((e) => ({ storeId: current.storeId, type: e.type, payload: e.payload })),
  );
  const lines =
    recorded.linesChanged === true
      ? await linesOf(tx, current.id)
      : recorded.linesChanged === false
        ? current.lines
        : recorded.linesChanged;
  return { cart: withLines(row, lines), result };
}

/**
 * A change that writes nothing itself, from the cart as read: its columns, the activity stamp and
 * its events in one statement, written only at the version read. Null when the cart changed
 * meanwhile (nothing written).
 */
async function changeInOneStatement<T>(
  db: Db,
  current: Cart,
  change: (tx: Db, cart: Cart, edit: CartEdit) => Promise<T>,
): Promise<{ cart: Cart; result: T } | null> {
  const { edit, recorded } = recordingEdit();
  const result = await change(db, current, edit);
  if (recorded.linesChanged) throw new Error('changeCart: a cartOnly change wrote lines');
  const stamp = activityStamp();
  const update = db
    .update(carts)
    .set({ ...recorded.columns, ...stamp })
    .where(and(eq(carts.id, current.id), eq(carts.version, current.version), eq(carts.state, 'active')))
    .returning({ version: carts.version });
  const events = eventsInsert(
    recorded.events.map((e) => ({ storeId: current.storeId, type: e.type, payload: e.payload })),
    sql`exists (select 1 from changed)`,
  );
  const rows = resultRows<{ version: number }>(
    await db.execute(
      events
        ? sql`with changed as (${update.getSQL()}), emitted as (${events}) select version from changed`
        : sql`with changed as (${update.getSQL()}) select version from changed`,
    ),
  );
  if (rows.length === 0) return null;
  // The row as written: the copy read, the columns set, the stamp, the version the trigger gave it.
  return { cart: { ...current, ...recorded.columns, ...stamp, version: Number(rows[0]!.version) }, result };
}

/** The cart's columns a change may set (not its identity, store or token). */
export type CartColumns = Partial<Omit<typeof carts.$inferInsert, 'id' | 'storeId' | 'tokenHash'>>;

/** What a change given to `changeCart` does to the cart besides its own writes. */
export interface CartEdit {
  /** Columns to set on the cart, written at the end with its activity stamp in one statement. */
  set(columns: CartColumns): void;
  /**
   * Says the change wrote cart lines: the cart returned reads its lines again, or has `lines`, the
   * lines as the change left them, when it gives them.
   */
  linesChanged(lines?: readonly CartLineRecord[]): void;
  /** An event of the change, written with the cart's update (never when the change is dropped). */
  emit(type: CartEventType, payload: CartEventPayload): void;
}

/** The cart row locked until the transaction ends; it must be active (409 `cart_not_active`). */
export async function lockActiveCart(tx: Db, storeId: string, cartId: string): Promise<Cart> {
  const [found] = await prepared(tx, 'lock_cart', lockedCart).execute({ cartId, storeId });
  if (!found) throw notFound('Cart', { id: cartId });
  const row = found.cart;
  if (row.state !== 'active') {
    throw conflict('cart_not_active', `This cart is ${row.state}; start a new one.`, {
      cartId,
      state: row.state,
      orderId: row.orderId,
    });
  }
  return withLines(row, linesFromJson(found.lines));
}

/**
 * A cart's lines as one JSON column of the cart's own query (one statement instead of two on every
 * read of a cart), in the order `linesOf` gives them. The cart's id is written qualified: drizzle
 * leaves a one-table query's columns bare, and a bare "id" would be the line's.
 */
const linesColumn = sql<LineJson[] | string>`coalesce((
  select json_agg(json_build_object('id', l.id, 'variantId', l.variant_id, 'quantity', l.quantity,
    'addedAt', l.added_at) order by l.added_at, l.id)
  from cart_lines l where l.cart_id = "carts"."id"), '[]')`;

// Every step of a checkout reads its cart: built once (platform/db/prepared.ts).
const activeCartByToken = (db: Db, name: string) =>
  db
    .select({ cart: carts, lines: linesColumn })
    .from(carts)
    .where(
      and(
        eq(carts.tokenHash, sql.placeholder('tokenHash')),
        eq(carts.storeId, sql.placeholder('storeId')),
        eq(carts.state, 'active'),
        sql`${carts.expiresAt} > ${sql.placeholder('now')}::timestamptz`,
      ),
    )
    .prepare(name);

const lockedCart = (db: Db, name: string) =>
  db
    .select({ cart: carts, lines: linesColumn })
    .from(carts)
    .where(and(eq(carts.id, sql.placeholder('cartId')), eq(carts.storeId, sql.placeholder('storeId'))))
    .for('update', { of: carts })
    .prepare(name);

interface LineJson {
  id: string;
  variantId: string;
  quantity: number;
  addedAt: string;
}

function linesFromJson(value: LineJson[] | string): CartLineRecord[] {
  const lines: LineJson[] = typeof value === 'string' ? JSON.parse(value) : value;
  return lines.map((l) => ({
    id: l.id,
    variantId: l.variantId,
    quantity: l.quantity,
    addedAt: new Date(l.addedAt),
  }));
}

/** The order `linesOf` reads lines in: when they were added, then id. */
function lineOrder(a: CartLineRecord, b: CartLineRecord): number {
  return a.addedAt.getTime() - b.addedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export async function linesOf(db: Db, cartId: string): Promise<CartLineRecord[]> {
  return db
    .select({
      id: cartLines.id,
      variantId: cartLines.variantId,
      quantity: cartLines.quantity,
      addedAt: cartLines.addedAt,
    })
    .from(cartLines)
    .where(eq(cartLines.cartId, cartId))
    .orderBy(asc(cartLines.addedAt), asc(cartLines.id));
}

function withLines(row: CartRow, lines: CartLineRecord[]): Cart {
  const { tokenHash: _tokenHash, ...cart } = row;
  return { ...cart, lines };
}

/** Units in the cart (what the header's cart link counts). */
export function cartItemCount(cart: Pick<Cart, 'lines'>): number {
  return cart.lines.reduce((sum, line) => sum + line.quantity, 0);
}
