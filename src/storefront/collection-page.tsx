import {
  type CategoryEntry,
  type Collection,
  descriptionText,
  type SearchResult,
  storefrontDescriptionHtml,
} from '../modules/catalog/index.ts';
import { CategoryBreadcrumbs } from './category-breadcrumbs.tsx';
import { Document, renderDocument } from './document.tsx';
import { JsonLdScript } from './json-ld.tsx';
import type { ListingLinks } from './listing/listing-links.ts';
import { hasFilters, type ListingParams, type ListingSort } from './listing/listing-params.ts';
import { collectionPath } from './listing/listing-paths.ts';
import { listingCss } from './listing/listing-styles.ts';
import { ProductListing } from './listing/product-listing.tsx';
import { HreflangLinks } from './locales/locale-links.tsx';
import { localeAlternates } from './locales/locale-site.ts';
import { messagesFor } from './locales/messages/storefront-messages.ts';
import type { CardImages } from './product-card.tsx';
import { absoluteUrl, productPath, type StorefrontSite } from './site.ts';
import { StoreLayout } from './store-layout.tsx';

export interface CollectionPageView {
  collection: Collection;
  params: ListingParams;
  result: SearchResult;
  links: ListingLinks;
  /** The orders offered, the collection's own first. */
  sorts: readonly ListingSort[];
  pageSize: number;
  /** A category narrowing chosen with `category=`. */
  category?: CategoryEntry;
  images: CardImages;
}

// Only what this page adds to the listing's stylesheet.
const collectionCss =
  '.collection-head{padding:40px 0 8px;display:grid;gap:24px}@media (min-width:880px){.collection-head.has-image{grid-template-columns:1fr 320px;align-items:center}}' +
  '.collection-head h1{font-size:clamp(2rem,5vw,3rem);margin:0 0 12px}.collection-head img{border-radius:var(--radius);border:1px solid var(--line)}';

/**
 * /collections/:handle: the collection's products on sale with the facets, orders and pages of every
 * listing, in the page's locale. The plain listing (and its pages) is what search engines index, in
 * each locale with its alternates; filtered and re-sorted views point at it.
 */
export function renderCollectionPage(site: StorefrontSite, view: CollectionPageView): string {
  const { store } = site;
  const t = messagesFor(site.locale);
  const { collection, params, result } = view;
  const narrowed = hasFilters(params) || params.sort !== undefined;
  const pageQuery = !narrowed && params.page > 1 ? `?page=${params.page}` : '';
  const page: StorefrontSite = {
    ...site,
    alternates: localeAlternates(site, (s) => `${collectionPath(s, collection.handle)}${pageQuery}`),
  };
  const canonical = absoluteUrl(site.baseUrl, `${collectionPath(site, collection.handle)}${pageQuery}`);
  const baseTitle = collection.seoTitle ?? `${collection.title} – ${store.name}`;
  const description =
    collection.seoDescription ??
    (descriptionText(collection.description).slice(0, 160) ||
      t.listingDescription(collection.title, store.name, result.total));
  return renderDocument(
    <Document
      lang={site.locale}
      title={params.page > 1 ? t.withPage(baseTitle, params.page) : baseTitle}
      description={description}
      canonical={canonical}
      noindex={narrowed}
      head={
        <>
          <meta property="og:type" content="website" />
          <meta property="og:site_name" content={store.name} />
          <meta property="og:title" content={collection.seoTitle ?? collection.title} />
          <meta property="og:description" content={description} />
          <meta property="og:url" content={canonical} />
          {collection.imageUrl ? (
            <meta property="og:image" content={absoluteUrl(site.baseUrl, collection.imageUrl)} />
          ) : null}
          <HreflangLinks site={page} />
          <JsonLdScript
            data={{
              '@context': 'https://schema.org',
              '@type': 'CollectionPage',
              name: collection.title,
              url: canonical,
              inLanguage: site.locale,
              mainEntity: {
                '@type': 'ItemList',
                numberOfItems: result.total,
                itemListElement: result.items.map((p, i) => ({
                  '@type': 'ListItem',
                  position: (params.page - 1) * view.pageSize + i + 1,
                  url: absoluteUrl(site.baseUrl, productPath(site, p.handle)),
                })),
              },
            }}
          />
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: constants of these modules, never user data. */}
          <style dangerouslySetInnerHTML={{ __html: listingCss + collectionCss }} />
        </>
      }
    >
      <StoreLayout site={page}>
        <CategoryBreadcrumbs site={page} trail={[]} current={collection.title} />
        <section class={`collection-head wrap${collection.imageUrl ? ' has-image' : ''}`}>
          <div>
            <h1>{collection.title}</h1>
            {collection.description ? (
              <div
                class="description"
                // biome-ignore lint/security/noDangerouslySetInnerHtml: storefrontDescriptionHtml keeps only safe markup.
                dangerouslySetInnerHTML={{ __html: storefrontDescriptionHtml(collection.description) }}
              />
            ) : null}
          </div>
          {collection.imageUrl ? (
            <img src={collection.imageUrl} alt={collection.imageAlt ?? ''} width={640} height={640} />
          ) : null}
        </section>
        <div class="wrap">
          <ProductListing
            site={page}
            result={result}
            params={params}
            links={view.links}
            sorts={view.sorts}
            pageSize={view.pageSize}
            categoryId={view.category?.id ?? null}
            chosenCategory={view.category}
            images={view.images}
            emptyMessage={hasFilters(params) ? undefined : t.emptyCollection}
          />
        </div>
      </StoreLayout>
    </Document>,
  );
}
