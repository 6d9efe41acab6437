import {
  type Collection,
  type CollectionSortOrder,
  descriptionText,
  type Product,
  storefrontDescriptionHtml,
} from '../modules/catalog/index.ts';
import { Document, renderDocument } from './document.tsx';
import { JsonLdScript } from './json-ld.tsx';
import { ProductGrid } from './product-card.tsx';
import { absoluteUrl, homePath, productPath, type StorefrontSite } from './site.ts';
import { StoreLayout } from './store-layout.tsx';

export const COLLECTION_PAGE_SIZE = 24;

/** The orders a shopper can pick, with their labels; "manual" is offered only where the editor set one. */
const sortLabels: Record<CollectionSortOrder, string> = {
  manual: 'Featured',
  title_asc: 'Name, A to Z',
  title_desc: 'Name, Z to A',
  price_asc: 'Price, low to high',
  price_desc: 'Price, high to low',
  newest: 'Newest',
};

export function collectionPath(site: StorefrontSite, handle: string): string {
  return `${site.basePath}/collections/${encodeURIComponent(handle)}`;
}

export interface CollectionPageView {
  collection: Collection;
  products: Product[];
  total: number;
  /** 1-based. */
  page: number;
  sort: CollectionSortOrder;
  /** Whether `sort` was asked for (else it is the collection's own order). */
  sortChosen: boolean;
}

/** The page's address with its sort and page (the defaults are left out, so each listing has one URL). */
function pageHref(site: StorefrontSite, view: CollectionPageView, page: number, sort?: CollectionSortOrder) {
  const params = new URLSearchParams();
  const chosen = sort ?? (view.sortChosen ? view.sort : undefined);
  if (chosen && chosen !== view.collection.sortOrder) params.set('sort', chosen);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return `${collectionPath(site, view.collection.handle)}${query ? `?${query}` : ''}`;
}

// Only what this page adds to the shared stylesheet.
const collectionCss =
  '.collection-head{padding:48px 0 24px;display:grid;gap:24px}@media (min-width:880px){.collection-head.has-image{grid-template-columns:1fr 320px;align-items:center}}' +
  '.collection-head h1{font-size:clamp(2rem,5vw,3rem);margin:0 0 12px}.collection-head img{border-radius:var(--radius);border:1px solid var(--line)}' +
  '.sort-form{display:flex;gap:8px;align-items:center;font-size:.95rem}.sort-form select,.sort-form button{font:inherit;padding:6px 10px;border-radius:10px;border:1px solid var(--line);background:#fff}' +
  '.pager{display:flex;gap:16px;justify-content:center;align-items:center;margin:-40px 0 72px;color:var(--muted)}.pager a{font-weight:600;color:var(--ink)}';

/**
 * /collections/:handle: the collection's products on sale, in its order or the one picked, paged.
 * The faceted listing of the search and category pages (listing/) needs a search result; it can
 * take over here once the search engine accepts a product scope (a rule predicate or a manual list).
 */
export function renderCollectionPage(site: StorefrontSite, view: CollectionPageView): string {
  const { store } = site;
  const { collection, products, total, page } = view;
  const pages = Math.max(1, Math.ceil(total / COLLECTION_PAGE_SIZE));
  // Sorted views are the same listing: they point at the collection's own address.
  const canonical = absoluteUrl(site.baseUrl, pageHref(site, { ...view, sortChosen: false }, page));
  const title = collection.seoTitle ?? `${collection.title} – ${store.name}`;
  const description =
    collection.seoDescription ??
    (descriptionText(collection.description).slice(0, 160) || `${collection.title} at ${store.name}.`);
  const count = total === 1 ? '1 product' : `${total} products`;
  const sorts = (Object.keys(sortLabels) as CollectionSortOrder[]).filter(
    (s) => s !== 'manual' || collection.kind === 'manual',
  );
  return renderDocument(
    <Document
      lang={site.locale}
      title={page > 1 ? `${title} (page ${page})` : title}
      description={description}
      canonical={canonical}
      head={
        <>
          <meta property="og:type" content="website" />
          <meta property="og:title" content={collection.seoTitle ?? collection.title} />
          <meta property="og:description" content={description} />
          <meta property="og:url" content={canonical} />
          {collection.imageUrl ? (
            <meta property="og:image" content={absoluteUrl(site.baseUrl, collection.imageUrl)} />
          ) : null}
          {page > 1 ? (
            <link rel="prev" href={absoluteUrl(site.baseUrl, pageHref(site, view, page - 1))} />
          ) : null}
          {page < pages ? (
            <link rel="next" href={absoluteUrl(site.baseUrl, pageHref(site, view, page + 1))} />
          ) : null}
          <JsonLdScript
            data={{
              '@context': 'https://schema.org',
              '@type': 'CollectionPage',
              name: collection.title,
              url: canonical,
              mainEntity: {
                '@type': 'ItemList',
                numberOfItems: total,
                itemListElement: products.map((p, i) => ({
                  '@type': 'ListItem',
                  position: (page - 1) * COLLECTION_PAGE_SIZE + i + 1,
                  url: absoluteUrl(site.baseUrl, productPath(site, p.handle)),
                })),
              },
            }}
          />
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant of this module, never user data. */}
          <style dangerouslySetInnerHTML={{ __html: collectionCss }} />
        </>
      }
    >
      <StoreLayout site={site}>
        <nav class="crumbs wrap" aria-label="Breadcrumb">
          <ol>
            <li>
              <a href={homePath(site)}>Home</a>
            </li>
            <li aria-current="page">{collection.title}</li>
          </ol>
        </nav>
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
        <section class="wrap" aria-labelledby="collection-products">
          <div class="section-head">
            <h2 id="collection-products">{count}</h2>
            <form class="sort-form" method="get" action={collectionPath(site, collection.handle)}>
              <label for="sort">Sort by</label>
              <select id="sort" name="sort">
                {sorts.map((s) => (
                  <option key={s} value={s} selected={s === view.sort}>
                    {sortLabels[s]}
                  </option>
                ))}
              </select>
              <button type="submit">Apply</button>
            </form>
          </div>
          {products.length > 0 ? (
            <ProductGrid site={site} products={products} />
          ) : (
            <p class="empty">Nothing in this collection right now. Please come back soon.</p>
          )}
          {pages > 1 ? (
            <nav class="pager" aria-label="Pages">
              {page > 1 ? <a href={pageHref(site, view, page - 1)}>← Previous</a> : null}
              <span>
                Page {page} of {pages}
              </span>
              {page < pages ? <a href={pageHref(site, view, page + 1)}>Next →</a> : null}
            </nav>
          ) : null}
        </section>
      </StoreLayout>
    </Document>,
  );
}
