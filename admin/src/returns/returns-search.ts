import { type ReturnStatus, returnStatuses } from '../orders/order-types.ts';

/** The returns screen's state in the address: the tab, the list's status filter and page, the report's days. */
export interface ReturnsSearch {
  tab?: 'reasons';
  status?: ReturnStatus;
  page?: number;
  /** The reasons report's first and last day (YYYY-MM-DD). */
  from?: string;
  to?: string;
}

const isDay = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));

/** Reads the address leniently: what the screen would not understand is dropped. */
export function parseReturnsSearch(search: Record<string, unknown>): ReturnsSearch {
  const page = Number(search.page);
  const parsed: ReturnsSearch = {};
  if (search.tab === 'reasons') parsed.tab = 'reasons';
  if (typeof search.status === 'string' && (returnStatuses as readonly string[]).includes(search.status)) {
    parsed.status = search.status as ReturnStatus;
  }
  if (Number.isInteger(page) && page > 1) parsed.page = page;
  if (isDay(search.from)) parsed.from = search.from;
  if (isDay(search.to)) parsed.to = search.to;
  return parsed;
}

/** The report's default period: the last 90 days up to today (UTC, as the API counts days). */
export function defaultReportDays(now = new Date()): { from: string; to: string } {
  const to = now.toISOString().slice(0, 10);
  const from = new Date(now.getTime() - 89 * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}
