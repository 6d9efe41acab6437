import {
  type Collection,
  type CollectionSortOrder,
  collectionSearchScope,
  findCollectionByHandle,
  findRedirect,
  loadCoverImageManifests,
  loadStoreCategories,
  type StockSource,
  searchCatalog,
} from '../modules/catalog/index.ts';
import type { Db } from '../platform/db/database.ts';
import { viewItemListEvent } from './analytics/page-events.ts';
import { renderCollectionPage } from './collection-page.tsx';
import type { ListingLinks } from './listing/listing-links.ts';
import { lastPage } from './listing/listing-pagination.tsx';
import {
  LISTING_PAGE_SIZE,
  type ListingParams,
  type ListingSort,
  listingQuery,
} from './listing/listing-params.ts';
import { collectionPath } from './listing/listing-paths.ts';
import { listingSearch } from './listing/listing-search.ts';
import { withCardPrices } from './market/market-prices.ts';
import { renderStoreNotFoundPage } from './not-found-page.tsx';
import type { RenderedPage } from './page-cache.ts';
import type { StorefrontSite } from './site.ts';

const HTML = 'text/html; charset=utf-8';

/** A collection's own order as a listing order. */
const listingSortOf: Record<CollectionSortOrder, ListingSort> = {
  manual: 'featured',
  title_asc: 'title',
  title_desc: 'title-desc',
  price_asc: 'price-asc',
  price_desc: 'price-desc',
  newest: 'newest',
};

/** The orders a collection page offers, in this order after the collection's own. */
const COLLECTION_SORTS: readonly ListingSort[] = [
  'featured',
  'newest',
  'price-asc',
  'price-desc',
  'title',
  'title-desc',
];

/** The collection's own order first (the page's default), then the others; "featured" only where an editor set one. */
export function collectionSorts(collection: Pick<Collection, 'kind' | 'sortOrder'>): ListingSort[] {
  const own = listingSortOf[collection.sortOrder];
  // A rule collection has no manual order: its "manual" reads as newest first, as the admin list has it.
  const first = own === 'featured' && collection.kind !== 'manual' ? 'newest' : own;
  const offered = COLLECTION_SORTS.filter((s) => s !== 'featured' || collection.kind === 'manual');
  return [first, ...offered.filter((s) => s !== first)];
}

/**
 * Collection pages used to name their orders like the admin API (`price_desc`); those addresses keep
 * working, read as the listing's names, so they share the page (and its cache entry) with the new ones.
 */
export function withListingSortNames(query: unknown): unknown {
  if (!query || typeof query !== 'object') return query;
  const { sort } = query as { sort?: unknown };
  if (typeof sort !== 'string' || !Object.hasOwn(listingSortOf, sort)) return query;
  return { ...query, sort: listingSortOf[sort as CollectionSortOrder] };
}

/**
 * Renders /collections/:handle in the site's locale: the collection's products on sale, read by the
 * catalog search (so the page has the facets, orders and pages of every listing), and their
 * pictures' sizes. A renamed collection answers 301 from its old handle.
 */
export async function loadCollectionPage(
  db: Db,
  site: StorefrontSite,
  handle: string,
  params: ListingParams,
  stock?: StockSource,
): Promise<RenderedPage> {
  const { store } = site;
  const notFound = (): RenderedPage => ({
    status: 404,
    contentType: HTML,
    body: renderStoreNotFoundPage(site, 'page'),
  });
  const collection = await findCollectionByHandle(db, store.id, handle);
  if (!collection) {
    const moved = await findRedirect(db, store.id, `/collections/${handle}`);
    if (moved?.startsWith('/collections/')) {
      const location = collectionPath(site, moved.slice('/collections/'.length));
      return {
        status: 301,
        contentType: 'text/plain; charset=utf-8',
        body: `Moved to ${location}`,
        location,
      };
    }
    return notFound();
  }
  const sorts = collectionSorts(collection);
  // The collection is the page itself; a text search goes to /search. Its own order is no parameter.
  const listed: ListingParams = { ...params, q: '' };
  if (listed.sort === sorts[0] || (listed.sort && !sorts.includes(listed.sort))) delete listed.sort;
  const categories = await loadStoreCategories(db, store.id);
  const category = listed.category ? categories.find((c) => c.handle === listed.category) : undefined;
  if (listed.category && !category) return notFound();
  const result = await searchCatalog(db, {
    ...listingSearch(site, listed, listed.sort ?? sorts[0]!, stock),
    ...collectionSearchScope(collection),
    categories,
    ...(category ? { categoryId: category.id } : {}),
  });
  if (listed.page > lastPage(result.total, LISTING_PAGE_SIZE)) return notFound();
  const path = collectionPath(site, collection.handle);
  const currency = store.baseCurrency;
  const links: ListingLinks = {
    path,
    currency,
    categoryHref: (c, p) => `${path}${listingQuery({ ...p, category: c.handle, page: 1 }, currency)}`,
  };
  const images = await loadCoverImageManifests(db, store.id, result.items);
  const body = renderCollectionPage(await withCardPrices(db, site, result.items), {
    collection,
    params: listed,
    result,
    links,
    sorts,
    pageSize: LISTING_PAGE_SIZE,
    images,
    ...(category ? { category } : {}),
  });
  return {
    status: 200,
    contentType: HTML,
    body,
    events: [
      viewItemListEvent(
        `collection:${collection.handle}`,
        result.items.map((p) => p.id),
      ),
    ],
  };
}
