import { z } from 'zod';
import type { Db } from '../../../platform/db/database.ts';
import { withDeferredAppends } from '../../../platform/db/deferred-appends.ts';
import { AppError, conflict, paymentRequired, unprocessable } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { type Actor, getStore, type Store, systemActor } from '../../access/index.ts';
import { findOrCreateGuestCustomer, recordMarketingConsent } from '../../customers/index.ts';
import { reserveStock } from '../../inventory/index.ts';
import { completePlacement, createOrder, getOrder, type Order } from '../../orders/index.ts';
import {
  authorisePayment,
  type CardInput,
  getPaymentSettings,
  markPaymentReceived,
  type Payment,
  paymentProviderKeys,
  paymentsOfOrder,
} from '../../payments/index.ts';
import { reserveDiscountUsage } from '../../promotions/index.ts';
import { markCartCompleted } from '../cart-completion.ts';
import { type Cart, lockActiveCart } from '../carts.ts';
import { type PriceCartOptions, priceCart } from '../pricing/price-cart.ts';
import type { PricedCart } from '../pricing/priced-cart.ts';
import { type CartReference, cartIdOf } from './cart-reference.ts';
import { checkedIdempotencyKey, claimIdempotencyKey, placementRequestHash } from './idempotency.ts';
import { orderFromPricedCart } from './order-from-priced-cart.ts';

/** Who places a storefront order: the shopper, through checkout. */
const checkoutActor = systemActor('checkout');

const cardInput = z
  .object({
    cardNumber: z.string().max(40),
    expiry: z.string().max(10),
    cvc: z.string().max(8),
    holderName: z.string().max(200).optional(),
  })
  .strict();

const paymentInput = z.object({ provider: z.enum(paymentProviderKeys), card: cardInput.optional() }).strict();

export type PlaceOrderInput = CartReference & {
  storeId: string;
  /** The store itself when the caller has it read already (the storefront does), saving a read. */
  store?: Store;
  /**
   * The id of the active cart `cartToken` names, when the caller found it by that token in this
   * request (the storefront does), saving a lookup. A replay's cart is no longer active: it is
   * looked up by its token.
   */
  foundCartId?: string;
  /** The `Idempotency-Key`: a repeated placement with it answers with the order it made. */
  idempotencyKey: string;
  payment: { provider: 'manual' | 'test_card'; card?: CardInput };
  /** The signed-in customer placing it; else the cart's customer, else a guest found by e-mail. */
  customerId?: string | null;
  /** Where the shopper completes a 3-D Secure-style step (`{paymentId}` is filled in). */
  returnUrl?: string;
  actor?: Actor;
  /**
   * The total the shopper was shown (minor units of the cart's currency). When the fresh price
   * differs — a price, a rate or a code changed meanwhile — the placement is refused (409
   * `cart_total_changed`) rather than charging an amount nobody saw.
   */
  expectedTotal?: number;
  /**
   * The shopper ticked checkout's marketing box (unticked by default): consent is recorded for the
   * order's customer with source `checkout_checkbox` and the request's traces, in the order's
   * transaction, so it exists if and only if the order does.
   */
  marketingConsent?: { ip?: string | null; userAgent?: string | null } | null;
  /** The moment the cart is priced at (tests); now by default. */
  now?: Date;
  /**
   * The shopper's shipping terms (their variant of a free-shipping-threshold experiment), worked
   * out by the server for this request as for the pages they saw: the order's shipping line is
   * priced with them. Left out: the store's own rates.
   */
  shippingTerms?: PriceCartOptions['shippingTerms'];
  /**
   * Staff completing a draft order take the payment by a way the storefront need not offer (cash,
   * a phone call); checkout never sets this.
   */
  allowDisabledProvider?: boolean;
  /**
   * Staff took a manual payment already: it is recorded received before the order is announced,
   * so the order is placed paid (one confirmation, no "awaiting payment" e-mail first).
   */
  paymentReceived?: boolean;
};

export interface PlacedOrder {
  order: Order;
  /** Null for an order with nothing to pay. */
  payment: Payment | null;
  /** True when the key had placed this order already (nothing new was done). */
  replayed: boolean;
}

/** The checkout step a cart still lacks, for `checkout_incomplete`. */
export type CheckoutStep = 'contact' | 'address' | 'shipping';

