import type { Product } from '../modules/catalog/index.ts';
import { formatMinorAsDecimal, formatMoney } from '../platform/money.ts';
import { Document, renderDocument } from './document.tsx';
import { JsonLdScript } from './json-ld.tsx';
import { ProductGrid } from './product-card.tsx';
import {
  openGraphLocale,
  productMetaDescription,
  productPageTitle,
  productStructuredData,
} from './product-seo.ts';
import { descriptionParagraphs } from './product-text.ts';
import { absoluteUrl, homePath, productImagePath, productPath, type StorefrontSite } from './site.ts';
import { StoreLayout } from './store-layout.tsx';

/** One product: picture, price, facts, description, and a few more products to move on to. */
export function renderProductPage(site: StorefrontSite, product: Product, related: Product[]): string {
  const { store } = site;
  const title = productPageTitle(site, product);
  const description = productMetaDescription(site, product);
  const canonical = absoluteUrl(site.baseUrl, productPath(site, product.handle));
  const imagePath = productImagePath(site, product);
  const image = absoluteUrl(site.baseUrl, imagePath);
  const structuredData = productStructuredData(product, { canonical, image }, description);
  const ogLocale = openGraphLocale(store.locale);
  const price = formatMoney(product.priceAmount, product.currency, store.locale);
  const paragraphs = descriptionParagraphs(product.description);

  return renderDocument(
    <Document
      lang={store.locale}
      title={title}
      description={description}
      canonical={canonical}
      head={
        <>
          <meta property="og:type" content="product" />
          <meta property="og:site_name" content={store.name} />
          <meta property="og:title" content={product.seoTitle ?? product.title} />
          <meta property="og:description" content={description} />
          <meta property="og:url" content={canonical} />
          <meta property="og:image" content={image} />
          <meta property="og:image:alt" content={product.title} />
          {ogLocale ? <meta property="og:locale" content={ogLocale} /> : null}
          <meta
            property="product:price:amount"
            content={formatMinorAsDecimal(product.priceAmount, product.currency)}
          />
          <meta property="product:price:currency" content={product.currency} />
          <meta name="twitter:card" content="summary_large_image" />
          <JsonLdScript data={structuredData} />
        </>
      }
    >
      <StoreLayout site={site}>
        <nav class="crumbs wrap" aria-label="Breadcrumb">
          <ol>
            <li>
              <a href={homePath(site)}>Home</a>
            </li>
            <li aria-current="page">{product.title}</li>
          </ol>
        </nav>
        <article class="product wrap">
          <div class="product-media">
            <img
              src={imagePath}
              alt={product.title}
              width={800}
              height={800}
              decoding="async"
              fetchpriority="high"
            />
          </div>
          <div class="product-info">
            {product.vendor ? <p class="product-vendor">{product.vendor}</p> : null}
            <h1>{product.title}</h1>
            <p class="product-price price">{price}</p>
            <dl class="facts">
              <dt>Availability</dt>
              <dd>
                <span class="stock">In stock</span>
              </dd>
              {product.sku ? (
                <>
                  <dt>SKU</dt>
                  <dd>{product.sku}</dd>
                </>
              ) : null}
              {product.productType ? (
                <>
                  <dt>Type</dt>
                  <dd>{product.productType}</dd>
                </>
              ) : null}
              {product.vendor ? (
                <>
                  <dt>Vendor</dt>
                  <dd>{product.vendor}</dd>
                </>
              ) : null}
            </dl>
            {paragraphs.length > 0 ? (
              <div class="description">
                {paragraphs.map((paragraph) => (
                  <p key={paragraph}>{paragraph}</p>
                ))}
              </div>
            ) : null}
          </div>
        </article>
        {related.length > 0 ? (
          <section class="related wrap" aria-labelledby="related-heading">
            <div class="section-head">
              <h2 id="related-heading">More from {store.name}</h2>
              <a href={homePath(site)}>View all</a>
            </div>
            <ProductGrid site={site} products={related} />
          </section>
        ) : null}
      </StoreLayout>
    </Document>,
  );
}
