import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { cartCsrfToken } from '../../modules/checkout/index.ts';

/**
 * Cross-site request forgery, two locks (docs/checkout.md, "Forms and CSRF"):
 *
 * 1. Every cart and market form post must come from a page of this host: the browser's
 *    `Sec-Fetch-Site: same-origin`, else an `Origin` (or, failing that, `Referer`) naming this host.
 *    Browsers send these on every form post and a page cannot forge them.
 * 2. Forms of the cart page carry `_csrf`, a token derived from the cart's secret token (an HMAC
 *    keyed by it, `cartCsrfToken`), which only a page made for the cart cookie's holder contains.
 *
 * Add-to-cart (product pages) and the country selector (every page's footer) are on pages the page
 * cache shares between shoppers, so they cannot carry a shopper's token: they rely on the first
 * lock, and on the cart cookie being SameSite=Lax (a cross-site post does not send it).
 */
export function cameFromThisSite(request: FastifyRequest): boolean {
  const fetchSite = request.headers['sec-fetch-site'];
  if (typeof fetchSite === 'string') return fetchSite === 'same-origin';
  const origin = request.headers.origin ?? request.headers.referer;
  if (typeof origin !== 'string' || origin === 'null') return false;
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
}

/** Whether a form's `_csrf` is the cart's token. */
export function hasCartToken(cartToken: string | null, given: unknown): boolean {
  if (!cartToken || typeof given !== 'string') return false;
  const expected = Buffer.from(cartCsrfToken(cartToken));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
