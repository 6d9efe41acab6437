import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { ZodError } from 'zod';
import { productArtPath } from '../../demo/product-art.ts';
import { assertNotThrottled, recordFailedSignIn, tokenDigest } from '../../modules/access/index.ts';
import { findCartVariants } from '../../modules/catalog/index.ts';
import { isTokenOfCart } from '../../modules/checkout/index.ts';
import {
  getOrderByToken,
  getOrderSettings,
  listOrders,
  numberFromName,
  type OrderDetail,
  orderName,
  requestReturnByToken,
  returnableLines,
} from '../../modules/orders/index.ts';
import { getPaymentSettings, paymentsOfOrder } from '../../modules/payments/index.ts';
import { openCustomerTicket } from '../../modules/support/index.ts';
import { AppError } from '../../platform/errors.ts';
import { preSessionCsrf, preSessionFormOk } from '../account/account-visit.ts';
import { cameFromThisSite } from '../cart/cart-form-guard.ts';
import { checkoutPaths } from '../checkout/checkout-paths.ts';
import {
  type CheckoutRouteContext,
  type CheckoutVisit,
  field,
  seeOther,
  sendPrivateHtml,
} from '../checkout/checkout-visit.ts';
import { formatDay } from '../checkout/checkout-words.ts';
import { messagesFor } from '../locales/messages/storefront-messages.ts';
import { renderStoreNotFoundPage } from '../not-found-page.tsx';
import { renderOrderLookupPage } from './order-lookup-page.tsx';
import { orderPaths } from './order-paths.ts';
import { renderOrderStatusPage } from './order-status-page.tsx';

/** Status-page tokens are 24 URL-safe characters; anything else names no order (and is not looked up). */
const ORDER_TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

/** The `_csrf` of an order page's forms: an HMAC keyed by the order's token, which only its holder has. */
export function orderFormToken(orderToken: string): string {
  return createHmac('sha256', orderToken).update('storepilot order form').digest('base64url').slice(0, 32);
}

