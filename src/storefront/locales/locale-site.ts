import {
  localeOfPathSegment,
  localePathSegment,
  type Store,
  storeLocales,
} from '../../modules/access/index.ts';
import { absoluteUrl, type StorefrontSite } from '../site.ts';

/**
 * Addresses of a store's pages per locale. The default locale has no prefix (`/products/x`); every
 * other served locale lives under its lower-case tag (`/fr/products/x`, `/s/<store>/fr-ca/products/x`).
 */

/** One version of a page: `hreflang` is the locale's tag, or `x-default` for the version served to everyone else. */
export interface LocaleAlternate {
  hreflang: string;
  locale: string;
  href: string;
}

export function storefrontSite(
  store: Store,
  storePath: string,
  baseUrl: string,
  locale: string = store.locale,
): StorefrontSite {
  const basePath = locale === store.locale ? storePath : `${storePath}/${localePathSegment(locale)}`;
  return { store, storePath, basePath, baseUrl, locale };
}

/** The same store and mount in another locale. */
export function siteInLocale(site: StorefrontSite, locale: string): StorefrontSite {
  return storefrontSite(site.store, site.storePath, site.baseUrl, locale);
}

/** What a path's locale segment means for a store: a served locale, a spelling to correct, or nothing. */
export type LocaleSegment =
  | { kind: 'locale'; locale: string }
  /** The default locale spelled out (`/en/…`), or a served locale in other case (`/FR/…`): 301 to this locale's address. */
  | { kind: 'redirect'; locale: string }
  | { kind: 'unknown' };

export function readLocaleSegment(store: Store, segment: string): LocaleSegment {
  const locale = localeOfPathSegment(store, segment);
  if (!locale) return { kind: 'unknown' };
  if (locale === store.locale || segment !== localePathSegment(locale)) return { kind: 'redirect', locale };
  return { kind: 'locale', locale };
}

/**
 * Every version of a page, given its path in a locale (undefined where the page has no version),
 * plus `x-default` pointing at the default locale's. Empty for a store that serves one locale, where
 * alternates say nothing.
 */
export function localeAlternates(
  site: StorefrontSite,
  pathIn: (site: StorefrontSite) => string | undefined,
): LocaleAlternate[] {
  const locales = storeLocales(site.store);
  if (locales.length < 2) return [];
  const alternates: LocaleAlternate[] = [];
  for (const locale of locales) {
    const path = pathIn(siteInLocale(site, locale));
    if (path !== undefined)
      alternates.push({ hreflang: locale, locale, href: absoluteUrl(site.baseUrl, path) });
  }
  const fallback = alternates.find((a) => a.locale === site.store.locale);
  if (fallback) alternates.push({ ...fallback, hreflang: 'x-default' });
  return alternates;
}
