import {
  type CollectionSortOrder,
  collectionSortOrders,
  findCollectionByHandle,
  findRedirect,
  listCollectionProducts,
} from '../modules/catalog/index.ts';
import type { Db } from '../platform/db/database.ts';
import { COLLECTION_PAGE_SIZE, collectionPath, renderCollectionPage } from './collection-page.tsx';
import { renderStoreNotFoundPage } from './not-found-page.tsx';
import type { RenderedPage } from './page-cache.ts';
import type { StorefrontSite } from './site.ts';

const HTML = 'text/html; charset=utf-8';
/** Deep pages past this are refused rather than scanned. */
const MAX_PAGE = 1_000;

/** A collection page request with only well-formed parameters kept, so junk query strings cannot flood the page cache. */
export interface CollectionPageRequest {
  sort?: CollectionSortOrder;
  page: number;
}

export function collectionPageRequest(query: unknown): CollectionPageRequest {
  const { sort, page } = (query ?? {}) as { sort?: unknown; page?: unknown };
  const request: CollectionPageRequest = { page: 1 };
  if (typeof sort === 'string' && (collectionSortOrders as readonly string[]).includes(sort)) {
    request.sort = sort as CollectionSortOrder;
  }
  if (typeof page === 'string' && /^[1-9][0-9]{0,3}$/.test(page))
    request.page = Math.min(Number(page), MAX_PAGE);
  return request;
}

/** The part of the page-cache key the request adds to the path. */
export function collectionPageKey(request: CollectionPageRequest): string {
  return `?sort=${request.sort ?? ''}&page=${request.page}`;
}

/** Renders /collections/:handle: the collection's products on sale, sorted and paged; a renamed handle answers 301. */
export async function loadCollectionPage(
  db: Db,
  site: StorefrontSite,
  handle: string,
  request: CollectionPageRequest,
): Promise<RenderedPage> {
  const notFound = (): RenderedPage => ({
    status: 404,
    contentType: HTML,
    body: renderStoreNotFoundPage(site, 'page'),
  });
  const collection = await findCollectionByHandle(db, site.store.id, handle);
  if (!collection) {
    const moved = await findRedirect(db, site.store.id, `/collections/${handle}`);
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
  // A rule collection has no manual order: asking for one falls back to its own order.
  const sortChosen =
    request.sort !== undefined && !(request.sort === 'manual' && collection.kind !== 'manual');
  const sort = sortChosen ? request.sort! : collection.sortOrder;
  const found = await listCollectionProducts(db, collection, {
    activeOnly: true,
    sort,
    limit: COLLECTION_PAGE_SIZE,
    offset: (request.page - 1) * COLLECTION_PAGE_SIZE,
  });
  if (found.items.length === 0 && request.page > 1) return notFound();
  return {
    status: 200,
    contentType: HTML,
    body: renderCollectionPage(site, {
      collection,
      products: found.items,
      total: found.total,
      page: request.page,
      sort,
      sortChosen,
    }),
  };
}
