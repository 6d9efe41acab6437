/**
 * The inventory table's state lives in the address: search text, location, state filter, order,
 * page and the variant whose drawer is open. So a filtered table is a link, and back closes the drawer.
 */

export const stockStateFilters = ['low', 'out', 'overstock', 'running-out'] as const;
export type StockStateFilter = (typeof stockStateFilters)[number];

export const stockSorts = ['title', 'sku', 'available', 'available-desc', 'runs-out'] as const;
export type StockSort = (typeof stockSorts)[number];

export interface InventorySearch {
  q?: string;
  locationId?: string;
  state?: StockStateFilter;
  sort?: StockSort;
  page?: number;
  /** The variant whose stock drawer is open. */
  variant?: string;
}

/** What the API's GET /inventory/stock takes. */
export interface StockListFilter {
  q?: string;
  locationId?: string;
  state?: StockStateFilter;
  sort?: StockSort;
}

function text(value: unknown, max: number): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed && trimmed.length <= max ? trimmed : undefined;
}

function oneOf<T extends string>(allowed: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

/** Reads the address's search part; anything the table would not understand is dropped. */
export function parseInventorySearch(search: Record<string, unknown>): InventorySearch {
  const page = Number(search.page);
  const sort = oneOf(stockSorts, search.sort);
  const parsed: InventorySearch = {
    q: text(search.q, 200),
    locationId: text(search.locationId, 64),
    state: oneOf(stockStateFilters, search.state),
    // The default order is left out of the address.
    sort: sort === 'title' ? undefined : sort,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
    variant: text(search.variant, 64),
  };
  for (const key of Object.keys(parsed) as (keyof InventorySearch)[]) {
    if (parsed[key] === undefined) delete parsed[key];
  }
  return parsed;
}

/** The filter part of the search, as the list query takes it. */
export function stockFilterOf(search: InventorySearch): StockListFilter {
  const { q, locationId, state, sort } = search;
  return {
    ...(q ? { q } : {}),
    ...(locationId ? { locationId } : {}),
    ...(state ? { state } : {}),
    ...(sort ? { sort } : {}),
  };
}
