/** Catalog search: one engine for the storefront's search and category pages and the admin list. */
export { matchingProducts } from './matching-products.ts';
export { searchCatalog } from './search-catalog.ts';
export {
  type CatalogSearch,
  type CategoryFacetValue,
  type FacetValue,
  type ListingQuery,
  type MissingContent,
  missingContent,
  type OptionFilter,
  type PriceBucket,
  type SearchFacets,
  type SearchResult,
  type SearchSort,
  searchLimits,
  searchSorts,
  type TextMatchKind,
} from './search-request.ts';
export { everyVariantAvailable, type StockSource } from './stock-source.ts';
export {
  type CategoryEntry,
  categoryTrail,
  loadCategoryTrail,
  loadStoreCategories,
  subtreeIds,
} from './store-categories.ts';
