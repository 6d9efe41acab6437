import type { FastifyReply, FastifyRequest } from 'fastify';
import { cartLimits } from '../../modules/checkout/index.ts';
import { MARKET_COOKIE } from '../market/shopper-market.ts';
import type { StorefrontSite } from '../site.ts';

/** The cart's token: httpOnly, so no script can read it. */
export const CART_COOKIE = 'sp_cart';
/**
 * Units in the cart, for the header's cart link on cached pages: not secret, so readable by the
 * little script that shows it (store-layout's cart link); the cart page itself renders the count.
 */
export const CART_COUNT_COOKIE = 'sp_cart_count';

const CART_MAX_AGE_S = Math.floor(cartLimits.lifetimeMs / 1000);
const MARKET_MAX_AGE_S = 365 * 24 * 60 * 60;

/**
 * Where a store's cookies live: its own path (`/s/<handle>`, or `/` on its domain), so stores that
 * share a host never see each other's carts; Secure when the request came over https.
 */
export interface CookieScope {
  path: string;
  secure: boolean;
}

export function cartCookieScope(request: FastifyRequest, site: StorefrontSite): CookieScope {
  return { path: site.storePath || '/', secure: request.protocol === 'https' };
}

const base = (scope: CookieScope) => ({ sameSite: 'lax' as const, secure: scope.secure, path: scope.path });

/** The cart's token, for 30 days from the last change (the cart's own lifetime). */
export function setCartCookie(reply: FastifyReply, scope: CookieScope, token: string): void {
  reply.setCookie(CART_COOKIE, token, { ...base(scope), httpOnly: true, maxAge: CART_MAX_AGE_S });
}

/** The header's count; 0 clears it. */
export function setCartCountCookie(reply: FastifyReply, scope: CookieScope, count: number): void {
  if (count > 0)
    reply.setCookie(CART_COUNT_COOKIE, String(count), { ...base(scope), maxAge: CART_MAX_AGE_S });
  else reply.clearCookie(CART_COUNT_COOKIE, base(scope));
}

/** Forgets the cart (it became an order, or no longer exists): both cookies go. */
export function clearCartCookies(reply: FastifyReply, scope: CookieScope): void {
  reply.clearCookie(CART_COOKIE, { ...base(scope), httpOnly: true });
  reply.clearCookie(CART_COUNT_COOKIE, base(scope));
}

/** The shopper's country choice (an ISO code, or `other`), for a year. */
export function setMarketCookie(reply: FastifyReply, scope: CookieScope, value: string): void {
  reply.setCookie(MARKET_COOKIE, value, { ...base(scope), httpOnly: true, maxAge: MARKET_MAX_AGE_S });
}
