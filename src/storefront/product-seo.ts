import type { Product } from '../modules/catalog/index.ts';
import { formatMinorAsDecimal } from '../platform/money.ts';
import { summarise } from './product-text.ts';
import type { StorefrontSite } from './site.ts';

export function productPageTitle(site: StorefrontSite, product: Product): string {
  return product.seoTitle ?? `${product.title} | ${site.store.name}`;
}

export function productMetaDescription(site: StorefrontSite, product: Product): string {
  return (
    product.seoDescription ?? (summarise(product.description) || `${product.title} at ${site.store.name}.`)
  );
}

/** schema.org Product with its one Offer, as search engines read it for rich results. */
export function productStructuredData(
  product: Product,
  urls: { canonical: string; image: string },
  description: string,
) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.title,
    description: product.description.trim() || description,
    ...(product.sku ? { sku: product.sku } : {}),
    image: urls.image,
    ...(product.vendor ? { brand: { '@type': 'Brand', name: product.vendor } } : {}),
    ...(product.productType ? { category: product.productType } : {}),
    offers: {
      '@type': 'Offer',
      price: formatMinorAsDecimal(product.priceAmount, product.currency),
      priceCurrency: product.currency,
      availability: 'https://schema.org/InStock',
      url: urls.canonical,
    },
  };
}

/** Open Graph wants `de_DE`; a bare language such as `en` has no Open Graph form worth guessing. */
export function openGraphLocale(locale: string): string | undefined {
  const match = /^([a-z]{2,3})-([A-Z]{2})$/.exec(locale);
  return match ? `${match[1]}_${match[2]}` : undefined;
}
