/** The admin product list's filter: one shape for the list, bulk selections and saved views. */
export { type FilterSearch, productFilterSearch } from './filter-search.ts';
export { type FilterValue, type FilterValues, loadFilterValues } from './filter-values.ts';
export {
  canonicalProductFilter,
  checkPriceRange,
  type ProductListFilter,
  productFilterFields,
  productFilterKey,
  productListFilter,
} from './product-filter.ts';
export { productFilterRoutes } from './routes.ts';
