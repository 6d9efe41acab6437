import { messagesFor } from '../locales/messages/storefront-messages.ts';
import { type ListingLinks, listingHref } from './listing-links.ts';
import { type ListingParams, MAX_LISTING_PAGE } from './listing-params.ts';

/** The last page a listing of `total` products has (at least 1; never past what can be asked for). */
export function lastPage(total: number, pageSize: number): number {
  return Math.min(MAX_LISTING_PAGE, Math.max(1, Math.ceil(total / pageSize)));
}

/** Page numbers shown: the first, the last, and two either side of the current one. */
function shownPages(page: number, last: number): (number | 'gap')[] {
  const wanted = new Set(
    [1, last, page - 2, page - 1, page, page + 1, page + 2].filter((n) => n >= 1 && n <= last),
  );
  const sorted = [...wanted].sort((a, b) => a - b);
  const shown: (number | 'gap')[] = [];
  for (const [i, n] of sorted.entries()) {
    if (i > 0 && n - sorted[i - 1]! > 1) shown.push('gap');
    shown.push(n);
  }
  return shown;
}

export function ListingPagination({
  locale,
  params,
  links,
  total,
  pageSize,
}: {
  /** The page's locale, for the words and numbers. */
  locale: string;
  params: ListingParams;
  links: ListingLinks;
  total: number;
  pageSize: number;
}) {
  const last = lastPage(total, pageSize);
  if (last <= 1) return null;
  const t = messagesFor(locale);
  const at = (page: number) => listingHref(links, { ...params, page });
  return (
    <nav class="pagination" aria-label={t.pages}>
      {params.page > 1 ? (
        <a href={at(params.page - 1)} rel="prev">
          {t.previousPage}
        </a>
      ) : null}
      {shownPages(params.page, last).map((n, i) =>
        n === 'gap' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: gaps have no identity but their place.
          <span key={`gap-${i}`} class="gap">
            …
          </span>
        ) : (
          <a key={n} href={at(n)} aria-current={n === params.page ? 'page' : undefined}>
            {t.number(n)}
          </a>
        ),
      )}
      {params.page < last ? (
        <a href={at(params.page + 1)} rel="next">
          {t.nextPage}
        </a>
      ) : null}
    </nav>
  );
}
