import type { CategoryEntry, SearchResult } from '../modules/catalog/index.ts';
import { Document, renderDocument } from './document.tsx';
import type { ListingLinks } from './listing/listing-links.ts';
import type { ListingParams, ListingSort } from './listing/listing-params.ts';
import { searchPath } from './listing/listing-paths.ts';
import { listingCss } from './listing/listing-styles.ts';
import { ProductListing } from './listing/product-listing.tsx';
import { messagesFor, type StorefrontMessages } from './locales/messages/storefront-messages.ts';
import type { CardImages } from './product-card.tsx';
import type { StorefrontSite } from './site.ts';
import { StoreLayout } from './store-layout.tsx';

export interface SearchPageView {
  params: ListingParams;
  /** Absent when nothing was asked yet (the bare search page). */
  result?: SearchResult;
  links: ListingLinks;
  sorts: readonly ListingSort[];
  pageSize: number;
  /** The category chosen with `category=`. */
  category?: CategoryEntry;
  images?: CardImages;
}

/** The words that were read differently, e.g. "chamomile" for "chamomle". */
function CorrectionNote({ t, q, result }: { t: StorefrontMessages; q: string; result: SearchResult }) {
  if (result.match !== 'corrected' || result.corrections.length === 0) return null;
  const readAs = result.corrections.map((c) => c.readAs[0]).join(', ');
  const [before, after] = t.correctedSearch(q);
  return (
    <p class="search-note">
      {before}
      <strong>{readAs}</strong>
      {after}
    </p>
  );
}

/** /search?q=…: a search box, and the matching products with their filters. Never indexed. */
export function renderSearchPage(site: StorefrontSite, view: SearchPageView): string {
  const { store } = site;
  const t = messagesFor(site.locale);
  const { params, result } = view;
  const title = `${params.q ? t.searchTitle(params.q) : t.search} | ${store.name}`;
  return renderDocument(
    <Document
      lang={site.locale}
      title={title}
      noindex
      head={
        // biome-ignore lint/security/noDangerouslySetInnerHtml: a constant of this module, never user data.
        <style dangerouslySetInnerHTML={{ __html: listingCss }} />
      }
    >
      <StoreLayout site={site}>
        <section class="listing-head wrap">
          <h1>{params.q ? t.resultsFor(params.q) : t.search}</h1>
          <form class="search-form" method="get" action={searchPath(site)}>
            <label class="skip" for="search-q">
              {t.searchTheStore}
            </label>
            <input
              id="search-q"
              type="search"
              name="q"
              value={params.q}
              maxLength={200}
              placeholder={t.searchPlaceholder}
              autoComplete="off"
            />
            <button type="submit">{t.searchButton}</button>
          </form>
          {result ? <CorrectionNote t={t} q={params.q} result={result} /> : null}
        </section>
        {result ? (
          <div class="wrap">
            <ProductListing
              site={site}
              result={result}
              params={params}
              links={view.links}
              sorts={view.sorts}
              pageSize={view.pageSize}
              categoryId={view.category?.id ?? null}
              chosenCategory={view.category}
              images={view.images}
              emptyMessage={params.q ? t.nothingMatches(params.q) : t.noMatchingProducts}
            />
          </div>
        ) : null}
      </StoreLayout>
    </Document>,
  );
}
