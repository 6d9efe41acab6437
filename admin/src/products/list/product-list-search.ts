import type { ProductStatus } from '../../api/types.ts';

/**
 * The product list's state lives in the address: its filter, order, columns, the saved view it came
 * from and the page. So a filtered list, or a saved view, is a link; back and forward work.
 */

export const missingContent = ['image', 'description', 'category'] as const;
export type MissingContent = (typeof missingContent)[number];

/** `waiting`: products with changes waiting for a reviewer (the daily briefing links to it). */
export const reviewFilters = ['waiting'] as const;
export type ReviewFilter = (typeof reviewFilters)[number];

export const productSorts = [
  'relevance',
  'updated',
  'newest',
  'title',
  'price-asc',
  'price-desc',
  'position',
] as const;
export type ProductSort = (typeof productSorts)[number];

/** Columns a person may show or hide; the product itself is always shown. */
export const listColumns = ['sku', 'status', 'vendor', 'productType', 'tags', 'price', 'updated'] as const;
export type ListColumn = (typeof listColumns)[number];
export const defaultColumns: readonly ListColumn[] = ['sku', 'status', 'price', 'updated'];

/** The filter as the API, bulk selections and saved views take it (prices in minor units). */
export interface ProductListFilter {
  q?: string;
  status?: ProductStatus;
  vendor?: string[];
  productType?: string[];
  tag?: string[];
  categoryId?: string;
  collectionId?: string;
  priceMin?: number;
  priceMax?: number;
  missing?: MissingContent[];
  review?: ReviewFilter;
}

export interface ProductsSearch extends ProductListFilter {
  sort?: ProductSort;
  columns?: ListColumn[];
  /** The saved view the list was opened from. */
  view?: string;
  page?: number;
}

/** What a saved view keeps. Null means "the list's default". */
export interface ViewDefinition {
  filters: ProductListFilter;
  sort: ProductSort | null;
  columns: ListColumn[] | null;
}

const statuses: readonly string[] = ['draft', 'active', 'archived'];
const MAX_VALUES = 20;

function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function textList(value: unknown): string[] | undefined {
  const list = (Array.isArray(value) ? value : [value]).map(text).filter((v): v is string => v !== undefined);
  return list.length ? [...new Set(list.map((v) => v.trim()))].sort().slice(0, MAX_VALUES) : undefined;
}

function oneOf<T extends string>(allowed: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

function listOf<T extends string>(allowed: readonly T[], value: unknown): T[] | undefined {
  const list = (Array.isArray(value) ? value : [value])
    .map((v) => oneOf(allowed, v))
    .filter((v): v is T => v !== undefined);
  return list.length ? [...new Set(list)] : undefined;
}

function minorUnits(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

function positivePage(value: unknown): number | undefined {
  const page = Number(value);
  return Number.isInteger(page) && page > 1 ? page : undefined;
}

/** Drops undefined fields, so equal states are equal objects. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Reads the address leniently: anything malformed (a hand-edited link, an old bookmark) is left out
 * rather than breaking the page. Lists come back without repeats and sorted, as the server keeps them.
 */
export function parseProductsSearch(raw: Record<string, unknown>): ProductsSearch {
  const filter = parseFilter(raw);
  const columns = listOf(listColumns, raw.columns);
  return compact({
    ...filter,
    sort: oneOf(productSorts, raw.sort),
    columns: columns && !sameColumns(columns, defaultColumns) ? columns : undefined,
    view: text(raw.view),
    page: positivePage(raw.page),
  });
}

export function parseFilter(raw: Record<string, unknown>): ProductListFilter {
  const missing = listOf(missingContent, raw.missing);
  return compact({
    q: text(raw.q),
    status: oneOf(statuses as readonly ProductStatus[], raw.status),
    vendor: textList(raw.vendor),
    productType: textList(raw.productType),
    tag: textList(raw.tag),
    categoryId: text(raw.categoryId),
    collectionId: text(raw.collectionId),
    priceMin: minorUnits(raw.priceMin),
    priceMax: minorUnits(raw.priceMax),
    missing: missing ? [...missing].sort() : undefined,
    review: oneOf(reviewFilters, raw.review),
  });
}

/** The filter part of the address. */
export function filterOf(search: ProductsSearch): ProductListFilter {
  return parseFilter(search as Record<string, unknown>);
}

/** The filter as query parameters: lists as repeated parameters (vendor=A&vendor=B). */
export function filterParams(filter: ProductListFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === '') continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  return params;
}

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

/** The columns shown, in the table's order. */
export function shownColumns(columns: readonly ListColumn[] | null | undefined): Set<ListColumn> {
  return new Set(columns ?? defaultColumns);
}

/** The order the list uses when none is chosen: best match for a search, latest change otherwise. */
export function defaultSort(filter: ProductListFilter): ProductSort {
  return filter.q ? 'relevance' : 'updated';
}

/** What a view would keep of the list as it is now. */
export function definitionOf(search: ProductsSearch): ViewDefinition {
  return {
    filters: filterOf(search),
    sort: search.sort ?? null,
    columns: search.columns ?? null,
  };
}

/** Whether the list shows what a view keeps (so there is nothing to save into it). */
export function sameDefinition(a: ViewDefinition, b: ViewDefinition): boolean {
  const normal = (d: ViewDefinition) =>
    JSON.stringify([
      parseFilter(d.filters as Record<string, unknown>),
      d.sort,
      d.columns && !sameColumns(d.columns, defaultColumns) ? d.columns : null,
    ]);
  return normal(a) === normal(b);
}

/** The address that opens a view. */
export function searchForView(view: { id: string } & ViewDefinition): ProductsSearch {
  return parseProductsSearch({
    ...view.filters,
    sort: view.sort ?? undefined,
    columns: view.columns ?? undefined,
    view: view.id,
  });
}

/** How many filters narrow the list besides the text and the status (shown on the Filters button). */
export function narrowingCount(filter: ProductListFilter): number {
  const { q: _q, status: _status, priceMax, priceMin, ...rest } = filter;
  return Object.keys(rest).length + (priceMin !== undefined || priceMax !== undefined ? 1 : 0);
}
