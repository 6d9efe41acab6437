import {
  type FinancialStatus,
  type FulfilmentStatus,
  financialStatuses,
  fulfilmentStatuses,
  type OrderSort,
  type OrderStatus,
  orderSorts,
  orderStatuses,
} from './order-types.ts';

/**
 * The order list's filter as GET /orders and GET /orders/export.csv take it: totals in minor units,
 * days as YYYY-MM-DD. The address keeps exactly these, so a filtered list is a link.
 */
export interface OrderListFilter {
  q?: string;
  status?: OrderStatus;
  financialStatus?: FinancialStatus;
  fulfilmentStatus?: FulfilmentStatus;
  from?: string;
  to?: string;
  tag?: string;
  totalMin?: number;
  totalMax?: number;
}

export interface OrdersSearch extends OrderListFilter {
  sort?: OrderSort;
  page?: number;
}

const filterKeys = [
  'q',
  'status',
  'financialStatus',
  'fulfilmentStatus',
  'from',
  'to',
  'tag',
  'totalMin',
  'totalMax',
] as const satisfies readonly (keyof OrderListFilter)[];

function oneOf<T extends string>(allowed: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

function text(value: unknown, max: number): string | undefined {
  if (typeof value === 'number') value = String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : undefined;
}

function day(value: unknown): string | undefined {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))
    ? value
    : undefined;
}

function minorUnits(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/** Drops undefined fields, so equal states are equal objects (and the address stays short). */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Reads the address leniently: anything malformed (a hand-edited link, an old bookmark) is left out
 * rather than making the API refuse the whole list.
 */
export function parseOrdersSearch(raw: Record<string, unknown>): OrdersSearch {
  const page = Number(raw.page);
  return compact({
    ...filterOf(raw),
    sort: oneOf(orderSorts, raw.sort) === 'newest' ? undefined : oneOf(orderSorts, raw.sort),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  });
}

/** The filter part of the address (no sort, no page). */
export function filterOf(search: Record<string, unknown>): OrderListFilter {
  return compact({
    q: text(search.q, 200),
    status: oneOf(orderStatuses, search.status),
    financialStatus: oneOf(financialStatuses, search.financialStatus),
    fulfilmentStatus: oneOf(fulfilmentStatuses, search.fulfilmentStatus),
    from: day(search.from),
    to: day(search.to),
    tag: text(search.tag, 60),
    totalMin: minorUnits(search.totalMin),
    totalMax: minorUnits(search.totalMax),
  });
}

/** Whether anything narrows the list (for "No orders match" against "No orders yet"). */
export function isFiltered(filter: OrderListFilter): boolean {
  return filterKeys.some((key) => filter[key] !== undefined);
}

/** The filter as a query string, for the CSV download's address. */
export function filterQueryString(filter: OrderListFilter): string {
  const params = new URLSearchParams();
  for (const key of filterKeys) {
    const value = filter[key];
    if (value !== undefined) params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * The list's quick views, as Shopify has them above its order list: each is a filter, and the tab
 * whose filter the list shows exactly is the one marked.
 */
export const orderViews = [
  { value: 'all', label: 'All', filter: {} },
  { value: 'unfulfilled', label: 'Unfulfilled', filter: { status: 'open', fulfilmentStatus: 'unfulfilled' } },
  { value: 'unpaid', label: 'Unpaid', filter: { financialStatus: 'pending' } },
  { value: 'open', label: 'Open', filter: { status: 'open' } },
  { value: 'cancelled', label: 'Cancelled', filter: { status: 'cancelled' } },
] as const satisfies readonly { value: string; label: string; filter: OrderListFilter }[];

/** The view whose statuses the filter has (other filters may narrow it further), or null. */
export function viewOf(filter: OrderListFilter): (typeof orderViews)[number]['value'] | null {
  const statuses = (f: OrderListFilter) =>
    JSON.stringify([f.status ?? null, f.financialStatus ?? null, f.fulfilmentStatus ?? null]);
  return orderViews.find((view) => statuses(view.filter) === statuses(filter))?.value ?? null;
}
