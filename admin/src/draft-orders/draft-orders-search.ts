import { type DraftStatus, draftStatuses } from './draft-order-types.ts';

/** The draft list's state in the address: the status tab, the search and the page. */
export interface DraftOrdersSearch {
  status?: DraftStatus;
  q?: string;
  page?: number;
}

/** Reads the address leniently: what the screen would not understand is dropped. */
export function parseDraftOrdersSearch(search: Record<string, unknown>): DraftOrdersSearch {
  const parsed: DraftOrdersSearch = {};
  if (typeof search.status === 'string' && (draftStatuses as readonly string[]).includes(search.status)) {
    parsed.status = search.status as DraftStatus;
  }
  if (typeof search.q === 'string' && search.q.trim()) parsed.q = search.q.trim().slice(0, 200);
  const page = Number(search.page);
  if (Number.isInteger(page) && page > 1) parsed.page = page;
  return parsed;
}
