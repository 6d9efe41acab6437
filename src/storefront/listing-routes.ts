import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../modules/access/index.ts';
import {
  categoryTrail,
  findRedirect,
  loadCoverImageManifests,
  loadStoreCategories,
  type StockSource,
  searchCatalog,
} from '../modules/catalog/index.ts';
import type { Db } from '../platform/db/database.ts';
import { AppError } from '../platform/errors.ts';
import { withConsentPrompt } from './analytics/consent.ts';
import { searchEvent, viewItemListEvent } from './analytics/page-events.ts';
import type { StorefrontTracking } from './analytics/storefront-tracking.ts';
import { renderCategoryPage } from './category-page.tsx';
import { loadCollectionPage, withListingSortNames } from './collection-route.ts';
import { renderListingErrorPage } from './listing/listing-error-page.tsx';
import type { ListingLinks } from './listing/listing-links.ts';
import { lastPage } from './listing/listing-pagination.tsx';
import {
  hasFilters,
  LISTING_PAGE_SIZE,
  type ListingParams,
  type ListingSort,
  listingQuery,
  parseListingParams,
} from './listing/listing-params.ts';
import { categoryPath, collectionPath, searchPath } from './listing/listing-paths.ts';
import { listingSearch } from './listing/listing-search.ts';
import { storefrontSite } from './locales/locale-site.ts';
import { pageLocale, sendLocaleRedirect } from './locales/page-locale.ts';
import { withCardPrices } from './market/market-prices.ts';
import { marketCacheKey, marketVary, type ShopperMarkets } from './market/shopper-market.ts';
import { renderStoreNotFoundPage } from './not-found-page.tsx';
import type { PageCache, RenderedPage } from './page-cache.ts';
import { sendCachedPage } from './page-response.ts';
import { renderSearchPage } from './search-page.tsx';
import type { StorefrontSite } from './site.ts';

/** What the storefront's routes lend the listing pages. */
export interface ListingRouteContext {
  db: Db;
  pages: PageCache;
  storeByHost(hostname: string): Promise<Store | undefined>;
  storeByHandle(handle: string): Promise<Store | undefined>;
  baseUrlFor(request: FastifyRequest, mount: 'path' | 'host'): string;
  noStore(reply: FastifyReply, message: string): FastifyReply;
  /** Which variants are in stock (the in-stock filter and count); every variant without one. */
  stock?: StockSource;
  /** The shopper's market, for the cards' prices (base prices without one). */
  markets?: ShopperMarkets;
  /** Records page views, listings shown and searches (analytics); nothing without it. */
  tracking?: StorefrontTracking;
}

type ListingKind = 'search' | 'category' | 'collection';

const HTML = 'text/html; charset=utf-8';
const SEARCH_SORTS: readonly ListingSort[] = ['relevance', 'newest', 'price-asc', 'price-desc', 'title'];
const BROWSE_SORTS: readonly ListingSort[] = ['newest', 'price-asc', 'price-desc', 'title'];

const notFound = (site: StorefrontSite): RenderedPage => ({
  status: 404,
  contentType: HTML,
  body: renderStoreNotFoundPage(site, 'page'),
});

/** Renders /search: nothing is read until something is asked. */
async function searchPage(
  db: Db,
  site: StorefrontSite,
  params: ListingParams,
  stock?: StockSource,
): Promise<RenderedPage> {
  const currency = site.store.baseCurrency;
  const links: ListingLinks = {
    path: searchPath(site),
    currency,
    categoryHref: (category, p) =>
      `${searchPath(site)}${listingQuery({ ...p, category: category.handle }, currency)}`,
  };
  const sorts = params.q ? SEARCH_SORTS : BROWSE_SORTS;
  if (!params.q && !hasFilters(params)) {
    const body = renderSearchPage(site, { params, links, sorts, pageSize: LISTING_PAGE_SIZE });
    return { status: 200, contentType: HTML, body };
  }
  const categories = await loadStoreCategories(db, site.store.id);
  const category = params.category ? categories.find((c) => c.handle === params.category) : undefined;
  if (params.category && !category) return notFound(site);
  const result = await searchCatalog(db, {
    ...listingSearch(site, params, params.sort ?? sorts[0]!, stock),
    categories,
    ...(category ? { categoryId: category.id } : {}),
  });
  if (params.page > lastPage(result.total, LISTING_PAGE_SIZE)) return notFound(site);
  const body = renderSearchPage(await withCardPrices(db, site, result.items), {
    params,
    result,
    links,
    sorts,
    pageSize: LISTING_PAGE_SIZE,
    images: await loadCoverImageManifests(db, site.store.id, result.items),
    ...(category ? { category } : {}),
  });
  const shown = viewItemListEvent(
    'search',
    result.items.map((p) => p.id),
  );
  const events = params.q ? [searchEvent(params.q, result.total), shown] : [shown];
  return { status: 200, contentType: HTML, body, events };
}

