import type { FastifyReply, FastifyRequest } from 'fastify';
import { storeLocales } from '../../modules/access/index.ts';
import { homePath, type StorefrontSite } from '../site.ts';
import { readLocaleSegment, siteInLocale } from './locale-site.ts';
import { preferredLocale } from './negotiate-locale.ts';

/**
 * The locale of a storefront request, and what to do about it:
 *
 * - A path prefix decides (`/fr/products/x`), whatever the browser's Accept-Language says.
 * - A prefix the store does not serve (unknown, malformed or merely disabled) is a 404: serving the
 *   default locale there would put a second copy of every page under addresses nobody links to.
 * - The default locale spelled out (`/en/…`) and a served locale in other case (`/FR/…`) answer 301
 *   to the one address each page has.
 * - Only the store's home without a prefix negotiates: a visitor arriving from elsewhere whose
 *   browser prefers another served locale gets a 302 to that locale's home. Someone already browsing
 *   the store (a Referer from the same host) chose this page, e.g. through the language switcher, and
 *   gets it. That response varies with Accept-Language and Referer and says so; every other page
 *   depends only on its path, so the page cache keys on path (and locale) alone.
 */
export type PageLocale =
  | { kind: 'render'; site: StorefrontSite; unknownLocale?: boolean; vary?: string[] }
  | { kind: 'redirect'; status: 301 | 302; location: string; vary?: string[] };

const HOME_VARY = ['accept-language', 'referer'];

export function pageLocale(
  request: FastifyRequest,
  defaultSite: StorefrontSite,
  isHome: boolean,
  localeSegment?: string,
): PageLocale {
  const { store } = defaultSite;
  if (localeSegment !== undefined) {
    const segment = readLocaleSegment(store, localeSegment);
    if (segment.kind === 'unknown') return { kind: 'render', site: defaultSite, unknownLocale: true };
    const site = siteInLocale(defaultSite, segment.locale);
    if (segment.kind === 'locale') return { kind: 'render', site };
    // Same path after the prefix, under the locale's one spelling (or none for the default).
    const prefix = `${defaultSite.storePath}/${localeSegment}`;
    const rest = request.url.startsWith(prefix) ? request.url.slice(prefix.length) : '/';
    return {
      kind: 'redirect',
      status: 301,
      location: `${site.basePath}${rest.startsWith('/') ? rest : `/${rest}`}`,
    };
  }
  if (!isHome || storeLocales(store).length < 2) return { kind: 'render', site: defaultSite };
  if (!cameFromThisSite(request)) {
    const wanted = preferredLocale(request.headers['accept-language'], storeLocales(store), store.locale);
    if (wanted !== store.locale) {
      return {
        kind: 'redirect',
        status: 302,
        location: homePath(siteInLocale(defaultSite, wanted)),
        vary: HOME_VARY,
      };
    }
  }
  return { kind: 'render', site: defaultSite, vary: HOME_VARY };
}

function cameFromThisSite(request: FastifyRequest): boolean {
  const referer = request.headers.referer;
  if (!referer) return false;
  try {
    return new URL(referer).hostname === request.hostname;
  } catch {
    return false;
  }
}

/** Answers a locale redirect; it depends on request headers only when `vary` says so. */
export function sendLocaleRedirect(reply: FastifyReply, redirect: Extract<PageLocale, { kind: 'redirect' }>) {
  reply.header('location', redirect.location).header('cache-control', 'no-cache');
  if (redirect.vary) reply.header('vary', redirect.vary.join(', '));
  return reply
    .status(redirect.status)
    .type('text/plain; charset=utf-8')
    .send(`Moved to ${redirect.location}`);
}
