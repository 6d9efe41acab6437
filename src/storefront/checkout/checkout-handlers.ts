import { randomUUID } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { ZodError } from 'zod';
import {
  applyDiscountCode,
  attachCustomer,
  type Cart,
  cartCsrfToken,
  type PricedCart,
  priceCart,
  removeDiscountCode,
  selectCartShippingOption,
  setCartAddresses,
  setCartContact,
} from '../../modules/checkout/index.ts';
import { addressInput, getAddress, listAddresses } from '../../modules/customers/index.ts';
import { listMarkets } from '../../modules/markets/index.ts';
import { getPaymentSettings } from '../../modules/payments/index.ts';
import { AppError, badRequest, unprocessable } from '../../platform/errors.ts';
import { formatMoney } from '../../platform/money.ts';
import { checkoutEvent } from '../analytics/page-events.ts';
import { cartCountries } from '../cart/cart-countries.ts';
import { codeMessage } from '../cart/cart-page.tsx';
import { exposeToThreshold, shippingTermsOf, shownFreeShippingFrom } from '../experiments/free-shipping.ts';
import { messagesFor } from '../locales/messages/storefront-messages.ts';
import { addressFieldNames } from './address-section.tsx';
import { renderCheckoutPage, renderEmptyCheckoutPage, type SectionProblems } from './checkout-page.tsx';
import { type CheckoutSection, checkoutPaths } from './checkout-paths.ts';
import { addressRefusal, codeRefusal, type Refusal } from './checkout-problems.ts';
import { checkoutProgress } from './checkout-progress.ts';
import {
  type CheckoutRouteContext,
  type CheckoutVisit,
  field,
  postAllowed,
  seeOther,
  sendJsonError,
  sendPrivateHtml,
} from './checkout-visit.ts';
import { openDraftLink } from './draft-link.ts';

/** Fields a refused form shows again: everything typed but the CSRF token and card details. */
const NOT_KEPT = new Set([
  '_csrf',
  'cardNumber',
  'expiry',
  'cvc',
  'holderName',
  'idempotencyKey',
  'expectedTotal',
]);

/** Notices the checkout page shows from its query string (`?notice=`): a fixed set, nothing typed. */
const queryNotices = ['payment-failed'] as const;

/**
 * The checkout page and its steps (docs/checkout.md, "Checkout"): each section is a form that
 * changes the cart through the checkout module and answers 303 back to the page, which prices the
 * cart afresh; a refused form answers 4xx with the page, its problems beside the fields and what
 * was typed kept. A JSON request (a headless client) gets the cart's state, or the error model.
 */
