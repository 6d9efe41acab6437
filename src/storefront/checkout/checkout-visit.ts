import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Cart, findCartByToken } from '../../modules/checkout/index.ts';
import { errorBody } from '../../platform/errors.ts';
import { mapError } from '../../platform/http/error-handler.ts';
import {
  type AccountParams,
  type AccountRouteContext,
  type AccountVisit,
  startVisit,
} from '../account/account-visit.ts';
import type { StorefrontTracking } from '../analytics/storefront-tracking.ts';
import { CART_COOKIE, type CookieScope, cartCookieScope } from '../cart/cart-cookies.ts';
import { cameFromThisSite, hasCartToken } from '../cart/cart-form-guard.ts';
import { type CartExperiments, withCartExperiments } from '../experiments/free-shipping.ts';
import type { ExperimentVisitor } from '../experiments/shopper-experiments.ts';
import { localeAlternates } from '../locales/locale-site.ts';
import { requestCookie } from '../market/shopper-market.ts';

/** What the storefront's routes lend the checkout and order pages (the account pages' context). */
export interface CheckoutRouteContext extends AccountRouteContext {
  /** Records the checkout's steps and purchases (analytics); nothing without it. */
  tracking?: StorefrontTracking;
  /** Visitors' variants of running experiments (the free-shipping threshold); none without. */
  experiments?: CartExperiments;
}

export type CheckoutParams = AccountParams & { paymentId?: string };

/**
 * One request to a checkout or order page: the store, page locale and signed-in customer (as the
 * account pages find them), and the shopper's cart from the `sp_cart` cookie — or, for a headless
 * client posting JSON, from `cartToken` in the body.
 */
export interface CheckoutVisit extends AccountVisit {
  cartToken: string | null;
  /** The active cart the token names; undefined when none (expired, used up, or no cookie). */
  cart: Cart | undefined;
  cartScope: CookieScope;
  /** A JSON request (a headless client): answered in JSON, without the form's CSRF token. */
  json: boolean;
  /** The visitor as experiments follow them (their variants are on `site`); null when in none here. */
  visitor: ExperimentVisitor | null;
}

/** Form posts and JSON bodies are small; anything larger is not one of these requests. */
export const CHECKOUT_BODY_LIMIT = 32 * 1024;

export async function startCheckoutVisit(
  context: CheckoutRouteContext,
  request: FastifyRequest<{ Params: CheckoutParams }>,
  reply: FastifyReply,
  options: { cart: boolean } = { cart: true },
): Promise<CheckoutVisit | undefined> {
  const visit = await startVisit(context, request, reply);
  if (!visit) return undefined;
  const json = isJson(request);
  // The visitor's free-shipping variant prices every step and the order, as it did the cart.
  const { site, visitor } = await withCartExperiments(context.db, context.experiments, request, reply, {
    ...visit.site,
    alternates: alternatesOf(visit, request),
  });
  const bodyToken = json ? (request.body as { cartToken?: unknown } | undefined)?.cartToken : undefined;
  const cartToken = typeof bodyToken === 'string' ? bodyToken : (requestCookie(request, CART_COOKIE) ?? null);
  const cart =
    options.cart && cartToken ? await findCartByToken(context.db, visit.store.id, cartToken) : undefined;
  return { ...visit, site, cartToken, cart, cartScope: cartCookieScope(request, site), json, visitor };
}

/** The same page in the store's other languages, for the language switcher. */
function alternatesOf(visit: AccountVisit, request: FastifyRequest) {
  const path = request.url.split('?')[0]!;
  if (request.method !== 'GET' || !path.startsWith(visit.site.basePath)) return visit.site.alternates;
  const rest = path.slice(visit.site.basePath.length);
  return localeAlternates(visit.site, (other) => `${other.basePath}${rest}`);
}

export function isJson(request: FastifyRequest): boolean {
  const type = request.headers['content-type'];
  return typeof type === 'string' && type.toLowerCase().startsWith('application/json');
}

/**
 * Whether a post may change the cart: a form must come from a page of this site and carry the
 * cart's CSRF token (docs/checkout.md, "Forms and CSRF"); a JSON post cannot be sent from another
 * site's page without the browser asking first (and this server never allows it), so it needs none.
 */
export function postAllowed(visit: CheckoutVisit, body: unknown): boolean {
  if (visit.json) return true;
  return (
    cameFromThisSite(visit.request) &&
    hasCartToken(visit.cartToken, (body as { _csrf?: unknown } | null)?._csrf)
  );
}

/** A text field of a posted form or JSON body ('' when absent or not text). */
export function field(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | null | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

/** Answers a JSON request with the error model's body (`{ error: { code, message, details } }`). */
export function sendJsonError(reply: FastifyReply, err: unknown): FastifyReply {
  const mapped = mapError(err);
  if (mapped.status >= 500) throw err;
  return reply
    .status(mapped.status)
    .header('cache-control', 'private, no-store')
    .send(errorBody(mapped.code, mapped.message, mapped.details));
}

/** Answers a page: personal, so never stored by any cache; no Referer leaves it; never framed. */
export function sendPrivateHtml(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'private, no-store')
    .header('referrer-policy', 'no-referrer')
    .header('x-robots-tag', 'noindex')
    .header('content-security-policy', "frame-ancestors 'none'")
    .send(body);
}

/** A form's answer: 303 to the page that shows the result. */
export function seeOther(reply: FastifyReply, location: string): FastifyReply {
  return reply.header('cache-control', 'private, no-store').redirect(location, 303);
}
