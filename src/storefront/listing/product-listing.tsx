import type { CategoryEntry, SearchResult } from '../../modules/catalog/index.ts';
import { messagesFor } from '../locales/messages/storefront-messages.ts';
import { type CardImages, ProductGrid } from '../product-card.tsx';
import type { StorefrontSite } from '../site.ts';
import { FacetPanel } from './facet-panel.tsx';
import type { ListingLinks } from './listing-links.ts';
import { ListingPagination } from './listing-pagination.tsx';
import type { ListingParams, ListingSort } from './listing-params.ts';
import { ListingToolbar } from './listing-toolbar.tsx';

export interface ProductListingProps {
  site: StorefrontSite;
  /** What the search engine found, with facets (`searchCatalog(…, { facets: true })`). */
  result: SearchResult;
  params: ListingParams;
  links: ListingLinks;
  /** The orders offered; the first is the listing's default. */
  sorts: readonly ListingSort[];
  pageSize: number;
  /** The category the listing is in, whose children the category facet offers; null for the top level. */
  categoryId?: string | null;
  /** Whether to offer the category facet (default yes). */
  showCategories?: boolean;
  /** A category narrowing chosen with `category=`, shown among the active filters. */
  chosenCategory?: CategoryEntry;
  /** Said when nothing matches, above the way to clear the filters. */
  emptyMessage?: string;
  /** Generated sizes of the cards' images, by product id (`srcset`); others show as they are. */
  images?: CardImages;
}

/**
 * A product listing with its filters: facets beside the grid, the count, the order, active filters
 * and pages. Used by the search, category and collection pages: give it the search result, the
 * parsed parameters and where its links go.
 */
export function ProductListing(props: ProductListingProps) {
  const { site, result, params, links, sorts, pageSize } = props;
  const t = messagesFor(site.locale);
  return (
    <div class="listing">
      {result.facets ? (
        <aside id="filters" class="listing-filters" aria-label={t.filters}>
          <FacetPanel
            site={site}
            facets={result.facets}
            params={params}
            links={links}
            categoryId={props.categoryId ?? null}
            showCategories={props.showCategories}
          />
        </aside>
      ) : null}
      <section class="listing-results" aria-label={t.products}>
        <ListingToolbar
          site={site}
          params={params}
          links={links}
          total={result.total}
          sorts={sorts}
          category={props.chosenCategory}
          filtersAnchor={result.facets ? '#filters' : undefined}
        />
        {result.items.length > 0 ? (
          <ProductGrid site={site} products={result.items} images={props.images} />
        ) : (
          <p class="empty">{props.emptyMessage ?? t.noMatchingProducts}</p>
        )}
        <ListingPagination
          locale={site.locale}
          params={params}
          links={links}
          total={result.total}
          pageSize={pageSize}
        />
      </section>
    </div>
  );
}
