import { storeLocales } from '../modules/access/index.ts';
import {
  type LiveListing,
  listLiveListings,
  listLiveProductAddresses,
  localizedSitemapFacts,
} from '../modules/catalog/index.ts';
import type { Db } from '../platform/db/database.ts';
import { categoryPath, collectionPath } from './listing/listing-paths.ts';
import { localeAlternates, siteInLocale } from './locales/locale-site.ts';
import { renderStoreNotFoundPage } from './not-found-page.tsx';
import type { RenderedPage } from './page-cache.ts';
import {
  absoluteUrl,
  homePath,
  productPath,
  type StorefrontSite,
  sitemapFilePath,
  sitemapPath,
} from './site.ts';
import {
  packSitemapFiles,
  renderSitemap,
  renderSitemapIndex,
  type SitemapEntry,
  type SitemapFile,
  type SitemapFileLimits,
} from './sitemap.ts';

const XML = 'application/xml; charset=utf-8';

/**
 * A store's sitemap: its home page, the category and collection pages that show live products, and
 * every live product page, each in every locale the store serves. Every URL lists all versions of
 * its page (itself included) as xhtml:link alternates plus `x-default`, as search engines ask of
 * multilingual sitemaps, with the addresses the pages themselves use (docs/translations.md).
 *
 * `lastmod`: a product page's is the product's last change, or a later change of its translation in
 * that locale; a listing's is the latest change of the listing or of a live product on it
 * (`listLiveListings`); the home page's is the latest change of any live product.
 *
 * A store that fits one file (50,000 URLs, `SITEMAP_BYTE_LIMIT` bytes) has it at `sitemap.xml`;
 * a larger one has numbered files (`sitemap-1.xml` …) that `sitemap.xml` indexes, with each file's
 * latest `lastmod`. Products come oldest first, so earlier files keep their contents as a store grows.
 */

/** Each page of the store as its addresses in every locale, in sitemap order. */
async function loadSitemapPages(db: Db, site: StorefrontSite): Promise<SitemapEntry[][]> {
  const { store } = site;
  const locales = storeLocales(store);
  const [products, listings, facts] = await Promise.all([
    listLiveProductAddresses(db, store.id),
    listLiveListings(db, store.id),
    locales.length > 1 ? localizedSitemapFacts(db, store.id) : undefined,
  ]);
  const sites = locales.map((locale) => siteInLocale(site, locale));
  /** One page: the same path rule in every locale, with one set of alternates shared by its URLs. */
  const page = (
    pathIn: (s: StorefrontSite) => string,
    lastmodIn: (s: StorefrontSite) => Date | undefined,
  ) => {
    const alternates = localeAlternates(site, pathIn);
    return sites.map((at) => {
      const lastmod = lastmodIn(at);
      return {
        loc: absoluteUrl(site.baseUrl, pathIn(at)),
        ...(lastmod ? { lastmod } : {}),
        ...(alternates.length > 0 ? { alternates } : {}),
      };
    });
  };

  const newest = products.reduce<Date | undefined>(
    (d, p) => (!d || p.updatedAt > d ? p.updatedAt : d),
    undefined,
  );
  const pages: SitemapEntry[][] = [page(homePath, () => newest)];
  const listingPage = (listing: LiveListing, path: (s: StorefrontSite, handle: string) => string) =>
    page(
      (s) => path(s, listing.handle),
      () => listing.lastChangedAt,
    );
  for (const category of listings.categories) pages.push(listingPage(category, categoryPath));
  for (const collection of listings.collections) pages.push(listingPage(collection, collectionPath));
  for (const product of products) {
    const handles = facts?.handles.get(product.id);
    const translated = facts?.updatedAt.get(product.id);
    pages.push(
      page(
        (s) => productPath(s, handles?.get(s.locale) ?? product.handle),
        (s) => {
          const at = translated?.get(s.locale);
          return at && at > product.updatedAt ? at : product.updatedAt;
        },
      ),
    );
  }
  return pages;
}

/** The store's sitemap files, split within the limits. */
export async function storeSitemapFiles(
  db: Db,
  site: StorefrontSite,
  limits: SitemapFileLimits,
): Promise<SitemapFile[]> {
  return packSitemapFiles(await loadSitemapPages(db, site), limits);
}

/**
 * What an index of several stores lists for this one: its `sitemap.xml`, or its numbered files when
 * it has several (an index may not list another index).
 */
export async function storeSitemapLocations(
  db: Db,
  site: StorefrontSite,
  limits: SitemapFileLimits,
): Promise<{ loc: string; lastmod?: Date }[]> {
  const files = await storeSitemapFiles(db, site, limits);
  if (files.length === 1) {
    return [{ loc: absoluteUrl(site.baseUrl, sitemapPath(site)), ...withLastmod(files[0]!) }];
  }
  return files.map((file, i) => ({
    loc: absoluteUrl(site.baseUrl, sitemapFilePath(site, i + 1)),
    ...withLastmod(file),
  }));
}

function withLastmod(file: SitemapFile): { lastmod?: Date } {
  return file.lastmod ? { lastmod: file.lastmod } : {};
}

/**
 * `sitemap.xml` (no `part`): the whole sitemap, or the index of its files when it needs several;
 * `sitemap-<part>.xml`: one of those files (part 1 of a one-file sitemap is that file). A part
 * past the last one is not found.
 */
export async function renderStoreSitemap(
  db: Db,
  site: StorefrontSite,
  limits: SitemapFileLimits,
  part?: number,
): Promise<RenderedPage> {
  const files = await storeSitemapFiles(db, site, limits);
  if (part === undefined) {
    const body =
      files.length === 1
        ? renderSitemap(files[0]!.entries)
        : renderSitemapIndex(
            files.map((file, i) => ({
              loc: absoluteUrl(site.baseUrl, sitemapFilePath(site, i + 1)),
              ...withLastmod(file),
            })),
          );
    return { status: 200, contentType: XML, body };
  }
  const file = files[part - 1];
  if (!file)
    return {
      status: 404,
      contentType: 'text/html; charset=utf-8',
      body: renderStoreNotFoundPage(site, 'page'),
    };
  return { status: 200, contentType: XML, body: renderSitemap(file.entries) };
}
