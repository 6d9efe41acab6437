import { type OptionFilter, searchLimits } from '../../modules/catalog/index.ts';
import { AppError, badRequest } from '../../platform/errors.ts';
import { formatMinorAsDecimal, parseMoney } from '../../platform/money.ts';

/**
 * What a shopper asked of a product listing (search, category, collection), read from the query
 * string. Everything is checked: a malformed parameter answers 400 rather than a guess, and the
 * parameters this page does not know (utm_source, fbclid …) are ignored, so they neither fail the
 * page nor multiply its cache entries.
 *
 * Address shape: `?q=tea&sort=price-asc&page=2&vendor=Acme&type=Mugs&option=Color:Red
 * &min_price=10&max_price=50&in_stock=1&category=kitchen` (vendor, type and option repeat).
 */

/** `featured` is a collection's own order (its editor's, for a manual collection). */
export const listingSorts = [
  'relevance',
  'featured',
  'newest',
  'price-asc',
  'price-desc',
  'title',
  'title-desc',
] as const;
export type ListingSort = (typeof listingSorts)[number];

export interface ListingParams {
  q: string;
  /** Chosen order; omitted means the listing's default. */
  sort?: ListingSort;
  /** 1-based. */
  page: number;
  vendors: string[];
  types: string[];
  /** Grouped by option name, in the order first named. */
  options: OptionFilter[];
  /** Inclusive bounds in minor units of the store currency. */
  minPrice?: number;
  maxPrice?: number;
  inStock: boolean;
  /** A category handle (the search page narrows by category; a category page is one). */
  category?: string;
}

/** Products per listing page. */
export const LISTING_PAGE_SIZE = 24;
/** Deeper pages are refused rather than scanned. */
export const MAX_LISTING_PAGE = 500;

const MAX_VALUE_LENGTH = 120;
const PAGE = /^[1-9][0-9]{0,3}$/;
const HANDLE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const AMOUNT = /^[0-9]{1,12}(?:\.[0-9]{1,4})?$/;

function invalid(parameter: string, message: string): AppError {
  return badRequest('invalid_query', message, { parameter });
}

function single(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalid(name, `Give ${name} once.`);
  return value;
}

function many(query: Record<string, unknown>, name: string): string[] {
  const value = query[name];
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  if (list.length > searchLimits.filterValues) {
    throw invalid(name, `Give ${name} at most ${searchLimits.filterValues} times.`);
  }
  const values: string[] = [];
  for (const item of list) {
    if (typeof item !== 'string') throw invalid(name, `${name} must be text.`);
    const trimmed = item.trim();
    if (trimmed.length === 0) continue;
    if (trimmed.length > MAX_VALUE_LENGTH) throw invalid(name, `${name} is too long.`);
    if (!values.includes(trimmed)) values.push(trimmed);
  }
  return values;
}

function price(query: Record<string, unknown>, name: string, currency: string): number | undefined {
  const text = single(query, name)?.trim();
  if (!text) return undefined;
  if (!AMOUNT.test(text)) throw invalid(name, `${name} must be an amount such as 25 or 19.99.`);
  try {
    return parseMoney(text, currency).amount;
  } catch (err) {
    if (err instanceof AppError) throw invalid(name, err.message);
    throw err;
  }
}