export function checkoutHandlers(context: CheckoutRouteContext) {
  const { db } = context;

  async function showPage(
    visit: CheckoutVisit,
    cart: Cart,
    outcome: {
      status: number;
      problems?: SectionProblems | null;
      values?: Record<string, string>;
      notice?: string | null;
      open?: unknown;
    },
  ): Promise<FastifyReply> {
    const { store } = visit;
    const customer = visit.signedIn?.customer ?? null;
    const [priced, savedAddresses, markets, payments] = await Promise.all([
      priceCart(db, store, cart, shippingTermsOf(visit.site, cart)),
      customer ? listAddresses(db, store.id, customer.id) : [],
      listMarkets(db, store),
      getPaymentSettings(db, store.id),
    ]);
    if (priced.lines.length === 0)
      return sendPrivateHtml(
        visit.reply,
        outcome.status,
        renderEmptyCheckoutPage(visit.site, customer !== null),
      );
    if (outcome.status === 200 && visit.request.method === 'GET') {
      // The shipping options shown are priced with the visitor's threshold: they are exposed to it.
      if (visit.visitor && priced.shipping.required) {
        const where = { country: priced.country, currency: priced.currency };
        const threshold = await shownFreeShippingFrom(db, visit.site, where);
        await exposeToThreshold(context.experiments, visit.request, visit.site, visit.visitor, threshold);
      }
      await context.tracking?.track(
        visit.request,
        visit.reply,
        visit.site,
        [
          { name: 'page_view', pagePath: visit.request.url.split('?')[0]! },
          checkoutEvent('begin_checkout', priced),
        ],
        customer?.id ?? null,
      );
    }
    const countries = await cartCountries(db, store, markets);
    const section = outcome.problems?.section;
    const open =
      outcome.open ?? (section && section !== 'discount' && section !== 'payment' ? section : undefined);
    const body = renderCheckoutPage(visit.site, {
      cart,
      priced,
      progress: checkoutProgress(cart, priced, open),
      csrfToken: cartCsrfToken(visit.cartToken!),
      customer,
      savedAddresses,
      countries,
      payments,
      idempotencyKey: randomUUID(),
      problems: outcome.problems ?? null,
      values: outcome.values ?? {},
      notice: outcome.notice ?? null,
    });
    return sendPrivateHtml(visit.reply, outcome.status, body);
  }

  /** The cart as a headless client sees it after a step: what it holds and costs, and what is left to do. */
  function sendState(visit: CheckoutVisit, cart: Cart, priced: PricedCart): FastifyReply {
    const progress = checkoutProgress(cart, priced);
    return visit.reply.header('cache-control', 'private, no-store').send({
      cart: {
        id: cart.id,
        email: cart.email,
        shippingAddress: cart.shippingAddress,
        billingAddress: cart.billingAddress,
        shippingOptionKey: cart.shippingOptionKey,
        discountCodes: cart.discountCodes,
      },
      priced,
      progress: { done: progress.done, readyToPay: progress.readyToPay, next: progress.open },
    });
  }

  /**
   * The common part of every step: a cart to change (else back to the page, or 404 in JSON), the
   * CSRF check (else the page again, 403), then the change; its refusal shows in the page.
   */
  async function step(
    visit: CheckoutVisit,
    body: unknown,
    section: SectionProblems['section'],
    change: (
      cart: Cart,
    ) => Promise<{ cart: Cart; next: CheckoutSection | null; priced?: PricedCart } | Refusal>,
  ): Promise<FastifyReply> {
    const t = messagesFor(visit.site.locale);
    const { cart } = visit;
    if (!cart) {
      if (visit.json) return sendJsonError(visit.reply, new AppError(404, 'not_found', 'Cart not found.'));
      return seeOther(visit.reply, checkoutPaths.checkout(visit.site));
    }
    if (visit.json && (typeof body !== 'object' || body === null || Array.isArray(body))) {
      return sendJsonError(visit.reply, badRequest('invalid_body', 'Send a JSON object.'));
    }
    const values = keptValues(body);
    if (!postAllowed(visit, body)) {
      return showPage(visit, cart, {
        status: 403,
        problems: { section, form: t.accountFormExpired, fields: {} },
        values,
      });
    }
    let outcome: { cart: Cart; next: CheckoutSection | null; priced?: PricedCart } | Refusal;
    try {
      outcome = await change(cart);
    } catch (err) {
      if (visit.json) return sendJsonError(visit.reply, err);
      // A used-up cart, or a draft order's (staff prepared it: it is paid as it is, never changed).
      if (err instanceof AppError && (err.code === 'cart_not_active' || err.code === 'draft_order_locked'))
        return seeOther(visit.reply, checkoutPaths.checkout(visit.site));
      throw err;
    }
    if ('status' in outcome) {
      if (visit.json) {
        const fields = outcome.problems?.fields ?? {};
        return sendJsonError(
          visit.reply,
          new AppError(422, 'validation_failed', 'Some fields are not valid.', fields),
        );
      }
      return showPage(visit, cart, {
        status: outcome.status,
        problems: outcome.problems,
        values,
        notice: outcome.notice ?? null,
      });
    }
    if (section === 'shipping') {
      const priced =
        outcome.priced ??
        (await priceCart(db, visit.store, outcome.cart, shippingTermsOf(visit.site, outcome.cart)));
      await context.tracking?.track(visit.request, visit.reply, visit.site, [
        checkoutEvent('add_shipping_info', priced),
      ]);
      outcome.priced = priced;
    }
    if (visit.json) {
      // A step that priced the changed cart already (shipping) answers with that price.
      return sendState(
        visit,
        outcome.cart,
        outcome.priced ??
          (await priceCart(db, visit.store, outcome.cart, shippingTermsOf(visit.site, outcome.cart))),
      );
    }
    return seeOther(
      visit.reply,
      outcome.next ? checkoutPaths.section(visit.site, outcome.next) : checkoutPaths.checkout(visit.site),
    );
  }

  /** Where the shopper goes after a section: the next one the cart needs (shipping is skipped when nothing ships). */
  const after = (section: CheckoutSection): CheckoutSection =>
    section === 'contact' ? 'address' : section === 'address' ? 'shipping' : 'payment';

  return {
    /** The checkout page again with why a post was refused (the place form's refusals too). */
    refused: (visit: CheckoutVisit, cart: Cart, outcome: Refusal & { values?: Record<string, string> }) =>
      showPage(visit, cart, outcome),

    /** GET /checkout. */
    async page(visit: CheckoutVisit): Promise<FastifyReply> {
      const draftToken = (visit.request.query as { draft?: unknown }).draft;
      if (typeof draftToken === 'string') return openDraftLink(db, visit, draftToken);
      const { cart } = visit;
      const customer = visit.signedIn?.customer ?? null;
      if (!cart || cart.lines.length === 0) {
        return sendPrivateHtml(visit.reply, 200, renderEmptyCheckoutPage(visit.site, customer !== null));
      }
      let current = cart;
      if (customer && cart.customerId === null) {
        // A signed-in shopper's cart is theirs: their e-mail fills the contact step, their limits apply.
        current = await attachCustomer(db, visit.store.id, cart.id, {
          customerId: customer.id,
          email: customer.email,
        }).catch((err) => {
          if (err instanceof AppError && err.status === 409) return cart;
          throw err;
        });
      }
      const query = visit.request.query as { edit?: unknown; notice?: unknown };
      const t = messagesFor(visit.site.locale);
      const notice = queryNotices.find((n) => n === query.notice) ? t.checkoutStepFailed : null;
      return showPage(visit, current, { status: 200, open: query.edit, notice });
    },

    /** POST /checkout/contact: `email`. */
    contact(visit: CheckoutVisit, body: unknown): Promise<FastifyReply> {
      const t = messagesFor(visit.site.locale);
      return step(visit, body, 'contact', async (cart) => {
        try {
          const changed = await setCartContact(db, visit.store.id, cart, { email: field(body, 'email') });
          return { cart: changed, next: after('contact') };
        } catch (err) {
          if (visit.json || !(err instanceof AppError) || err.code !== 'invalid_email') throw err;
          return { status: 422, problems: { section: 'contact', fields: { email: t.accountEmailInvalid } } };
        }
      });
    },

    /**
     * POST /checkout/address: a saved address (`savedAddressId`), or the form's `shipping.*` fields
     * and, unless `billingSame`, its `billing.*` ones. JSON: `{ shippingAddress, billingAddress? }`.
     */
    address(visit: CheckoutVisit, body: unknown): Promise<FastifyReply> {
      const t = messagesFor(visit.site.locale);
      const { store } = visit;
      const storeId = store.id;
      return step(visit, body, 'address', async (cart) => {
        if (visit.json) {
          const { shippingAddress, billingAddress } = body as Record<string, unknown>;
          if (shippingAddress === undefined && billingAddress === undefined) {
            throw badRequest(
              'address_required',
              'Send shippingAddress (and billingAddress when it differs).',
              {
                path: 'shippingAddress',
              },
            );
          }
          const input = { shippingAddress, ...(billingAddress !== undefined ? { billingAddress } : {}) };
          const changed = await setCartAddresses(
            db,
            store,
            cart,
            input as Parameters<typeof setCartAddresses>[3],
          );
          return { cart: changed, next: after('address') };
        }
        const savedId = field(body, 'savedAddressId');
        const customer = visit.signedIn?.customer;
        if (savedId && customer) {
          const {
            id: _id,
            customerId: _c,
            isDefault: _d,
            ...address
          } = await getAddress(db, storeId, customer.id, savedId);
          const changed = await setCartAddresses(db, store, cart, {
            shippingAddress: address,
            billingAddress: null,
          });
          return { cart: changed, next: after('address') };
        }
        const shipping = addressInput.safeParse(addressOf(body, 'shipping'));
        if (!shipping.success) return addressRefusal(t, shipping.error, 'shipping')!;
        const same = field(body, 'billingSame') === 'on';
        const billing = same ? null : addressInput.safeParse(addressOf(body, 'billing'));
        if (billing && !billing.success) return addressRefusal(t, billing.error, 'billing')!;
        try {
          const changed = await setCartAddresses(db, store, cart, {
            shippingAddress: shipping.data,
            billingAddress: billing ? billing.data : null,
          });
          return { cart: changed, next: after('address') };
        } catch (err) {
          const refusal = err instanceof ZodError ? addressRefusal(t, err) : null;
          if (refusal) return refusal;
          throw err;
        }
      });
    },

    /** POST /checkout/shipping: `option`, a shipping rate's or pick-up option's key. */
    shipping(visit: CheckoutVisit, body: unknown): Promise<FastifyReply> {
      const t = messagesFor(visit.site.locale);
      return step(visit, body, 'shipping', async (cart) => {
        try {
          let priced: PricedCart | undefined;
          const changed = await selectCartShippingOption(
            db,
            visit.store,
            cart,
            field(body, 'option') || null,
            {
              ...shippingTermsOf(visit.site, cart),
              onPriced: (p) => {
                priced = p;
              },
            },
          );
          if (!changed.shippingOptionKey) {
            if (visit.json)
              throw badRequest('invalid_shipping_option', 'Name a shipping option.', { path: 'option' });
            return {
              status: 422,
              problems: { section: 'shipping', fields: { option: t.checkoutChooseShipping } },
            };
          }
          return { cart: changed, next: after('shipping'), ...(priced ? { priced } : {}) };
        } catch (err) {
          if (visit.json || !(err instanceof AppError)) throw err;
          if (err.code !== 'invalid_shipping_option' && err.code !== 'shipping_option_unavailable') throw err;
          const text =
            err.code === 'invalid_shipping_option' ? t.checkoutChooseShipping : t.checkoutShippingUnavailable;
          return { status: err.status, problems: { section: 'shipping', fields: { option: text } } };
        }
      });
    },

    /** POST /checkout/discount: `code`. A code that does not apply answers 422 with why. */
    discount(visit: CheckoutVisit, body: unknown): Promise<FastifyReply> {
      const t = messagesFor(visit.site.locale);
      return step(visit, body, 'discount', async (cart) => {
        let result: Awaited<ReturnType<typeof applyDiscountCode>>;
        try {
          result = await applyDiscountCode(
            db,
            visit.store,
            cart,
            field(body, 'code'),
            shippingTermsOf(visit.site, cart),
          );
        } catch (err) {
          const refusal = visit.json ? null : codeRefusal(t, err);
          if (refusal) return refusal;
          throw err;
        }
        if (result.applied)
          return { cart: result.cart, next: null, ...(result.priced ? { priced: result.priced } : {}) };
        const currency = result.cart.currency;
        const money = (amount: number) => formatMoney(amount, currency, visit.site.locale);
        const code = field(body, 'code').trim();
        if (visit.json) {
          throw unprocessable(
            'discount_code_rejected',
            result.rejection?.message ?? 'This code does not apply.',
            {
              path: 'code',
              reason: result.rejection?.reason ?? 'not_applicable',
            },
          );
        }
        const text = result.rejection
          ? codeMessage(t, result.rejection, currency, money)
          : t.cartCodeNotApplicable(code);
        return { status: 422, problems: { section: 'discount', fields: { code: text } } };
      });
    },

    /** POST /checkout/discount/remove: `code`. */
    removeDiscount(visit: CheckoutVisit, body: unknown): Promise<FastifyReply> {
      const t = messagesFor(visit.site.locale);
      return step(visit, body, 'discount', async (cart) => {
        try {
          return {
            cart: await removeDiscountCode(db, visit.store.id, cart.id, field(body, 'code')),
            next: null,
          };
        } catch (err) {
          const refusal = visit.json ? null : codeRefusal(t, err);
          if (refusal) return refusal;
          throw err;
        }
      });
    },
  };
}

/** The posted address of one kind (`shipping.*` or `billing.*`), as the customers module checks it. */
function addressOf(body: unknown, prefix: 'shipping' | 'billing'): Record<string, string> {
  return Object.fromEntries(addressFieldNames.map((name) => [name, field(body, `${prefix}.${name}`)]));
}

/** What a refused form shows again. */
export function keptValues(body: unknown): Record<string, string> {
  if (!body || typeof body !== 'object') return {};
  return Object.fromEntries(
    Object.entries(body as Record<string, unknown>).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && !NOT_KEPT.has(entry[0]),
    ),
  );
}
