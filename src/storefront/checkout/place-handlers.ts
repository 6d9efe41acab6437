import type { FastifyReply } from 'fastify';
import {
  cartCsrfToken,
  finishPaymentStep,
  isTokenOfCart,
  type PlacedOrder,
  placeOrderFromCart,
} from '../../modules/checkout/index.ts';
import { getOrder, type Order } from '../../modules/orders/index.ts';
import { getPayment, type Payment } from '../../modules/payments/index.ts';
import { AppError, badRequest } from '../../platform/errors.ts';
import { purchaseEvent } from '../analytics/page-events.ts';
import { clearCartCookies, setCartCookie } from '../cart/cart-cookies.ts';
import { exposeToThreshold, shippingTermsOf, shownFreeShippingFrom } from '../experiments/free-shipping.ts';
import { messagesFor } from '../locales/messages/storefront-messages.ts';
import { renderStoreNotFoundPage } from '../not-found-page.tsx';
import { orderPaths } from '../orders/order-paths.ts';
import { checkoutHandlers, keptValues } from './checkout-handlers.ts';
import { checkoutPaths } from './checkout-paths.ts';
import { placementRefusal } from './checkout-problems.ts';
import {
  type CheckoutRouteContext,
  type CheckoutVisit,
  field,
  postAllowed,
  seeOther,
  sendJsonError,
  sendPrivateHtml,
} from './checkout-visit.ts';
import { renderVerifyPage } from './verify-page.tsx';

/**
 * Placing the order (POST /checkout/place) and the card's extra step
 * (/checkout/payment/:paymentId/verify). A form post is answered 303 to the order status page (or
 * to the extra step), or with the checkout page and why not (402 for a declined card, 409 for a
 * sold-out item, 422 for a bad card number …). A JSON post (headless clients, the benchmark)
 * sends `{ payment: { provider, card? }, cartToken?, expectedTotal? }` with an `Idempotency-Key`
 * header and gets `{ order, payment, replayed }` (201, or 200 for a replay) or the error model.
 */
