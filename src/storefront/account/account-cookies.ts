import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CUSTOMER_SESSION_TTL_MS, type CustomerSessionGrant } from '../../modules/customers/index.ts';
import type { StorefrontSite } from '../site.ts';

/** The customer session (a random token; the database keeps its digest). */
export const CUSTOMER_COOKIE = 'sp_customer';
/** The pre-session nonce the CSRF tokens of sign-in, sign-up and reset forms are signed over. */
export const FORM_COOKIE = 'sp_customer_form';

/**
 * Where the cookies live: the store's own path (`/s/<handle>`, or `/` on its domain), so stores
 * sharing a host never see each other's cookies; Secure when the request came over https.
 */
export interface CookieScope {
  path: string;
  secure: boolean;
}

export function cookieScope(request: FastifyRequest, site: StorefrontSite): CookieScope {
  return { path: site.storePath || '/', secure: request.protocol === 'https' };
}

function options(scope: CookieScope) {
  return { httpOnly: true, sameSite: 'lax' as const, secure: scope.secure, path: scope.path };
}

export function setCustomerCookie(
  reply: FastifyReply,
  scope: CookieScope,
  grant: CustomerSessionGrant,
): void {
  reply.setCookie(CUSTOMER_COOKIE, grant.token, {
    ...options(scope),
    maxAge: Math.floor(CUSTOMER_SESSION_TTL_MS / 1000),
  });
}

export function clearCustomerCookie(reply: FastifyReply, scope: CookieScope): void {
  reply.clearCookie(CUSTOMER_COOKIE, options(scope));
}

/** The visitor's pre-session nonce, made (and set as a browser-session cookie) when there is none. */
export function formNonce(request: FastifyRequest, reply: FastifyReply, scope: CookieScope): string {
  const existing = request.cookies[FORM_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const nonce = randomBytes(32).toString('base64url');
  reply.setCookie(FORM_COOKIE, nonce, options(scope));
  return nonce;
}
