import type { Product } from '../modules/catalog/index.ts';
import { Document, renderDocument } from './document.tsx';
import { HreflangLinks } from './locales/locale-links.tsx';
import { messagesFor } from './locales/messages/storefront-messages.ts';
import { type CardImages, ProductGrid } from './product-card.tsx';
import { absoluteUrl, homePath, type StorefrontSite } from './site.ts';
import { StoreLayout } from './store-layout.tsx';

function homeDescription(site: StorefrontSite, products: Product[]): string {
  const names = products.slice(0, 3).map((p) => p.title);
  return messagesFor(site.locale).homeDescription(site.store.name, names, products.length > names.length);
}

/** The store's home: its name and the grid of products on sale. */
export function renderHomePage(site: StorefrontSite, products: Product[], images?: CardImages): string {
  const { store } = site;
  const t = messagesFor(site.locale);
  const canonical = absoluteUrl(site.baseUrl, homePath(site));
  const description = homeDescription(site, products);
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
            <p class="eyebrow">{t.onlineStore}</p>
            <h1>{store.name}</h1>
            <p>{t.homeIntro(products.length, site.market?.currency ?? store.baseCurrency)}</p>
          </div>
        </section>
        <section id="products" class="wrap" aria-labelledby="products-heading">
          <div class="section-head">
            <h2 id="products-heading">{t.allProducts}</h2>
            <span>{t.productCount(products.length)}</span>
          </div>
          {products.length > 0 ? (
            <ProductGrid site={site} products={products} images={images} />
          ) : (
            <p class="empty">{t.nothingOnSaleYet}</p>
          )}
        </section>
      </StoreLayout>
    </Document>,
  );
}
