import {
  type CategoryEntry,
  type ImageManifest,
  imageSrc,
  type Product,
  type ProductDetail,
  storefrontDescriptionHtml,
  variantTitle,
} from '../modules/catalog/index.ts';
import {
  applyExperimentPoint,
  priceDisplay,
  productMediaOrder,
  productPageSections,
  productSections,
  productText,
} from '../modules/experiments/index.ts';
import type { StockAvailability } from '../modules/inventory/index.ts';
import { formatMinorAsDecimal, formatMoney } from '../platform/money.ts';
import { AddToCartForm } from './cart/add-to-cart-form.tsx';
import { CategoryBreadcrumbs } from './category-breadcrumbs.tsx';
import { Document, renderDocument } from './document.tsx';
import { JsonLdScript } from './json-ld.tsx';
import { HreflangLinks } from './locales/locale-links.tsx';
import { messagesFor, type StorefrontMessages } from './locales/messages/storefront-messages.ts';
import { variantPrice } from './market/market-prices.ts';
import { type CardImages, ProductGrid } from './product-card.tsx';
import {
  openGraphLocale,
  productMetaDescription,
  productPageTitle,
  productStructuredData,
} from './product-seo.ts';
import { imageAttributes } from './responsive-image.ts';
import {
  type ProductReviews,
  ProductReviewsSection,
  reviewStructuredData,
} from './reviews/product-reviews.tsx';
import { absoluteUrl, homePath, productImagePath, productPath, type StorefrontSite } from './site.ts';
import { StoreLayout } from './store-layout.tsx';

/** The main picture: full width on narrow screens, a bit over half of the 1180px page on wide ones. */
const MAIN_IMAGE_SIZES = '(min-width: 1180px) 600px, (min-width: 880px) 52vw, 100vw';
const THUMB_SIZE = 96;

/** What the page says of a variant's stock; a variant without stock information is in stock. */
function availabilityText(t: StorefrontMessages, stock: StockAvailability | undefined): string {
  switch (stock?.status) {
    case 'low_stock':
      return t.onlyLeft(stock.available ?? 0);
    case 'out_of_stock':
      return t.outOfStock;
    case 'backorder':
      return t.backorder;
    default:
      return t.inStock;
  }
}

/**
 * One product: gallery, price, variants, facts, description, and a few more products to move on to.
 * `?variant=` (the links in the variant list and in the structured data) selects a variant without
 * any client script. `stock` is each variant's availability (the selected one's is shown, sold-out
 * variants are marked in the list, and the structured data's offers carry it).
 */
