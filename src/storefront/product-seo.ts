import { descriptionText, type Product, type ProductDetail, variantTitle } from '../modules/catalog/index.ts';
import type { StockAvailability, StockAvailabilityStatus } from '../modules/inventory/index.ts';
import { formatMinorAsDecimal } from '../platform/money.ts';
import { messagesFor } from './locales/messages/storefront-messages.ts';
import { summarise } from './product-text.ts';
import type { StorefrontSite } from './site.ts';

export function productPageTitle(site: StorefrontSite, product: Product): string {
  return product.seoTitle ?? `${product.title} | ${site.store.name}`;
}

export function productMetaDescription(site: StorefrontSite, product: Product): string {
  return (
    product.seoDescription ??
    (summarise(descriptionText(product.description)) ||
      messagesFor(site.locale).productAtStore(product.title, site.store.name))
  );
}

/** schema.org's ItemAvailability for what the page shows: a few left is LimitedAvailability. */
const schemaAvailability: Record<StockAvailabilityStatus, string> = {
  in_stock: 'https://schema.org/InStock',
  low_stock: 'https://schema.org/LimitedAvailability',
  out_of_stock: 'https://schema.org/OutOfStock',
  backorder: 'https://schema.org/BackOrder',
};

/**
 * schema.org Product with one Offer per variant (sku, price, optional GTIN, availability), as search
 * engines read it for rich results. A variant without stock information is in stock.
 */
export function productStructuredData(
  detail: ProductDetail,
  urls: { canonical: string; image: string; images?: string[] },
  description: string,
  stock?: ReadonlyMap<string, StockAvailability>,
  /** The price the page shows for a variant (the shopper's market); the base price when left out. */
  priceOf?: (variant: ProductDetail['variants'][number]) => { amount: number; currency: string },
) {
  const { product, variants } = detail;
  const shown = priceOf ?? ((v) => ({ amount: v.priceAmount, currency: product.currency }));
  const offers = variants.map((variant) => ({
    '@type': 'Offer',
    ...(variants.length > 1 ? { name: `${product.title} – ${variantTitle(variant)}` } : {}),
    ...(variant.sku ? { sku: variant.sku } : {}),
    ...(variant.barcode && /^\d{8}$|^\d{12,14}$/.test(variant.barcode) ? { gtin: variant.barcode } : {}),
    price: formatMinorAsDecimal(shown(variant).amount, shown(variant).currency),
    priceCurrency: shown(variant).currency,
    availability: schemaAvailability[stock?.get(variant.id)?.status ?? 'in_stock'],
    itemCondition: 'https://schema.org/NewCondition',
    url: variants.length > 1 ? `${urls.canonical}?variant=${variant.id}` : urls.canonical,
  }));
  const single = variants.length === 1 ? variants[0] : undefined;
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.title,
    description: summarise(descriptionText(product.description), 5000) || description,
    ...(single?.sku ? { sku: single.sku } : {}),
    image: urls.images && urls.images.length > 1 ? urls.images : (urls.images?.[0] ?? urls.image),
    ...(product.vendor ? { brand: { '@type': 'Brand', name: product.vendor } } : {}),
    ...(product.productType ? { category: product.productType } : {}),
    offers: offers.length === 1 ? offers[0] : offers,
  };
}

/** Open Graph wants `de_DE`; a bare language such as `en` has no Open Graph form worth guessing. */
export function openGraphLocale(locale: string): string | undefined {
  const match = /^([a-z]{2,3})-([A-Z]{2})$/.exec(locale);
  return match ? `${match[1]}_${match[2]}` : undefined;
}
