import { eq, inArray } from 'drizzle-orm';
import * as clock from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { unprocessable } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { type Actor, getStore, type Store } from '../../access/index.ts';
import { findCartVariants } from '../../catalog/index.ts';
import { resolveMarket } from '../../markets/index.ts';
import type { CartAddress } from '../cart-address.ts';
import { cartLimits } from '../cart-limits.ts';
import { cartTokenDigest, newCartToken } from '../cart-token.ts';
import type { Cart } from '../carts.ts';
import { priceCart } from '../pricing/price-cart.ts';
import { cartLines, carts } from '../schema.ts';
import { draftBuyerOf, savedAddressOf } from './draft-customer.ts';
import { recordDraftChange } from './draft-events.ts';
import { type DraftOrderInput, draftOrderInput, type ParsedDraftOrderInput } from './draft-input.ts';
import { nextDraftName } from './draft-name.ts';
import { type DraftOrder, getDraftOrder, lockOpenDraft } from './draft-read.ts';

/**
 * A new draft order (docs/draft-orders.md): a cart of kind `draft` named D1001, D1002 …, in the
 * store's primary market until an address says where it goes, filled from `input` as
 * `updateDraftOrder` fills it. Its token is random and thrown away: nobody can open it until an
 * invoice is sent. In the caller's transaction; audited, `draft_order.created`.
 */
export async function createDraftOrder(
  tx: Db,
  storeId: string,
  actor: Actor,
  input: DraftOrderInput = {},
): Promise<DraftOrder> {
  const data = draftOrderInput.parse(input);
  const store = await getStore(tx, storeId);
  const { market } = await resolveMarket(tx, store, { country: null });
  const name = await nextDraftName(tx, storeId);
  const id = newId('cart');
  const now = clock.now();
  await tx.insert(carts).values({
    id,
    storeId,
    tokenHash: cartTokenDigest(newCartToken()),
    marketId: market.id,
    currency: market.currency,
    locale: store.locale,
    kind: 'draft',
    createdBy: actor.label,
    draftName: name,
    createdAt: now,
    updatedAt: now,
    lastActivityAt: now,
    expiresAt: new Date(now.getTime() + cartLimits.lifetimeMs),
  });
  await applyDraftChanges(tx, store, await lockOpenDraft(tx, storeId, id), data);
  const draft = await getDraftOrder(tx, store, id);
  await recordDraftChange(tx, actor, storeId, { kind: 'created', id, name, after: snapshotOf(draft) });
  return draft;
}

/**
 * Changes a draft: its lines (replaced; a variant named again keeps its place), the customer (by
 * id or e-mail; a customer's saved address fills a draft without one), the addresses, the shipping
 * option (one the fresh price offers for the address), discount codes (each new one must apply)
 * and the note. All or nothing, in the caller's transaction; audited, `draft_order.updated`.
 * Errors: 400 `validation_failed`, 404, 409 `draft_order_completed`, 422 `variant_unavailable`,
 * `unknown_customer`, `shipping_option_unavailable`, `discount_code_rejected` (each with `path`).
 */
export async function updateDraftOrder(
  tx: Db,
  storeId: string,
  actor: Actor,
  draftId: string,
  input: DraftOrderInput,
): Promise<DraftOrder> {
  const data = draftOrderInput.parse(input);
  const store = await getStore(tx, storeId);
  const current = await lockOpenDraft(tx, storeId, draftId);
  const before = snapshotOf(await getDraftOrder(tx, store, draftId));
  await applyDraftChanges(tx, store, current, data);
  const draft = await getDraftOrder(tx, store, draftId);
  await recordDraftChange(tx, actor, storeId, {
    kind: 'updated',
    id: draft.id,
    name: draft.name,
    before,
    after: snapshotOf(draft),
  });
  return draft;
}

/**
 * Deletes a draft that is not an order: it stays in the table as abandoned (its name is never given
 * again, and its payment link stops working) and is gone from every list and read. 404, 409
 * `draft_order_completed`. Audited, `draft_order.deleted`.
 */
export async function deleteDraftOrder(
  tx: Db,
  storeId: string,
  actor: Actor,
  draftId: string,
): Promise<void> {
  const store = await getStore(tx, storeId);
  await lockOpenDraft(tx, storeId, draftId);
  const draft = await getDraftOrder(tx, store, draftId);
  await tx.update(carts).set({ state: 'abandoned', updatedAt: clock.now() }).where(eq(carts.id, draftId));
  await recordDraftChange(tx, actor, storeId, {
    kind: 'deleted',
    id: draft.id,
    name: draft.name,
    before: snapshotOf(draft),
  });
}

/** The audit log's picture of a draft: what staff set, and the total it came to. */
function snapshotOf(draft: DraftOrder) {
  return {
    name: draft.name,
    lines: draft.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
    customerId: draft.customer?.id ?? null,
    email: draft.email,
    shippingAddress: draft.shippingAddress,
    billingAddress: draft.billingAddress,
    shippingOptionKey: draft.shippingOptionKey,
    discountCodes: draft.discountCodes,
    note: draft.note,
    currency: draft.currency,
    total: draft.priced?.totals.total ?? null,
  };
}

