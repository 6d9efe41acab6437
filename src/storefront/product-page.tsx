import {
  type CategoryEntry,
  imageSrc,
  type Product,
  type ProductDetail,
  storefrontDescriptionHtml,
  variantTitle,
} from '../modules/catalog/index.ts';
import { formatMinorAsDecimal, formatMoney } from '../platform/money.ts';
import { CategoryBreadcrumbs } from './category-breadcrumbs.tsx';
import { Document, renderDocument } from './document.tsx';
import { JsonLdScript } from './json-ld.tsx';
import { HreflangLinks } from './locales/locale-links.tsx';
import { ProductGrid } from './product-card.tsx';
import {
  openGraphLocale,
  productMetaDescription,
  productPageTitle,
  productStructuredData,
} from './product-seo.ts';
import { absoluteUrl, homePath, productImagePath, productPath, type StorefrontSite } from './site.ts';
import { StoreLayout } from './store-layout.tsx';

/**
 * One product: gallery, price, variants, facts, description, and a few more products to move on to.
 * `?variant=` (the links in the variant list and in the structured data) selects a variant without
 * any client script.
 */
export function renderProductPage(
  site: StorefrontSite,
  detail: ProductDetail,
  related: Product[],
  selectedVariantId?: string,
  categoryTrail: readonly CategoryEntry[] = [],
): string {
  const { store } = site;
  const { product, variants, images } = detail;
  const selected = variants.find((v) => v.id === selectedVariantId) ?? variants[0];
  const title = productPageTitle(site, product);
  const description = productMetaDescription(site, product);
  const canonical = absoluteUrl(site.baseUrl, productPath(site, product.handle));
  const imagePath = productImagePath(site, product);
  const image = absoluteUrl(site.baseUrl, imagePath);
  // Stored images (uploads, downloaded imports) from /media; the rest from where they were recorded.
  const gallery = images.flatMap((i) => {
    const url = imageSrc(i);
    return url ? [{ url, alt: i.alt ?? product.title, id: i.id }] : [];
  });
  const shown = gallery.find((i) => i.id === selected?.imageId) ?? gallery[0];
  const structuredData = productStructuredData(
    detail,
    { canonical, image, images: gallery.map((i) => absoluteUrl(site.baseUrl, i.url)) },
    description,
  );
  const ogLocale = openGraphLocale(site.locale);
  const price = formatMoney(selected?.priceAmount ?? product.priceAmount, product.currency, site.locale);
  const compareAt =
    selected?.compareAtAmount && selected.compareAtAmount > selected.priceAmount
      ? formatMoney(selected.compareAtAmount, product.currency, site.locale)
      : null;
  const descriptionHtml = storefrontDescriptionHtml(product.description);

  return renderDocument(
    <Document
      lang={site.locale}
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
          <HreflangLinks site={site} />
        </>
      }
    >
      <StoreLayout site={site}>
        <CategoryBreadcrumbs site={site} trail={categoryTrail} current={product.title} />
        <article class="product wrap">
          <div class="product-media">
            <img
              src={shown?.url ?? imagePath}
              alt={shown?.alt ?? product.title}
              width={800}
              height={800}
              decoding="async"
              fetchpriority="high"
            />
            {gallery.length > 1 ? (
              <ul class="thumbs">
                {gallery.map((i) => (
                  <li key={i.id}>
                    <img src={i.url} alt={i.alt} width={96} height={96} loading="lazy" decoding="async" />
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
          <div class="product-info">
            {product.vendor ? <p class="product-vendor">{product.vendor}</p> : null}
            <h1>{product.title}</h1>
            <p class="product-price price">
              {price}
              {compareAt ? (
                <>
                  {' '}
                  <s class="compare-at">{compareAt}</s>
                </>
              ) : null}
            </p>
            {variants.length > 1 ? (
              <nav class="variants" aria-label="Choose an option">
                <ul>
                  {variants.map((v) => (
                    <li key={v.id}>
                      <a
                        href={`?variant=${v.id}`}
                        aria-current={v.id === selected?.id ? 'true' : undefined}
                        rel="nofollow"
                      >
                        {variantTitle(v)} · {formatMoney(v.priceAmount, product.currency, site.locale)}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            ) : null}
            <dl class="facts">
              <dt>Availability</dt>
              <dd>
                <span class="stock">In stock</span>
              </dd>
              {selected?.sku ? (
                <>
                  <dt>SKU</dt>
                  <dd>{selected.sku}</dd>
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
            {descriptionHtml ? (
              // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by storefrontDescriptionHtml
              <div class="description" dangerouslySetInnerHTML={{ __html: descriptionHtml }} />
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
