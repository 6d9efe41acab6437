import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../../modules/access/index.ts';
import {
  type AccountLinks,
  type Customer,
  customerOfSession,
  isPreSessionFormToken,
  preSessionFormToken,
} from '../../modules/customers/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { localeAlternates, storefrontSite } from '../locales/locale-site.ts';
import { pageLocale, sendLocaleRedirect } from '../locales/page-locale.ts';
import { renderStoreNotFoundPage } from '../not-found-page.tsx';
import { absoluteUrl, type StorefrontSite } from '../site.ts';
import {
  type CookieScope,
  CUSTOMER_COOKIE,
  clearCustomerCookie,
  cookieScope,
  FORM_COOKIE,
  formNonce,
} from './account-cookies.ts';
import { accountPaths } from './account-paths.ts';

/** What the storefront's routes lend the account pages. */
export interface AccountRouteContext {
  db: Db;
  storeByHost(hostname: string): Promise<Store | undefined>;
  storeByHandle(handle: string): Promise<Store | undefined>;
  baseUrlFor(request: FastifyRequest, mount: 'path' | 'host'): string;
  noStore(reply: FastifyReply, message: string): FastifyReply;
}

export type AccountParams = { store?: string; locale?: string; token?: string; addressId?: string };

/** One request to an account page: the store and page it is for, and who (if anyone) is signed in. */
export interface AccountVisit {
  request: FastifyRequest;
  reply: FastifyReply;
  store: Store;
  site: StorefrontSite;
  scope: CookieScope;
  signedIn: { customer: Customer; csrfToken: string } | null;
  /** The session cookie's value when it named a live session. */
  sessionToken: string | null;
}

const HTML = 'text/html; charset=utf-8';

/**
 * Answers with an account page: personal, so never stored by any cache (the page cache is not
 * used here at all), no Referer leaves it (a reset link's token is in its address) and no other
 * site may frame its forms.
 */
export function sendAccountHtml(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply
    .status(status)
    .header('content-type', HTML)
    .header('cache-control', 'private, no-store')
    .header('referrer-policy', 'no-referrer')
    .header('content-security-policy', "frame-ancestors 'none'")
    .send(body);
}

/** A form's answer: 303 to the page that shows the result (POST, redirect, GET). */
export function redirectAfterPost(reply: FastifyReply, location: string): FastifyReply {
  return reply.header('cache-control', 'private, no-store').redirect(location, 303);
}

export function sendNotFound(visit: AccountVisit): FastifyReply {
  return sendAccountHtml(visit.reply, 404, renderStoreNotFoundPage(visit.site, 'page'));
}

/**
 * Finds the store and locale of an account page and the signed-in customer. Undefined when the
 * answer was already sent: no such store, an unknown locale (404), or a locale written another
 * way (301 for a page, 404 for a form post, whose body a redirect would lose).
 */
export async function startVisit(
  context: AccountRouteContext,
  request: FastifyRequest<{ Params: AccountParams }>,
  reply: FastifyReply,
): Promise<AccountVisit | undefined> {
  const { store: handle, locale } = request.params;
  const byPath = handle !== undefined;
  const store = byPath ? await context.storeByHandle(handle) : await context.storeByHost(request.hostname);
  if (!store) {
    context.noStore(
      reply,
      byPath
        ? 'There is no store at this address.'
        : 'No store answers at this address. Pick one from the list of stores.',
    );
    return undefined;
  }
  const mount = byPath ? 'path' : 'host';
  const storePath = byPath ? `/s/${store.handle}` : '';
  const defaultSite = storefrontSite(store, storePath, context.baseUrlFor(request, mount));
  const located = pageLocale(request, defaultSite, false, locale);
  if (located.kind === 'redirect' && request.method === 'GET') {
    sendLocaleRedirect(reply, located);
    return undefined;
  }
  if (located.kind === 'redirect' || located.unknownLocale) {
    sendAccountHtml(reply, 404, renderStoreNotFoundPage(defaultSite, 'page'));
    return undefined;
  }
  const site = withAlternates(located.site, request);
  const scope = cookieScope(request, site);
  const cookie = request.cookies[CUSTOMER_COOKIE];
  const signedIn = cookie ? await customerOfSession(context.db, store.id, cookie) : null;
  if (cookie && !signedIn) clearCustomerCookie(reply, scope);
  return {
    request,
    reply,
    store,
    site,
    scope,
    signedIn,
    sessionToken: signedIn ? cookie! : null,
  };
}

/** The same account page in the store's other languages (for the language switcher); not for mailed links. */
function withAlternates(site: StorefrontSite, request: FastifyRequest): StorefrontSite {
  const path = request.url.split('?')[0]!;
  if (!path.startsWith(`${site.basePath}/account`)) return site;
  const rest = path.slice(site.basePath.length);
  if (/^\/account\/(reset|activate)\//.test(rest)) return site;
  return { ...site, alternates: localeAlternates(site, (other) => `${other.basePath}${rest}`) };
}

/** A text field of a posted form ('' when absent or not text). */
export function formField(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | null | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

/** The CSRF token of a form shown before sign-in (sets the pre-session cookie when there is none). */
export async function preSessionCsrf(db: Db, visit: AccountVisit): Promise<string> {
  return preSessionFormToken(db, visit.store.id, formNonce(visit.request, visit.reply, visit.scope));
}

/** True when a posted pre-session form carries the token of this visitor's pre-session cookie. */
export async function preSessionFormOk(db: Db, visit: AccountVisit, body: unknown): Promise<boolean> {
  const nonce = visit.request.cookies[FORM_COOKIE] ?? '';
  return isPreSessionFormToken(db, visit.store.id, nonce, formField(body, '_csrf'));
}

/** True when a posted form of a signed-in page carries the session's CSRF token. */
export function sessionFormOk(visit: AccountVisit, body: unknown): boolean {
  if (!visit.signedIn) return false;
  const given = Buffer.from(formField(body, '_csrf'));
  const expected = Buffer.from(visit.signedIn.csrfToken);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The absolute addresses mailed links point to, in the page's language. */
export function accountLinks(site: StorefrontSite): AccountLinks {
  return {
    locale: site.locale,
    activationUrl: (token) => absoluteUrl(site.baseUrl, accountPaths.activate(site, token)),
    resetUrl: (token) => absoluteUrl(site.baseUrl, accountPaths.reset(site, token)),
    loginUrl: absoluteUrl(site.baseUrl, accountPaths.login(site)),
  };
}
