import type { Product } from '../modules/catalog/index.ts';
import { Document, renderDocument } from './document.tsx';
import { HreflangLinks } from './locales/locale-links.tsx';
import { ProductGrid } from './product-card.tsx';
import { absoluteUrl, homePath, type StorefrontSite } from './site.ts';
import { StoreLayout } from './store-layout.tsx';

function homeDescription(site: StorefrontSite, products: Product[]): string {
  const names = products.slice(0, 3).map((p) => p.title);
  if (names.length === 0) return `${site.store.name} online store.`;
  return `Shop ${site.store.name}: ${names.join(', ')}${products.length > names.length ? ' and more' : ''}.`;
}

/** The store's home: its name and the grid of products on sale. */
export function renderHomePage(site: StorefrontSite, products: Product[]): string {
  const { store } = site;
  const canonical = absoluteUrl(site.baseUrl, homePath(site));
  const description = homeDescription(site, products);
  const count = products.length === 1 ? '1 product' : `${products.length} products`;
  return renderDocument(
    <Document
      lang={site.locale}
      title={store.name}
      description={description}
      canonical={canonical}
      head={
        <>
          <meta property="og:type" content="website" />
          <meta property="og:site_name" content={store.name} />
          <meta property="og:title" content={store.name} />
          <meta property="og:description" content={description} />
          <meta property="og:url" content={canonical} />
          <HreflangLinks site={site} />
        </>
      }
    >
      <StoreLayout site={site}>
        <section class="hero">
          <div class="wrap">
            <p class="eyebrow">Online store</p>
            <h1>{store.name}</h1>
            <p>
              Browse the whole collection: {count}, prices in {store.baseCurrency}.
            </p>
          </div>
        </section>
        <section id="products" class="wrap" aria-labelledby="products-heading">
          <div class="section-head">
            <h2 id="products-heading">All products</h2>
            <span>{count}</span>
          </div>
          {products.length > 0 ? (
            <ProductGrid site={site} products={products} />
          ) : (
            <p class="empty">No products are on sale yet. Please come back soon.</p>
          )}
        </section>
      </StoreLayout>
    </Document>,
  );
}