/** Renders /categories/:handle; a category whose handle changed answers 301 from its old address. */
async function categoryPage(
  db: Db,
  site: StorefrontSite,
  handle: string,
  params: ListingParams,
  stock?: StockSource,
): Promise<RenderedPage> {
  const categories = await loadStoreCategories(db, site.store.id);
  const category = categories.find((c) => c.handle === handle);
  if (!category) {
    const moved = await findRedirect(db, site.store.id, `/categories/${handle}`);
    if (moved?.startsWith('/categories/')) {
      const location = categoryPath(site, moved.slice('/categories/'.length));
      return {
        status: 301,
        contentType: 'text/plain; charset=utf-8',
        body: `Moved to ${location}`,
        location,
      };
    }
    return notFound(site);
  }
  const trail = categoryTrail(categories, category.id);
  const currency = site.store.baseCurrency;
  // The category is the page itself, never a parameter; a text search goes to /search.
  const listed: ListingParams = { ...params, q: '' };
  delete listed.category;
  const result = await searchCatalog(db, {
    ...listingSearch(site, listed, listed.sort ?? BROWSE_SORTS[0]!, stock),
    categories,
    categoryId: category.id,
  });
  if (listed.page > lastPage(result.total, LISTING_PAGE_SIZE)) return notFound(site);
  const links: ListingLinks = {
    path: categoryPath(site, category.handle),
    currency,
    // Going down a level keeps the filters (and the order) chosen so far.
    categoryHref: (child, p) =>
      `${categoryPath(site, child.handle)}${listingQuery({ ...p, page: 1 }, currency)}`,
  };
  const body = renderCategoryPage(await withCardPrices(db, site, result.items), {
    category,
    trail,
    params: listed,
    result,
    links,
    sorts: BROWSE_SORTS,
    pageSize: LISTING_PAGE_SIZE,
    images: await loadCoverImageManifests(db, site.store.id, result.items),
  });
  return {
    status: 200,
    contentType: HTML,
    body,
    events: [
      viewItemListEvent(
        `category:${category.handle}`,
        result.items.map((p) => p.id),
      ),
    ],
  };
}

/**
 * The search page, the category pages and the collection pages, on a store's own domain (`/search`,
 * `/categories/:handle`, `/collections/:handle`) and under `/s/:store/`, in every locale the store
 * serves (`/fr/search` …). Pages are cached like every storefront page, keyed by their locale and
 * their parameters written one canonical way.
 */
export function registerListingRoutes(app: FastifyInstance, context: ListingRouteContext): void {
  const { db, pages, stock } = context;
  const hidden = { schema: { hide: true } };

  async function serve(
    request: FastifyRequest,
    reply: FastifyReply,
    store: Store,
    mount: 'path' | 'host',
    kind: ListingKind,
    handle?: string,
    localeSegment?: string,
  ) {
    const storePath = mount === 'path' ? `/s/${store.handle}` : '';
    const located = pageLocale(
      request,
      storefrontSite(store, storePath, context.baseUrlFor(request, mount)),
      false,
      localeSegment,
    );
    if (located.kind === 'redirect') return sendLocaleRedirect(reply, located);
    const site = await withConsentPrompt(
      db,
      request,
      context.markets ? await context.markets.siteFor(request, located.site) : located.site,
    );
    if (located.unknownLocale) {
      return reply
        .status(404)
        .header('content-type', HTML)
        .header('cache-control', 'no-cache')
        .send(notFound(site).body);
    }
    let params: ListingParams;
    try {
      const query = kind === 'collection' ? withListingSortNames(request.query) : request.query;
      params = parseListingParams(query, store.baseCurrency);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const parameter = (err.details as { parameter?: string } | undefined)?.parameter ?? '';
      return reply
        .status(err.status)
        .header('content-type', HTML)
        .header('cache-control', 'no-cache')
        .send(renderListingErrorPage(site, parameter, err.message));
    }
    const path =
      kind === 'search'
        ? searchPath(site)
        : kind === 'category'
          ? categoryPath(site, handle!)
          : collectionPath(site, handle!);
    // The locale and every parameter that changes the page, written one way: one entry per listing.
    const key = `${site.locale} ${marketCacheKey(site.market)} ${site.baseUrl}${path}${listingQuery(params, store.baseCurrency)}${site.askConsent ? ' ask-consent' : ''}`;
    const page = await pages.get(store.id, key, () =>
      kind === 'search'
        ? searchPage(db, site, params, stock)
        : kind === 'category'
          ? categoryPage(db, site, handle!, params, stock)
          : loadCollectionPage(db, site, handle!, params, stock),
    );
    if (page.status === 200 || page.status === 404) {
      await context.tracking?.track(request, reply, site, [
        { name: 'page_view', pagePath: request.url.split('?')[0]! },
        ...(page.events ?? []),
      ]);
    }
    return sendCachedPage(pages, request, reply, page, marketVary(site.market));
  }

  type Params = { Params: { store?: string; locale?: string; handle?: string } };
  const route =
    (kind: ListingKind) =>
    async (request: FastifyRequest<Params>, reply: FastifyReply): Promise<FastifyReply> => {
      const { store: storeHandle, locale, handle } = request.params;
      const byPath = storeHandle !== undefined;
      const store = byPath
        ? await context.storeByHandle(storeHandle)
        : await context.storeByHost(request.hostname);
      if (!store) {
        return context.noStore(
          reply,
          byPath
            ? 'There is no store at this address.'
            : 'No store answers at this address. Pick one from the list of stores.',
        );
      }
      return serve(request, reply, store, byPath ? 'path' : 'host', kind, handle, locale);
    };

  for (const prefix of ['', '/:locale', '/s/:store', '/s/:store/:locale']) {
    app.get<Params>(`${prefix}/search`, hidden, route('search'));
    app.get<Params>(`${prefix}/categories/:handle`, hidden, route('category'));
    app.get<Params>(`${prefix}/collections/:handle`, hidden, route('collection'));
  }
}