/**
 * Places an order from a cart, in ONE transaction (docs/selling.md, "Placing an order"):
 *
 * 1. claims the idempotency key (a replay, or a concurrent twin once the first commits, answers
 *    with the order the key made; the same key for another cart or way of paying is 422
 *    `idempotency_key_reused`);
 * 2. locks the cart (409 `cart_not_active` once it became an order) and prices it afresh with
 *    `priceCart` — never an amount a browser sent; refuses an empty cart (422 `cart_empty`), one
 *    that cannot be bought as it is (422 `cart_not_purchasable` with the problems), a code the
 *    shopper applied that stopped applying (409 `discount_usage_limit_reached`, …), a missing step
 *    (422 `checkout_incomplete` naming `contact`, `address` or `shipping`) and a total other than
 *    the `expectedTotal` the shopper was shown (409 `cart_total_changed`);
 * 3. reserves the stock (409 `out_of_stock` naming the line) and the discounts' uses (409
 *    `discount_usage_limit_reached` / `discount_customer_limit_reached`);
 * 4. finds or makes the customer, stores the order (`createOrder`), asks for the payment
 *    (`authorisePayment`, the store's capture mode; an order of 0 takes none) — a decline throws
 *    402 `payment_declined` with its `declineCode`, so the whole placement rolls back: the stock
 *    and discount uses return, no order exists, the cart stays for another try;
 * 5. marks the cart completed, then `completePlacement` (stock sold, discounts used, the number
 *    taken last, so the per-store number lock is held for as few statements as possible).
 *
 * A payment that needs the shopper's extra step leaves the order waiting (`requires_action`, the
 * reservation still held); `finishPaymentStep` settles it.
 */
export async function placeOrderFromCart(db: Db, input: PlaceOrderInput): Promise<PlacedOrder> {
  const { storeId } = input;
  const key = checkedIdempotencyKey(input.idempotencyKey);
  const payment = paymentInput.parse(input.payment);
  const actor = input.actor ?? checkoutActor;
  // The order's timeline, audit entries, payment ledger rows and events go in one statement at the end.
  return withDeferredAppends(db, async (tx) => {
    const cartId =
      input.foundCartId && input.cartToken !== undefined
        ? input.foundCartId
        : await cartIdOf(tx, storeId, input);
    const orderId = newId('order');
    const claim = await claimIdempotencyKey(
      tx,
      storeId,
      key,
      placementRequestHash({ cartId, provider: payment.provider }),
      orderId,
    );
    if (!claim.claimed) return replayOf(tx, storeId, claim.orderId);

    const store = input.store?.id === storeId ? input.store : await getStore(tx, storeId);
    const cart = await lockActiveCart(tx, storeId, cartId);
    const priced = await priceCart(tx, store, cart, {
      ...(input.now ? { now: input.now } : {}),
      ...(input.shippingTerms ? { shippingTerms: input.shippingTerms } : {}),
    });
    const email = assertPlaceable(cart, priced);
    if (input.expectedTotal !== undefined && input.expectedTotal !== priced.totals.total) {
      throw conflict('cart_total_changed', 'The total changed since it was shown; check the order again.', {
        expected: input.expectedTotal,
        total: priced.totals.total,
        currency: priced.currency,
      });
    }

    const reservation = await reserveLines(tx, storeId, priced, cart.id);
    const discounted = priced.discounts.applied.length > 0;
    if (discounted) {
      await reserveDiscountUsage(tx, storeId, {
        discounts: priced.discounts.applied.map((d) => ({ discountId: d.discountId, code: d.code })),
        customerKey: priced.customerKey,
        orderRef: cart.id,
      });
    }
    const customerId = input.customerId ?? cart.customerId ?? (await guestOf(tx, storeId, cart, email)).id;
    if (input.marketingConsent) {
      await recordMarketingConsent(tx, storeId, customerId, {
        source: 'checkout_checkbox',
        ...input.marketingConsent,
      });
    }
    const total = priced.totals.total;
    const order = await createOrder(
      tx,
      storeId,
      actor,
      orderFromPricedCart({
        cart,
        priced,
        customerId,
        email,
        reservationId: reservation.id,
        discountUsageRef: discounted ? cart.id : null,
        paymentProvider: total > 0 ? payment.provider : null,
        weights: new Map(priced.lines.map((l) => [l.variantId, l.weightGrams])),
      }),
      { id: orderId },
    );

    let paid: Payment | null = null;
    if (total > 0) {
      const settings = await getPaymentSettings(tx, storeId);
      paid = await authorisePayment(tx, storeId, {
        orderId: order.id,
        provider: payment.provider,
        amount: total,
        currency: priced.currency,
        capture: settings.captureMode,
        ...(payment.card ? { method: payment.card } : {}),
        ...(input.returnUrl ? { returnUrl: input.returnUrl } : {}),
        ...(input.now ? { now: input.now } : {}),
        ...(input.allowDisabledProvider ? { allowDisabledProvider: true, actor } : {}),
      });
      if (paid.state === 'failed') {
        throw paymentRequired('payment_declined', 'The payment was declined; nothing was charged.', {
          declineCode: paid.declineCode ?? 'card_declined',
        });
      }
      if (input.paymentReceived && paid.state === 'pending') {
        paid = await markPaymentReceived(tx, storeId, actor, paid.id);
      }
    }
    // The cart is marked before the placement completes: `completePlacement` takes the store's order
    // number, whose row lock concurrent checkouts queue on until this transaction commits.
    await markCartCompleted(tx, storeId, cart.id, order.id, cart);
    const placed = await completePlacement(tx, storeId, actor, order, paid, reservation);
    return { order: placed, payment: paid, replayed: false };
  });
}

