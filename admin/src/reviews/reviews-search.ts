import { type ReviewFlag, type ReviewStatus, reviewFlags, reviewStatuses } from './review-types.ts';

/** The reviews screen's state in the address: the tab (pending when absent), the flag filter, the page. */
export interface ReviewsSearch {
  status?: ReviewStatus;
  flag?: ReviewFlag;
  page?: number;
}

/** Reads the address leniently: what the screen would not understand is dropped. */
export function parseReviewsSearch(search: Record<string, unknown>): ReviewsSearch {
  const parsed: ReviewsSearch = {};
  if (typeof search.status === 'string' && (reviewStatuses as readonly string[]).includes(search.status)) {
    parsed.status = search.status as ReviewStatus;
  }
  if (typeof search.flag === 'string' && (reviewFlags as readonly string[]).includes(search.flag)) {
    parsed.flag = search.flag as ReviewFlag;
  }
  const page = Number(search.page);
  if (Number.isInteger(page) && page > 1) parsed.page = page;
  return parsed;
}