/** The listing parameters of a query string; throws a 400 AppError on a malformed one. */
export function parseListingParams(raw: unknown, currency: string): ListingParams {
  const query = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  // Runs of spaces mean nothing to the search: one spelling, one cache entry.
  const q = (single(query, 'q') ?? '').trim().replace(/\s+/g, ' ');
  if (q.length > searchLimits.textLength) {
    throw invalid('q', `Search for at most ${searchLimits.textLength} characters.`);
  }
  const sortText = single(query, 'sort');
  if (sortText !== undefined && sortText !== '' && !(listingSorts as readonly string[]).includes(sortText)) {
    throw invalid('sort', `sort is one of ${listingSorts.join(', ')}.`);
  }
  const pageText = single(query, 'page');
  if (pageText !== undefined && (!PAGE.test(pageText) || Number(pageText) > MAX_LISTING_PAGE)) {
    throw invalid('page', `page is a whole number from 1 to ${MAX_LISTING_PAGE}.`);
  }
  const category = single(query, 'category');
  if (category !== undefined && category !== '' && (!HANDLE.test(category) || category.length > 200)) {
    throw invalid('category', 'category is a category handle.');
  }
  const options: OptionFilter[] = [];
  for (const pair of many(query, 'option')) {
    const at = pair.indexOf(':');
    const name = at > 0 ? pair.slice(0, at).trim() : '';
    const value = at > 0 ? pair.slice(at + 1).trim() : '';
    if (!name || !value) throw invalid('option', 'option is written Name:Value, e.g. Color:Red.');
    const known = options.find((o) => o.name === name);
    if (known) {
      if (!known.values.includes(value)) known.values.push(value);
    } else {
      options.push({ name, values: [value] });
    }
  }
  if (options.length > searchLimits.optionFilters) {
    throw invalid('option', `Filter by at most ${searchLimits.optionFilters} options.`);
  }
  const stock = single(query, 'in_stock');
  if (stock !== undefined && !['', '0', '1', 'true', 'false'].includes(stock)) {
    throw invalid('in_stock', 'in_stock is 1 or 0.');
  }
  const minPrice = price(query, 'min_price', currency);
  const maxPrice = price(query, 'max_price', currency);
  if (minPrice !== undefined && maxPrice !== undefined && minPrice > maxPrice) {
    throw invalid('min_price', 'min_price is above max_price.');
  }
  return {
    q,
    ...(sortText ? { sort: sortText as ListingSort } : {}),
    page: pageText ? Number(pageText) : 1,
    vendors: many(query, 'vendor'),
    types: many(query, 'type'),
    options,
    ...(minPrice !== undefined ? { minPrice } : {}),
    ...(maxPrice !== undefined ? { maxPrice } : {}),
    inStock: stock === '1' || stock === 'true',
    ...(category ? { category } : {}),
  };
}

/** Whether anything narrows the listing (a search with only filters still lists products). */
export function hasFilters(params: ListingParams): boolean {
  return (
    params.vendors.length > 0 ||
    params.types.length > 0 ||
    params.options.length > 0 ||
    params.minPrice !== undefined ||
    params.maxPrice !== undefined ||
    params.inStock ||
    params.category !== undefined
  );
}

/**
 * The query string of a listing, in one fixed order and without defaults, so one listing has one
 * address (and one page-cache entry) however its parameters were written. Starts with `?` unless empty.
 */
export function listingQuery(params: ListingParams, currency: string): string {
  const search = new URLSearchParams();
  if (params.q) search.set('q', params.q);
  if (params.category) search.set('category', params.category);
  for (const vendor of params.vendors) search.append('vendor', vendor);
  for (const type of params.types) search.append('type', type);
  for (const option of params.options)
    for (const value of option.values) search.append('option', `${option.name}:${value}`);
  if (params.minPrice !== undefined) search.set('min_price', formatMinorAsDecimal(params.minPrice, currency));
  if (params.maxPrice !== undefined) search.set('max_price', formatMinorAsDecimal(params.maxPrice, currency));
  if (params.inStock) search.set('in_stock', '1');
  if (params.sort) search.set('sort', params.sort);
  if (params.page > 1) search.set('page', String(params.page));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The listing with one thing changed; any change of what is listed goes back to the first page. */
export function changedParams(params: ListingParams, change: Partial<ListingParams>): ListingParams {
  return { ...params, page: 1, ...change };
}

/** Adds or removes one value of a multi-valued filter. */
export function toggled(list: readonly string[], value: string): string[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

export function toggledOption(options: readonly OptionFilter[], name: string, value: string): OptionFilter[] {
  const result: OptionFilter[] = [];
  let found = false;
  for (const option of options) {
    if (option.name !== name) {
      result.push(option);
      continue;
    }
    found = true;
    const values = toggled(option.values, value);
    if (values.length > 0) result.push({ name, values });
  }
  if (!found) result.push({ name, values: [value] });
  return result;
}
