import type { CategoryEntry, SearchResult } from '../modules/catalog/index.ts';
import { BreadcrumbJsonLd, CategoryBreadcrumbs } from './category-breadcrumbs.tsx';
import { Document, renderDocument } from './document.tsx';
import type { ListingLinks } from './listing/listing-links.ts';
import { hasFilters, type ListingParams, type ListingSort } from './listing/listing-params.ts';
import { categoryPath } from './listing/listing-paths.ts';
import { listingCss } from './listing/listing-styles.ts';
import { ProductListing } from './listing/product-listing.tsx';
import { HreflangLinks } from './locales/locale-links.tsx';
import { localeAlternates } from './locales/locale-site.ts';
import { messagesFor } from './locales/messages/storefront-messages.ts';
import type { CardImages } from './product-card.tsx';
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
  images?: CardImages;
}

/**
 * /categories/:handle: the products in a category and everything below it, with facets. The plain
 * listing (and its pages) is what search engines index, in each locale with its alternates;
 * filtered and re-sorted views point at it.
 */
export function renderCategoryPage(site: StorefrontSite, view: CategoryPageView): string {
  const { store } = site;
  const t = messagesFor(site.locale);
  const { category, trail, params, result } = view;
  const narrowed = hasFilters(params) || params.sort !== undefined;
  const pageQuery = !narrowed && params.page > 1 ? `?page=${params.page}` : '';
  const page: StorefrontSite = {
    ...site,
    alternates: localeAlternates(site, (s) => `${categoryPath(s, category.handle)}${pageQuery}`),
  };
  const canonical = absoluteUrl(site.baseUrl, `${categoryPath(site, category.handle)}${pageQuery}`);
  const name = params.page > 1 ? t.withPage(category.name, params.page) : category.name;
  const title = `${name} | ${store.name}`;
  const description = t.listingDescription(category.name, store.name, result.total);
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
          <HreflangLinks site={page} />
          <BreadcrumbJsonLd site={site} trail={trail} />
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant of this module, never user data. */}
          <style dangerouslySetInnerHTML={{ __html: listingCss }} />
        </>
      }
    >
      <StoreLayout site={page}>
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
            images={view.images}
            emptyMessage={hasFilters(params) ? undefined : t.emptyCategory}
          />
        </div>
      </StoreLayout>
    </Document>,
  );
}
