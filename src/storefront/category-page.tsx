import type { CategoryEntry, SearchResult } from '../modules/catalog/index.ts';
import { BreadcrumbJsonLd, CategoryBreadcrumbs } from './category-breadcrumbs.tsx';
import { Document, renderDocument } from './document.tsx';
import { productCount } from './listing/listing-labels.ts';
import type { ListingLinks } from './listing/listing-links.ts';
import { hasFilters, type ListingParams, type ListingSort, listingQuery } from './listing/listing-params.ts';
import { categoryPath } from './listing/listing-paths.ts';
import { listingCss } from './listing/listing-styles.ts';
import { ProductListing } from './listing/product-listing.tsx';
import { absoluteUrl, type StorefrontSite } from './site.ts';
import { StoreLayout } from './store-layout.tsx';

export interface CategoryPageView {
  category: CategoryEntry;
  /** From the top-level category down to this one. */
  trail: readonly CategoryEntry[];
  params: ListingParams;
  result: SearchResult;
  links: ListingLinks;
  sorts: readonly ListingSort[];
  pageSize: number;
}

/**
 * /categories/:handle: the products in a category and everything below it, with facets. The plain
 * listing (and its pages) is what search engines index; filtered and re-sorted views point at it.
 */
export function renderCategoryPage(site: StorefrontSite, view: CategoryPageView): string {
  const { store } = site;
  const { category, trail, params, result } = view;
  const path = categoryPath(site, category.handle);
  const narrowed = hasFilters(params) || params.sort !== undefined;
  const pageOnly = listingQuery(
    { q: '', page: params.page, vendors: [], types: [], options: [], inStock: false },
    store.baseCurrency,
  );
  const canonical = absoluteUrl(site.baseUrl, `${path}${narrowed ? '' : pageOnly}`);
  const title = `${category.name}${params.page > 1 ? ` (page ${params.page})` : ''} | ${store.name}`;
  const description = `${category.name} at ${store.name}: ${productCount(result.total)}.`;
  return renderDocument(
    <Document
      lang={site.locale}
      title={title}
      description={description}
      canonical={canonical}
      noindex={narrowed}
      head={
        <>
          <meta property="og:type" content="website" />
          <meta property="og:site_name" content={store.name} />
          <meta property="og:title" content={category.name} />
          <meta property="og:url" content={canonical} />
          <BreadcrumbJsonLd site={site} trail={trail} />
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant of this module, never user data. */}
          <style dangerouslySetInnerHTML={{ __html: listingCss }} />
        </>
      }
    >
      <StoreLayout site={site}>
        <CategoryBreadcrumbs site={site} trail={trail} />
        <section class="listing-head wrap">
          <h1>{category.name}</h1>
        </section>
        <div class="wrap">
          <ProductListing
            site={site}
            result={result}
            params={params}
            links={view.links}
            sorts={view.sorts}
            pageSize={view.pageSize}
            categoryId={category.id}
            emptyMessage={hasFilters(params) ? undefined : 'Nothing in this category yet.'}
          />
        </div>
      </StoreLayout>
    </Document>,
  );
}
