import type { SQL } from 'drizzle-orm';
import type { Store } from '../../access/index.ts';
import type { Product } from '../product-detail.ts';
import type { StockSource } from './stock-source.ts';
import type { CategoryEntry } from './store-categories.ts';

/**
 * Orders a listing can take. `updated` is the admin list's "latest change first"; `position` is a
 * collection's own order (with `collectionId`; newest first otherwise); `title-desc` is Z to A, an
 * order a collection may be set to.
 */
export const searchSorts = [
  'relevance',
  'price-asc',
  'price-desc',
  'newest',
  'title',
  'title-desc',
  'updated',
  'position',
] as const;
export type SearchSort = (typeof searchSorts)[number];

/** Bounds that keep one search cheap whatever a caller sends. */
export const searchLimits = {
  textLength: 200,
  /** Words of the text that count; the rest are ignored. */
  terms: 10,
  filterValues: 20,
  optionFilters: 3,
  pageSize: 200,
} as const;

/** Content a listing may lack: a gallery image, description text, a category. */
export const missingContent = ['image', 'description', 'category'] as const;
export type MissingContent = (typeof missingContent)[number];

/** Shoppers see products with a variant whose options include one of `values` for the option `name`. */
export interface OptionFilter {
  name: string;
  values: string[];
}

export interface CatalogSearch {
  store: Pick<Store, 'id' | 'locale' | 'baseCurrency' | 'enabledLocales'>;
  /** What the person typed; empty means "every product" (filters still apply). */
  text?: string;
  /** Whether the beginning of a SKU finds it (the admin list); otherwise only a whole SKU does. */
  skuPrefix?: boolean;
  /** The locale the results are shown in: its translated titles and descriptions are searched too. */
  locale?: string;
  /** Product statuses to include; omitted means any (the admin list). The storefront asks for active. */
  statuses?: readonly string[];
  /** A category, with everything below it. */
  categoryId?: string;
  /** The members of a manual collection (`collection_products`); `position` sorts by its order. */
  collectionId?: string;
  /**
   * A further condition written over the `products` table (drizzle's `products` columns), e.g. a
   * rule collection's compiled rules. Applied as a membership test, so it may name the table freely.
   */
  productsWhere?: SQL;
  vendors?: readonly string[];
  productTypes?: readonly string[];
  /** Products with any of these tags, in any case (values are alternatives, like a facet's). */
  tags?: readonly string[];
  /** Products lacking every piece of content named (a content team's "to finish" lists). */
  missing?: readonly MissingContent[];
  options?: readonly OptionFilter[];
  /** Inclusive bounds in minor units of the store currency; a product matches by any variant's price. */
  price?: { min?: number; max?: number };
  inStock?: boolean;
  sort: SearchSort;
  limit: number;
  offset: number;
  /** Whether to count facet values (the storefront's filters); the admin list does without. */
  facets?: boolean;
  /** Which variants can be sold now; without one, every variant of a listed product can. */
  stock?: StockSource;
  /** The store's categories when the caller has them already (they are read otherwise). */
  categories?: readonly CategoryEntry[];
}

/** What selects a listing's products, without the order and the page (e.g. a bulk selection). */
export type ListingQuery = Omit<CatalogSearch, 'sort' | 'limit' | 'offset' | 'facets'>;

export interface FacetValue {
  value: string;
  count: number;
  selected: boolean;
}

export interface CategoryFacetValue {
  id: string;
  parentId: string | null;
  name: string;
  handle: string;
  path: string;
  /** Matching products in this category and the categories below it. */
  count: number;
}

export interface PriceBucket {
  /** Inclusive lower bound in minor units. */
  min: number;
  /** Exclusive upper bound in minor units; null for the open top bucket. */
  max: number | null;
  count: number;
}

/**
 * Counts for narrowing a result. Within one facet values are alternatives (Red or Blue), across
 * facets they combine (Red and Acme), so a facet's counts ignore its own selection: a shopper who
 * chose Red still sees how many Blue products there are.
 */
export interface SearchFacets {
  categories: CategoryFacetValue[];
  vendors: FacetValue[];
  productTypes: FacetValue[];
  options: { name: string; values: FacetValue[] }[];
  price: { min: number; max: number; buckets: PriceBucket[] } | null;
  /** Products with a variant that can be sold now (given the other filters). */
  inStock: number;
}

/** How the text was matched: as written, after correcting misspelt words, or not at all (no text). */
export type TextMatchKind = 'none' | 'exact' | 'corrected';

export interface SearchResult {
  items: Product[];
  total: number;
  match: TextMatchKind;
  /** The words corrected for typos, and what they were read as. */
  corrections: { word: string; readAs: string[] }[];
  facets?: SearchFacets;
}
