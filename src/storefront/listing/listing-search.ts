import type { CatalogSearch, SearchSort, StockSource } from '../../modules/catalog/index.ts';
import type { StorefrontSite } from '../site.ts';
import { LISTING_PAGE_SIZE, type ListingParams, type ListingSort } from './listing-params.ts';

/** The search engine's name for each order a listing offers. */
const engineSorts: Record<ListingSort, SearchSort> = {
  relevance: 'relevance',
  featured: 'position',
  newest: 'newest',
  'price-asc': 'price-asc',
  'price-desc': 'price-desc',
  title: 'title',
  'title-desc': 'title-desc',
};

/**
 * The catalog search a storefront listing asks for: the page's locale (translated titles are searched
 * and shown), products on sale only, the shopper's filters, one page, and the facet counts. The
 * caller adds what the listing is (a category, a collection). `stock` decides what is in stock
 * (inventory's levels; every variant without one).
 */
export function listingSearch(
  site: StorefrontSite,
  params: ListingParams,
  sort: ListingSort,
  stock?: StockSource,
): CatalogSearch {
  return {
    store: site.store,
    text: params.q,
    locale: site.locale,
    statuses: ['active'],
    vendors: params.vendors,
    productTypes: params.types,
    options: params.options,
    price: {
      ...(params.minPrice !== undefined ? { min: params.minPrice } : {}),
      ...(params.maxPrice !== undefined ? { max: params.maxPrice } : {}),
    },
    inStock: params.inStock,
    sort: engineSorts[sort],
    limit: LISTING_PAGE_SIZE,
    offset: (params.page - 1) * LISTING_PAGE_SIZE,
    facets: true,
    ...(stock ? { stock } : {}),
  };
}
