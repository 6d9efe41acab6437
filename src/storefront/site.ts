import { productArtPath } from '../demo/product-art.ts';
import type { Store } from '../modules/access/index.ts';
import type { Product } from '../modules/catalog/index.ts';

/** One store as this request sees it: where it is mounted and where its absolute URLs start. */
export interface StorefrontSite {
  store: Store;
  /** '' when the store answers on its own domain, `/s/<handle>` when reached by path prefix. */
  basePath: string;
  /** Where absolute URLs start, e.g. `https://shop.example.com`; no trailing slash. */
  baseUrl: string;
}

export function homePath(site: StorefrontSite): string {
  return `${site.basePath}/`;
}

export function productPath(site: StorefrontSite, productHandle: string): string {
  return `${site.basePath}/products/${encodeURIComponent(productHandle)}`;
}

export function sitemapPath(site: StorefrontSite): string {
  return `${site.basePath}/sitemap.xml`;
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