/** The order (and its latest payment) a key made before. */
async function replayOf(tx: Db, storeId: string, orderId: string): Promise<PlacedOrder> {
  const [order, payments] = await Promise.all([
    getOrder(tx, storeId, orderId),
    paymentsOfOrder(tx, storeId, orderId),
  ]);
  return { order, payment: payments.at(-1) ?? null, replayed: true };
}

/**
 * What a cart needs before it becomes an order, checked in the order a shopper fills them in:
 * lines that can be bought, an e-mail, an address and a chosen way of shipping (when something is
 * shipped). Returns the e-mail.
 */
function assertPlaceable(cart: Cart, priced: PricedCart): string {
  if (priced.lines.length === 0) throw unprocessable('cart_empty', 'The cart is empty.', { cartId: cart.id });
  if (!priced.purchasable) {
    throw unprocessable('cart_not_purchasable', 'Some items cannot be bought as the cart is now.', {
      problems: priced.problems,
    });
  }
  const lapsed = priced.discounts.rejected.find((r) => r.kept && lapsedReasons.has(r.reason));
  if (lapsed) {
    const code =
      lapsed.reason === 'usage_limit_reached'
        ? 'discount_usage_limit_reached'
        : lapsed.reason === 'customer_limit_reached'
          ? 'discount_customer_limit_reached'
          : 'discount_code_unavailable';
    throw conflict(code, `The code ${lapsed.code} can no longer be used.`, {
      code: lapsed.code,
      reason: lapsed.reason,
    });
  }
  if (!cart.email) throw incomplete('contact', 'email', 'Give an e-mail address for the order.');
  if (priced.shipping.required) {
    if (!cart.shippingAddress) throw incomplete('address', 'shippingAddress', 'Give the shipping address.');
    if (priced.shipping.mode !== 'selected' || !priced.shipping.option) {
      throw incomplete('shipping', 'shippingOptionKey', 'Choose how the order is shipped.');
    }
  }
  return cart.email;
}

/**
 * Why a code the shopper applied stopped applying that must stop the placement: the total they saw
 * had it. (A code that waits for something to discount, or gives way to a better one, does not.)
 */
const lapsedReasons: ReadonlySet<string> = new Set([
  'usage_limit_reached',
  'customer_limit_reached',
  'expired',
  'disabled',
  'unknown_code',
]);

function incomplete(step: CheckoutStep, path: string, message: string) {
  return unprocessable('checkout_incomplete', message, { step, path });
}

/** Holds every line's stock; a line that cannot be covered is 409 `out_of_stock` naming it. */
async function reserveLines(tx: Db, storeId: string, priced: PricedCart, cartId: string) {
  try {
    return await reserveStock(tx, storeId, {
      items: priced.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })),
      reference: cartId,
    });
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'out_of_stock') throw err;
    const details = err.details as { variantId?: string; requested?: number; available?: number };
    const index = priced.lines.findIndex((l) => l.variantId === details.variantId);
    const line = priced.lines[index];
    throw conflict('out_of_stock', `Not enough stock for ${line?.title ?? 'an item'}.`, {
      ...details,
      path: `lines.${index}.quantity`,
      lineId: line?.lineId,
      title: line?.title,
    });
  }
}

/** The customer of a guest checkout: the store's customer with the e-mail, or a new guest. */
async function guestOf(tx: Db, storeId: string, cart: Cart, email: string) {
  const address = cart.billingAddress ?? cart.shippingAddress;
  return findOrCreateGuestCustomer(tx, storeId, {
    email,
    firstName: address?.firstName ?? null,
    lastName: address?.lastName ?? null,
    locale: cart.locale,
  });
}
