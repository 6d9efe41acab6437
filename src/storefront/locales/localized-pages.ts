import { storeLocales } from '../../modules/access/index.ts';
import {
  findLocalizedProduct,
  listActiveProducts,
  loadProductDetails,
  localizedSitemapFacts,
  localizeProductDetail,
  localizeProducts,
  type Product,
  type ProductDetail,
} from '../../modules/catalog/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { absoluteUrl, homePath, productPath, type StorefrontSite } from '../site.ts';
import type { SitemapEntry } from '../sitemap.ts';
import { localeAlternates, siteInLocale } from './locale-site.ts';

/** What the storefront's pages read, in the page's locale, with the page's other-language versions. */

/** The home page's products in the page's locale; the site comes back with the home's alternates. */
export async function loadLocalizedHome(db: Db, site: StorefrontSite, limit: number) {
  const products = await listActiveProducts(db, site.store.id, limit);
  return {
    site: { ...site, alternates: localeAlternates(site, homePath) },
    products: await localizeProducts(db, site.store, site.locale, products, 'card'),
  };
}

export type LocalizedProductPage =
  | { kind: 'page'; site: StorefrontSite; detail: ProductDetail; related: Product[] }
  /** The product lives at another handle in this locale (renamed, or localized): 301 there. */
  | { kind: 'moved'; location: string }
  | { kind: 'missing' };

/** A product page's content in the page's locale: the product, a few others to move on to, and its alternates. */
export async function loadLocalizedProductPage(
  db: Db,
  site: StorefrontSite,
  handle: string,
  relatedCount: number,
): Promise<LocalizedProductPage> {
  const { store } = site;
  const [found, recent] = await Promise.all([
    findLocalizedProduct(db, store, site.locale, handle),
    listActiveProducts(db, store.id, relatedCount + 1),
  ]);
  if (!found) return { kind: 'missing' };
  if ('movedTo' in found) return { kind: 'moved', location: productPath(site, found.movedTo) };
  const [detail] = await loadProductDetails(db, [found.product]);
  const others = recent.filter((p) => p.id !== found.product.id).slice(0, relatedCount);
  const [localized, related] = await Promise.all([
    localizeProductDetail(db, store, site.locale, detail!),
    localizeProducts(db, store, site.locale, others, 'card'),
  ]);
  const handleIn = (locale: string) => localized.handles.get(locale) ?? found.product.handle;
  return {
    kind: 'page',
    site: { ...site, alternates: localeAlternates(site, (s) => productPath(s, handleIn(s.locale))) },
    detail: localized.detail,
    related,
  };
}

/**
 * Sitemap entries for the home page and every active product in every served locale. Each entry
 * lists all versions of its page (itself included) as xhtml:link alternates, as search engines ask
 * of multilingual sitemaps; `lastmod` of a locale's page counts changes to its translations too.
 */
export async function loadLocalizedSitemap(
  db: Db,
  site: StorefrontSite,
  urlLimit: number,
): Promise<SitemapEntry[]> {
  const { store } = site;
  const locales = storeLocales(store);
  const products = await listActiveProducts(db, store.id, Math.floor(urlLimit / locales.length) - 1);
  const facts = locales.length > 1 ? await localizedSitemapFacts(db, store.id) : undefined;
  const newest = products.reduce<Date | undefined>(
    (d, p) => (!d || p.updatedAt > d ? p.updatedAt : d),
    undefined,
  );
  const entries: SitemapEntry[] = [];
  const homeAlternates = localeAlternates(site, homePath);
  for (const locale of locales) {
    const at = siteInLocale(site, locale);
    entries.push({
      loc: absoluteUrl(site.baseUrl, homePath(at)),
      lastmod: newest,
      alternates: homeAlternates,
    });
  }
  for (const product of products) {
    const handles = facts?.handles.get(product.id);
    const alternates = localeAlternates(site, (s) =>
      productPath(s, handles?.get(s.locale) ?? product.handle),
    );
    for (const locale of locales) {
      const at = siteInLocale(site, locale);
      const translated = facts?.updatedAt.get(product.id)?.get(locale);
      entries.push({
        loc: absoluteUrl(site.baseUrl, productPath(at, handles?.get(locale) ?? product.handle)),
        lastmod: translated && translated > product.updatedAt ? translated : product.updatedAt,
        alternates,
      });
    }
  }
  return entries;
}
