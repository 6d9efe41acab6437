import type { CategoryFacetValue } from '../../modules/catalog/index.ts';
import { type ListingParams, listingQuery } from './listing-params.ts';

/** Where a listing's links go: its own path with other parameters, and its categories. */
export interface ListingLinks {
  /** The listing's path, without query. */
  path: string;
  /** The store currency (price bounds are written in it). */
  currency: string;
  /** A category's listing: a category page, or this listing narrowed with `category=`. */
  categoryHref(category: CategoryFacetValue, params: ListingParams): string;
}

export function listingHref(links: ListingLinks, params: ListingParams): string {
  return `${links.path}${listingQuery(params, links.currency)}`;
}