export function placeHandlers(context: CheckoutRouteContext) {
  const { db } = context;
  const pages = checkoutHandlers(context);

  async function place(visit: CheckoutVisit, body: unknown): Promise<FastifyReply> {
    const t = messagesFor(visit.site.locale);
    if (!visit.cartToken) {
      if (visit.json)
        return sendJsonError(
          visit.reply,
          badRequest('cart_required', 'Send the cart token (cookie or cartToken).'),
        );
      return seeOther(visit.reply, checkoutPaths.checkout(visit.site));
    }
    if (!postAllowed(visit, body)) {
      if (!visit.cart) return seeOther(visit.reply, checkoutPaths.checkout(visit.site));
      return pages.refused(visit, visit.cart, {
        status: 403,
        problems: { section: 'payment', form: t.accountFormExpired, fields: {} },
        values: keptValues(body),
      });
    }
    await context.tracking?.track(visit.request, visit.reply, visit.site, [
      { name: 'add_payment_info', currency: visit.cart?.currency ?? null },
    ]);
    let placed: PlacedOrder;
    try {
      placed = await placeOrderFromCart(db, {
        storeId: visit.store.id,
        store: visit.store,
        cartToken: visit.cartToken,
        ...(visit.cart ? { foundCartId: visit.cart.id } : {}),
        idempotencyKey: idempotencyKeyOf(visit, body),
        payment: paymentOf(visit, body),
        customerId: visit.signedIn?.customer.id ?? null,
        returnUrl: checkoutPaths.verifyTemplate(visit.site),
        marketingConsent:
          field(body, 'acceptsMarketing') === 'yes'
            ? { ip: visit.request.ip, userAgent: visit.request.headers['user-agent'] ?? null }
            : null,
        ...expectedTotalOf(visit, body),
        // Priced afresh on the server with the visitor's variant, as the cart and checkout showed it.
        ...shippingTermsOf(visit.site, visit.cart),
      });
    } catch (err) {
      if (visit.json) return sendJsonError(visit.reply, err);
      if (err instanceof AppError && err.code === 'cart_not_active') return toOrderOfCart(visit, err);
      const refusal = placementRefusal(t, err);
      if (!refusal || !visit.cart) {
        if (refusal) return seeOther(visit.reply, checkoutPaths.checkout(visit.site));
        throw err;
      }
      return pages.refused(visit, visit.cart, { ...refusal, values: keptValues(body) });
    }
    const { order, payment } = placed;
    if (!placed.replayed) await exposeOrder(visit, order);
    if (!placed.replayed && order.placedAt) await trackPurchase(visit, order);
    const waiting = payment?.state === 'requires_action';
    if (!waiting) clearCartCookies(visit.reply, visit.cartScope);
    if (visit.json) {
      return visit.reply
        .status(placed.replayed ? 200 : 201)
        .header('cache-control', 'private, no-store')
        .send(placementAnswer(visit, placed));
    }
    return seeOther(
      visit.reply,
      waiting ? checkoutPaths.verify(visit.site, payment.id) : orderPaths.status(visit.site, order.token),
    );
  }

  /** The order's shipping line was priced with the visitor's threshold (a headless client sees no page first). */
  async function exposeOrder(visit: CheckoutVisit, order: Order): Promise<void> {
    const country = order.shippingAddress?.country ?? null;
    if (!visit.visitor || !country) return;
    const threshold = await shownFreeShippingFrom(db, visit.site, { country, currency: order.currency });
    await exposeToThreshold(context.experiments, visit.request, visit.site, visit.visitor, threshold);
  }

  const trackPurchase = (visit: CheckoutVisit, order: Order) =>
    context.tracking?.track(visit.request, visit.reply, visit.site, [purchaseEvent(order)], order.customerId);

  /** The cart already became an order (placed with another key, e.g. from a second tab): show that order. */
  async function toOrderOfCart(visit: CheckoutVisit, err: AppError): Promise<FastifyReply> {
    const orderId = (err.details as { orderId?: unknown } | undefined)?.orderId;
    if (typeof orderId !== 'string') return seeOther(visit.reply, checkoutPaths.checkout(visit.site));
    const order = await getOrder(db, visit.store.id, orderId);
    return seeOther(visit.reply, orderPaths.status(visit.site, order.token));
  }

  /**
   * The payment and order of an extra step, when this browser holds the cart the order was placed
   * from (its cart cookie): nobody else may answer for the shopper. Undefined otherwise.
   */
  async function stepOf(
    visit: CheckoutVisit,
    paymentId: string,
  ): Promise<{ payment: Payment; order: Order } | undefined> {
    if (!visit.cartToken || !/^pay_[0-9a-z]{26}$/.test(paymentId)) return undefined;
    const payment = await getPayment(db, visit.store.id, paymentId).catch((err) => {
      if (err instanceof AppError && err.status === 404) return undefined;
      throw err;
    });
    if (!payment) return undefined;
    const order = await getOrder(db, visit.store.id, payment.orderId);
    if (!order.checkoutId || !(await isTokenOfCart(db, visit.store.id, order.checkoutId, visit.cartToken)))
      return undefined;
    return { payment, order };
  }

  const notFound = (visit: CheckoutVisit) => {
    if (visit.json) return sendJsonError(visit.reply, new AppError(404, 'not_found', 'Payment not found.'));
    return sendPrivateHtml(visit.reply, 404, renderStoreNotFoundPage(visit.site, 'page'));
  };

  /** Where a step that was already answered leads: the order when it was placed, else the checkout. */
  const afterStep = (visit: CheckoutVisit, order: Order) =>
    seeOther(
      visit.reply,
      order.placedAt ? orderPaths.status(visit.site, order.token) : checkoutPaths.checkout(visit.site),
    );

  return {
    place,

    /** GET /checkout/payment/:paymentId/verify: "Your bank asks you to confirm this payment". */
    async verifyPage(visit: CheckoutVisit, paymentId: string): Promise<FastifyReply> {
      const found = await stepOf(visit, paymentId);
      if (!found) return notFound(visit);
      if (found.payment.state !== 'requires_action') return afterStep(visit, found.order);
      const body = renderVerifyPage(visit.site, {
        payment: found.payment,
        csrfToken: cartCsrfToken(visit.cartToken!),
        action: checkoutPaths.verify(visit.site, paymentId),
      });
      return sendPrivateHtml(visit.reply, 200, body);
    },

    /** POST /checkout/payment/:paymentId/verify: `decision` = `approve` | `fail`. */
    async verify(visit: CheckoutVisit, paymentId: string, body: unknown): Promise<FastifyReply> {
      const found = await stepOf(visit, paymentId);
      if (!found) return notFound(visit);
      const decision = field(body, 'decision');
      if (!postAllowed(visit, body) || (decision !== 'approve' && decision !== 'fail')) {
        if (visit.json)
          return sendJsonError(
            visit.reply,
            badRequest('invalid_decision', 'Send decision: approve or fail.', { path: 'decision' }),
          );
        return seeOther(visit.reply, checkoutPaths.verify(visit.site, paymentId));
      }
      const finished = await finishPaymentStep(db, {
        storeId: visit.store.id,
        paymentId,
        approve: decision === 'approve',
      });
      if (finished.retryCart) {
        setCartCookie(visit.reply, visit.cartScope, finished.retryCart.token);
      } else if (finished.order.placedAt) {
        clearCartCookies(visit.reply, visit.cartScope);
        await trackPurchase(visit, finished.order);
      }
      if (visit.json) {
        return visit.reply.header('cache-control', 'private, no-store').send({
          ...placementAnswer(visit, { order: finished.order, payment: finished.payment, replayed: false }),
          cartToken: finished.retryCart?.token ?? null,
        });
      }
      if (finished.retryCart) {
        // The new cart holds what the old one did, so the header's count cookie stays as it is.
        return seeOther(visit.reply, `${checkoutPaths.checkout(visit.site)}?notice=payment-failed`);
      }
      return afterStep(visit, finished.order);
    },
  };
}

