import { productArtPath } from '../demo/product-art.ts';
import type { Store } from '../modules/access/index.ts';
import type { Product } from '../modules/catalog/index.ts';
import type { AssignedVariant } from '../modules/experiments/index.ts';
import type { LocaleAlternate } from './locales/locale-site.ts';
import type { SiteMarket } from './market/shopper-market.ts';

/** One store as this request sees it: where it is mounted, in which language, where absolute URLs start. */
export interface StorefrontSite {
  store: Store;
  /**
   * Where this page's links start: '' when the store answers on its own domain, `/s/<handle>` when
   * reached by path prefix, followed by `/<locale>` on pages in a locale other than the default.
   */
  basePath: string;
  /** The store's own resources (sitemap, robots.txt), the same in every locale: '' or `/s/<handle>`. */
  storePath: string;
  /** Where absolute URLs start, e.g. `https://shop.example.com`; no trailing slash. */
  baseUrl: string;
  /** The page's language (BCP 47): the store's default locale unless the path names another (locales/). */
  locale: string;
  /** This page in every locale the store serves, for hreflang links and the language switcher. */
  alternates?: LocaleAlternate[];
  /** The shopper's market: the currency and prices the page shows, the country selector (market/). */
  market?: SiteMarket;
  /** The page carries the analytics consent banner (the store asks first; this visitor has not answered). */
  askConsent?: boolean;
  /** The visitor's variants of the store's running experiments (experiments/); none without. */
  experiments?: readonly AssignedVariant[];
  /** Product pages' "Free shipping on orders from …": the shopper's threshold (experiments/free-shipping.ts). */
  freeShippingFrom?: { amount: number; currency: string };
}

export function homePath(site: StorefrontSite): string {
  return `${site.basePath}/`;
}

export function productPath(site: StorefrontSite, productHandle: string): string {
  return `${site.basePath}/products/${encodeURIComponent(productHandle)}`;
}

export function sitemapPath(site: StorefrontSite): string {
  return `${site.storePath}/sitemap.xml`;
}

/** The n-th file (from 1) of a store whose sitemap is too large for one; `sitemap.xml` then indexes them. */
export function sitemapFilePath(site: StorefrontSite, n: number): string {
  return `${site.storePath}/sitemap-${n}.xml`;
}

export function absoluteUrl(baseUrl: string, pathOrUrl: string): string {
  return /^https?:\/\//i.test(pathOrUrl)
    ? pathOrUrl
    : `${baseUrl}${pathOrUrl.startsWith('/') ? '' : '/'}${pathOrUrl}`;
}

/** The product's own image, or its generated artwork when it has none, so every card has a picture. */
export function productImagePath(site: StorefrontSite, product: Product): string {
  return product.imageUrl ?? productArtPath(site.store.handle, product.handle);
}