export function renderProductPage(
  site: StorefrontSite,
  detail: ProductDetail,
  related: Product[],
  selectedVariantId?: string,
  categoryTrail: readonly CategoryEntry[] = [],
  sizes: { gallery?: ReadonlyMap<string, ImageManifest>; related?: CardImages } = {},
  stock?: ReadonlyMap<string, StockAvailability>,
  /** Published reviews and their figures; the section and the structured data's rating come from them. */
  reviews?: ProductReviews,
): string {
  const { store } = site;
  const t = messagesFor(site.locale);
  const { variants } = detail;
  // A running experiment on this product's image order shows the visitor's: the first is the main image.
  const images = applyExperimentPoint(productMediaOrder, site.experiments, detail.images);
  // A running experiment on this product's text shows the visitor's variant of title and description.
  const product = {
    ...detail.product,
    ...applyExperimentPoint(productText, site.experiments, {
      title: detail.product.title,
      description: detail.product.description,
    }),
  };
  const selected = variants.find((v) => v.id === selectedVariantId) ?? variants[0];
  const title = productPageTitle(site, product);
  const description = productMetaDescription(site, product);
  const canonical = absoluteUrl(site.baseUrl, productPath(site, product.handle));
  // Stored images (uploads, downloaded imports) from /media; the rest from where they were recorded.
  const gallery = images.flatMap((i) => {
    const url = imageSrc(i);
    return url ? [{ url, alt: i.alt ?? product.title, id: i.id }] : [];
  });
  // The gallery's first image is the product's cover (catalog keeps `imageUrl` in step with it), so
  // Open Graph and the structured data show the cover of the order this visitor sees.
  const imagePath = gallery[0]?.url ?? productImagePath(site, product);
  const image = absoluteUrl(site.baseUrl, imagePath);
  const shown = gallery.find((i) => i.id === selected?.imageId) ?? gallery[0];
  // Stored images carry their generated sizes; an image still at its recorded URL shows as it is.
  const main = imageAttributes(shown?.url ?? imagePath, shown ? sizes.gallery?.get(shown.id) : undefined, {
    sizes: MAIN_IMAGE_SIZES,
    fallbackWidth: 960,
    width: 800,
    height: 800,
  });
  // Every price on the page is the shopper's market's (markets' priceVariants), the structured data's too.
  const priceOf = (v: (typeof variants)[number]) => variantPrice(site, v, product.currency);
  const structuredData = {
    ...productStructuredData(
      detail,
      { canonical, image, images: gallery.map((i) => absoluteUrl(site.baseUrl, i.url)) },
      description,
      stock,
      priceOf,
    ),
    ...reviewStructuredData(reviews),
  };
  const selectedStock = selected ? stock?.get(selected.id) : undefined;
  const ogLocale = openGraphLocale(site.locale);
  const shownPrice = applyExperimentPoint(
    priceDisplay,
    site.experiments,
    selected
      ? priceOf(selected)
      : { amount: product.priceAmount, compareAtAmount: null, currency: product.currency },
  );
  const price = formatMoney(shownPrice.amount, shownPrice.currency, site.locale);
  const compareAt = shownPrice.compareAtAmount
    ? formatMoney(shownPrice.compareAtAmount, shownPrice.currency, site.locale)
    : null;
  const descriptionHtml = storefrontDescriptionHtml(product.description);
  // Below the product: reviews, then more products, unless an experiment orders them otherwise.
  const sectionOrder = applyExperimentPoint(productSections, site.experiments, productPageSections);

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
            content={formatMinorAsDecimal(shownPrice.amount, shownPrice.currency)}
          />
          <meta property="product:price:currency" content={shownPrice.currency} />
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
              src={main.src}
              srcset={main.srcset}
              sizes={main.sizes}
              alt={shown?.alt ?? product.title}
              width={main.width}
              height={main.height}
              decoding="async"
              fetchpriority="high"
            />
            {gallery.length > 1 ? (
              <ul class="thumbs">
                {gallery.map((i) => {
                  const thumb = imageAttributes(i.url, sizes.gallery?.get(i.id), {
                    sizes: `${THUMB_SIZE}px`,
                    fallbackWidth: 160,
                    width: THUMB_SIZE,
                    height: THUMB_SIZE,
                  });
                  return (
                    <li key={i.id}>
                      <img
                        src={thumb.src}
                        srcset={thumb.srcset}
                        sizes={thumb.sizes}
                        alt={i.alt}
                        width={thumb.width}
                        height={thumb.height}
                        loading="lazy"
                        decoding="async"
                      />
                    </li>
                  );
                })}
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
            {site.freeShippingFrom ? (
              <p class="free-shipping-note">
                {t.freeShippingNote(
                  formatMoney(site.freeShippingFrom.amount, site.freeShippingFrom.currency, site.locale),
                )}
              </p>
            ) : null}
            {variants.length > 1 ? (
              <nav class="variants" aria-label={t.chooseOption}>
                <ul>
                  {variants.map((v) => {
                    const soldOut = stock?.get(v.id)?.status === 'out_of_stock';
                    return (
                      <li key={v.id} class={soldOut ? 'sold-out' : undefined}>
                        <a
                          href={`?variant=${v.id}`}
                          aria-current={v.id === selected?.id ? 'true' : undefined}
                          rel="nofollow"
                        >
                          {variantTitle(v)} ·{' '}
                          {formatMoney(priceOf(v).amount, priceOf(v).currency, site.locale)}
                          {soldOut ? ` · ${t.outOfStock}` : null}
                        </a>
                      </li>
                    );
                  })}
                </ul>
              </nav>
            ) : null}
            <AddToCartForm
              site={site}
              variants={variants}
              selectedId={selected?.id}
              stock={stock}
              priceOf={priceOf}
            />
            <dl class="facts">
              <dt>{t.availability}</dt>
              <dd>
                <span class={`stock stock-${selectedStock?.status ?? 'in_stock'}`}>
                  {availabilityText(t, selectedStock)}
                </span>
              </dd>
              {selected?.sku ? (
                <>
                  <dt>{t.sku}</dt>
                  <dd>{selected.sku}</dd>
                </>
              ) : null}
              {product.productType ? (
                <>
                  <dt>{t.productType}</dt>
                  <dd>{product.productType}</dd>
                </>
              ) : null}
              {product.vendor ? (
                <>
                  <dt>{t.vendor}</dt>
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
        {sectionOrder.map((section) =>
          section === 'reviews' ? (
            reviews ? (
              <ProductReviewsSection key={section} site={site} productId={product.id} data={reviews} />
            ) : null
          ) : related.length > 0 ? (
            <section key={section} class="related wrap" aria-labelledby="related-heading">
              <div class="section-head">
                <h2 id="related-heading">{t.moreFrom(store.name)}</h2>
                <a href={homePath(site)}>{t.viewAll}</a>
              </div>
              <ProductGrid site={site} products={related} images={sizes.related} />
            </section>
          ) : null,
        )}
      </StoreLayout>
    </Document>,
  );
}