function idempotencyKeyOf(visit: CheckoutVisit, body: unknown): string {
  const header = visit.request.headers['idempotency-key'];
  if (typeof header === 'string' && header) return header;
  return field(body, 'idempotencyKey');
}

function paymentOf(visit: CheckoutVisit, body: unknown) {
  if (visit.json)
    return (body as { payment?: unknown } | null)?.payment as { provider: 'manual' | 'test_card' };
  const provider = field(body, 'provider') as 'manual' | 'test_card';
  if (provider !== 'test_card') return { provider };
  return {
    provider,
    card: {
      cardNumber: field(body, 'cardNumber'),
      expiry: field(body, 'expiry'),
      cvc: field(body, 'cvc'),
      ...(field(body, 'holderName') ? { holderName: field(body, 'holderName') } : {}),
    },
  };
}

function expectedTotalOf(visit: CheckoutVisit, body: unknown): { expectedTotal?: number } {
  const raw = visit.json
    ? (body as { expectedTotal?: unknown } | null)?.expectedTotal
    : field(body, 'expectedTotal');
  if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0) return { expectedTotal: raw };
  if (typeof raw === 'string' && /^\d{1,15}$/.test(raw)) return { expectedTotal: Number(raw) };
  return {};
}

/** A placement as a headless client reads it: the order, where its status page is, the payment and what to do next. */
function placementAnswer(visit: CheckoutVisit, placed: PlacedOrder) {
  const { order, payment } = placed;
  return {
    replayed: placed.replayed,
    order: {
      id: order.id,
      number: order.number,
      status: order.status,
      financialStatus: order.financialStatus,
      currency: order.currency,
      total: order.total,
      statusPath: orderPaths.status(visit.site, order.token),
    },
    payment: payment
      ? {
          id: payment.id,
          provider: payment.provider,
          state: payment.state,
          amount: payment.amount,
          actionUrl: payment.actionUrl,
        }
      : null,
  };
}