const sameCode = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Writes staff's changes to the locked draft, then checks the choices that depend on its fresh price. */
async function applyDraftChanges(
  tx: Db,
  store: Store,
  current: Cart,
  data: ParsedDraftOrderInput,
): Promise<void> {
  if (data.lines !== undefined) await replaceLines(tx, store, current, data.lines);
  const changes: Partial<typeof carts.$inferInsert> = {};
  let shippingAddress: CartAddress | null | undefined = data.shippingAddress as
    | CartAddress
    | null
    | undefined;
  if (data.customer === null) {
    Object.assign(changes, { customerId: null, email: null });
  } else if (data.customer !== undefined) {
    const buyer = await draftBuyerOf(tx, store.id, data.customer);
    Object.assign(changes, { customerId: buyer.customer?.id ?? null, email: buyer.email });
    if (buyer.customer && shippingAddress === undefined && current.shippingAddress === null) {
      shippingAddress = (await savedAddressOf(tx, store.id, buyer.customer.id)) ?? undefined;
    }
  }
  if (data.billingAddress !== undefined) changes.billingAddress = data.billingAddress as CartAddress | null;
  if (shippingAddress !== undefined) {
    changes.shippingAddress = shippingAddress;
    const country = shippingAddress?.country;
    if (country && country !== current.country) {
      // The market follows where it goes, as a shopper's cart does; the option was for the country before.
      const { market } = await resolveMarket(tx, store, { country });
      Object.assign(changes, {
        country,
        marketId: market.id,
        currency: market.currency,
        shippingOptionKey: null,
      });
    }
  }
  if (data.shippingOptionKey !== undefined) changes.shippingOptionKey = data.shippingOptionKey;
  if (data.discountCodes !== undefined)
    Object.assign(changes, { discountCodes: data.discountCodes, rejectedCode: null });
  if (data.note !== undefined) changes.note = data.note;
  await tx
    .update(carts)
    .set({ ...changes, updatedAt: clock.now() })
    .where(eq(carts.id, current.id));

  const changed = await lockOpenDraft(tx, store.id, current.id);
  const priced = await priceCart(tx, store, changed);
  if (typeof data.shippingOptionKey === 'string' && priced.shipping.mode !== 'selected') {
    throw unprocessable(
      'shipping_option_unavailable',
      'This shipping option is not offered for this order and address.',
      {
        path: 'shippingOptionKey',
        id: data.shippingOptionKey,
        reason:
          priced.shipping.unavailableReason ??
          (priced.shipping.required ? 'no_destination' : 'no_shipping_needed'),
      },
    );
  }
  (data.discountCodes ?? []).forEach((code, index) => {
    if (current.discountCodes.some((c) => sameCode(c, code))) return;
    const applies = priced.discounts.applied.some((d) => d.code !== null && sameCode(d.code, code));
    const rejection = priced.discounts.rejected.find((r) => sameCode(r.code, code));
    // A free-shipping code waits for a shipping line to take off, as on a shopper's cart.
    const waits = rejection?.reason === 'nothing_to_discount' && rejection.discountClass === 'shipping';
    if (!applies && !waits) {
      throw unprocessable(
        'discount_code_rejected',
        rejection?.message ?? 'This code does not apply to this order.',
        {
          path: `discountCodes.${index}`,
          code,
          reason: rejection?.reason ?? 'not_applicable',
        },
      );
    }
  });
}

/**
 * The draft's lines become `lines`: a variant already there keeps its line (and place), others are
 * added in the order given, the rest removed. A variant added or changed must be the store's and
 * on sale (422 `variant_unavailable` naming the line); stock is not required here — the price
 * shows what is short, and placing the order reserves it.
 */
async function replaceLines(
  tx: Db,
  store: Store,
  current: Cart,
  lines: readonly { variantId: string; quantity: number }[],
): Promise<void> {
  const existing = new Map(current.lines.map((l) => [l.variantId, l]));
  const touched = lines.filter((l) => existing.get(l.variantId)?.quantity !== l.quantity);
  const variants = await findCartVariants(
    tx,
    store,
    store.locale,
    touched.map((l) => l.variantId),
  );
  lines.forEach((line, index) => {
    if (!touched.includes(line)) return;
    const variant = variants.get(line.variantId);
    if (variant?.productStatus !== 'active') {
      throw unprocessable('variant_unavailable', 'This item is not for sale.', {
        path: `lines.${index}.variantId`,
        variantId: line.variantId,
      });
    }
  });
  const wanted = new Set(lines.map((l) => l.variantId));
  const gone = current.lines.filter((l) => !wanted.has(l.variantId)).map((l) => l.id);
  if (gone.length > 0) await tx.delete(cartLines).where(inArray(cartLines.id, gone));
  const now = clock.now().getTime();
  for (const [index, line] of lines.entries()) {
    const had = existing.get(line.variantId);
    if (!had) {
      await tx.insert(cartLines).values({
        id: newId('cartLine'),
        cartId: current.id,
        storeId: store.id,
        variantId: line.variantId,
        quantity: line.quantity,
        // Lines are listed by when they were added: a millisecond apart keeps the order given.
        addedAt: new Date(now + index),
      });
    } else if (had.quantity !== line.quantity) {
      await tx.update(cartLines).set({ quantity: line.quantity }).where(eq(cartLines.id, had.id));
    }
  }
}