function orderFormOk(orderToken: string, given: string): boolean {
  const expected = Buffer.from(orderFormToken(orderToken));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * The order status page and its return form (`/orders/:token`), and the guest lookup
 * (`/orders/lookup`: order number + e-mail → the status page).
 */
export function orderHandlers({ db }: CheckoutRouteContext) {
  async function showStatus(
    visit: CheckoutVisit,
    order: OrderDetail,
    outcome: {
      status: number;
      returnProblem?: string | null;
      helpProblem?: string | null;
      values?: Record<string, string>;
    },
  ): Promise<FastifyReply> {
    const storeId = visit.store.id;
    const open = order.status !== 'cancelled';
    const [returnable, manualPayment, actionPath, variants, settings] = await Promise.all([
      open && order.fulfilmentStatus !== 'unfulfilled' ? returnableLines(db, storeId, order.id) : null,
      open && order.financialStatus === 'pending' && order.paymentProvider === 'manual'
        ? getPaymentSettings(db, storeId).then((s) => s.providers.manual)
        : null,
      open && order.financialStatus === 'requires_action' ? actionPathOf(visit, order) : null,
      findCartVariants(
        db,
        visit.store,
        visit.site.locale,
        order.lines.flatMap((l) => (l.variantId ? [l.variantId] : [])),
      ),
      getOrderSettings(db, storeId),
    ]);
    // The lines' pictures as the shop shows them now (the order keeps what was bought, not images).
    const images = new Map(
      [...variants].flatMap(([id, v]) => {
        const image = v.imageUrl ?? productArtPath(visit.store.handle, v.defaultHandle);
        return [[id, image] as const];
      }),
    );
    const query = visit.request.query as { notice?: unknown };
    const body = renderOrderStatusPage(visit.site, {
      order,
      numberPrefix: settings.numberPrefix,
      images,
      returnable,
      manualPayment,
      actionPath,
      csrfToken: orderFormToken(order.token),
      returnProblem: outcome.returnProblem ?? null,
      helpProblem: outcome.helpProblem ?? null,
      values: outcome.values ?? {},
      notice:
        outcome.status === 200 && (query.notice === 'return-requested' || query.notice === 'help-sent')
          ? query.notice
          : null,
      signedIn: visit.signedIn !== null,
    });
    return sendPrivateHtml(visit.reply, outcome.status, body);
  }

  /** The card's extra step, when it waits and this browser placed the order (it holds the order's cart). */
  async function actionPathOf(visit: CheckoutVisit, order: OrderDetail): Promise<string | null> {
    if (!visit.cartToken || !order.checkoutId) return null;
    if (!(await isTokenOfCart(db, visit.store.id, order.checkoutId, visit.cartToken))) return null;
    const waiting = (await paymentsOfOrder(db, visit.store.id, order.id)).findLast(
      (p) => p.state === 'requires_action',
    );
    return waiting ? checkoutPaths.verify(visit.site, waiting.id) : null;
  }

  const notFound = (visit: CheckoutVisit) =>
    sendPrivateHtml(visit.reply, 404, renderStoreNotFoundPage(visit.site, 'page'));

  async function orderOf(visit: CheckoutVisit, token: string): Promise<OrderDetail | null> {
    if (!ORDER_TOKEN.test(token)) return null;
    const order = await getOrderByToken(db, visit.store.id, token);
    return order && order.status !== 'draft' ? order : null;
  }

  async function showLookup(visit: CheckoutVisit, status: number, problem: string | null, values = {}) {
    const csrfToken = await preSessionCsrf(db, visit);
    const body = renderOrderLookupPage(visit.site, {
      csrfToken,
      problem,
      values,
      signedIn: visit.signedIn !== null,
    });
    return sendPrivateHtml(visit.reply, status, body);
  }

  return {
    /** GET /orders/:token. */
    async statusPage(visit: CheckoutVisit, token: string): Promise<FastifyReply> {
      const order = await orderOf(visit, token);
      if (!order) return notFound(visit);
      return showStatus(visit, order, { status: 200 });
    },

    /** POST /orders/:token/returns: `qty.<lineId>` and `reason.<lineId>` per line, `comment`. */
    async requestReturn(visit: CheckoutVisit, token: string, body: unknown): Promise<FastifyReply> {
      const t = messagesFor(visit.site.locale);
      const order = await orderOf(visit, token);
      if (!order) return notFound(visit);
      const values = Object.fromEntries(
        Object.entries((body ?? {}) as Record<string, unknown>).filter(
          (e): e is [string, string] => typeof e[1] === 'string' && e[0] !== '_csrf',
        ),
      );
      if (!cameFromThisSite(visit.request) || !orderFormOk(order.token, field(body, '_csrf'))) {
        return showStatus(visit, order, { status: 403, returnProblem: t.accountFormExpired, values });
      }
      const lines = Object.entries(values).flatMap(([name, quantity]) => {
        const lineId = name.startsWith('qty.') ? name.slice(4) : null;
        if (!lineId || !/^\d{1,6}$/.test(quantity) || Number(quantity) === 0) return [];
        return [
          { orderLineId: lineId, quantity: Number(quantity), reason: values[`reason.${lineId}`] ?? '' },
        ];
      });
      if (lines.length === 0)
        return showStatus(visit, order, { status: 422, returnProblem: t.orderReturnChoose, values });
      const comment = field(body, 'comment').trim();
      try {
        await db.transaction((tx) =>
          requestReturnByToken(tx, visit.store.id, order.token, {
            lines: lines as { orderLineId: string; quantity: number; reason: 'other' }[],
            ...(comment ? { comment } : {}),
          }),
        );
      } catch (err) {
        if (err instanceof ZodError)
          return showStatus(visit, order, { status: 400, returnProblem: t.orderReturnInvalid, values });
        if (!(err instanceof AppError) || err.status >= 500) throw err;
        const lastDay = (err.details as { lastDay?: unknown } | undefined)?.lastDay;
        const text =
          err.code === 'return_window_closed' && typeof lastDay === 'string'
            ? t.orderReturnWindowClosed(formatDay(visit.site.locale, lastDay))
            : err.code === 'return_quantity_exceeded'
              ? t.orderReturnTooMany
              : t.orderReturnInvalid;
        return showStatus(visit, order, { status: err.status, returnProblem: text, values });
      }
      return seeOther(visit.reply, `${orderPaths.status(visit.site, order.token)}?notice=return-requested`);
    },

    /**
     * POST /orders/:token/help: `help` (the message). Opens a support ticket linked to the order, from
     * the order's e-mail; the form's token is derived from the order's, like the return form's.
     */
    async askForHelp(visit: CheckoutVisit, token: string, body: unknown): Promise<FastifyReply> {
      const t = messagesFor(visit.site.locale);
      const order = await orderOf(visit, token);
      if (!order) return notFound(visit);
      const message = field(body, 'help').slice(0, 10_000);
      const values = { help: message };
      if (!cameFromThisSite(visit.request) || !orderFormOk(order.token, field(body, '_csrf'))) {
        return showStatus(visit, order, { status: 403, helpProblem: t.accountFormExpired, values });
      }
      if (!message.trim())
        return showStatus(visit, order, { status: 422, helpProblem: t.orderHelpEmpty, values });
      const { numberPrefix } = await getOrderSettings(db, visit.store.id);
      const address = order.shippingAddress ?? order.billingAddress;
      const name = [address?.firstName, address?.lastName].filter(Boolean).join(' ');
      await openCustomerTicket(db, visit.store.id, 'order_page', {
        email: order.email,
        ...(name ? { name } : {}),
        subject: t.orderHelpSubject(orderName(order, numberPrefix)),
        message,
        orderId: order.id,
      });
      return seeOther(visit.reply, `${orderPaths.status(visit.site, order.token)}?notice=help-sent#help`);
    },

    /** GET /orders/lookup. */
    lookupPage(visit: CheckoutVisit): Promise<FastifyReply> {
      return showLookup(visit, 200, null);
    },

    /**
     * POST /orders/lookup: `number`, `email`. A wrong number and a wrong e-mail get the same answer
     * after the same work (one query either way); failures count against the client address and the
     * e-mail in access's sign-in throttle (429 beyond it).
     */
    async lookup(visit: CheckoutVisit, body: unknown): Promise<FastifyReply> {
      const t = messagesFor(visit.site.locale);
      const values = {
        number: field(body, 'number').slice(0, 20),
        email: field(body, 'email').slice(0, 254),
      };
      if (!(await preSessionFormOk(db, visit, body)))
        return showLookup(visit, 403, t.accountFormExpired, values);
      const { numberPrefix } = await getOrderSettings(db, visit.store.id);
      const number = numberFromName(values.number, numberPrefix);
      const email = values.email.trim().toLowerCase();
      const key = tokenDigest(`order-lookup:${visit.store.id}:${email}`);
      const ip = visit.request.ip;
      try {
        await assertNotThrottled(db, key, ip);
      } catch (err) {
        if (err instanceof AppError && err.status === 429)
          return showLookup(visit, 429, t.orderLookupTooMany, values);
        throw err;
      }
      if (number === null || !email) return showLookup(visit, 422, t.orderLookupNotFound, values);
      const { items } = await listOrders(db, visit.store.id, { q: String(number), limit: 1 });
      const found = items.find((o) => o.number === number && o.email === email);
      if (!found) {
        await recordFailedSignIn(db, key, ip);
        return showLookup(visit, 404, t.orderLookupNotFound, values);
      }
      return seeOther(visit.reply, orderPaths.status(visit.site, found.token));
    },
  };
}
