import { imageSrc } from './media/image-source.ts';
import type { Product, ProductDetail, ProductImage, ProductVariant } from './product-detail.ts';
import { variantTitle } from './variant-set.ts';

/** The storefront path of a product; stores served on their own domain also answer under /s/:store. */
export function storefrontPath(storeHandle: string, productHandle: string): string {
  return `/s/${storeHandle}/products/${productHandle}`;
}

const money = (amount: number | null, currency: string) => (amount === null ? null : { amount, currency });

/** A product as lists show it: no variants, the price range instead. */
export function productSummaryView(product: Product, storeHandle: string) {
  return {
    id: product.id,
    title: product.title,
    handle: product.handle,
    status: product.status,
    price: { amount: product.priceAmount, currency: product.currency },
    priceMax: { amount: product.priceMaxAmount, currency: product.currency },
    imageUrl: product.imageUrl,
    vendor: product.vendor,
    productType: product.productType,
    tags: product.tags,
    categoryId: product.categoryId,
    publishedAt: product.publishedAt,
    createdAt: product.createdAt,
    updatedAt: product.updatedAt,
    storefrontUrl: storefrontPath(storeHandle, product.handle),
  };
}

export function variantView(variant: ProductVariant, currency: string) {
  return {
    id: variant.id,
    title: variantTitle(variant),
    sku: variant.sku,
    barcode: variant.barcode,
    optionValues: [variant.option1, variant.option2, variant.option3].filter(Boolean),
    price: { amount: variant.priceAmount, currency },
    compareAtPrice: money(variant.compareAtAmount, currency),
    cost: money(variant.costAmount, currency),
    weightGrams: variant.weightGrams,
    requiresShipping: variant.requiresShipping,
    taxable: variant.taxable,
    taxClass: variant.taxClass,
    inventoryPolicy: variant.inventoryPolicy,
    imageId: variant.imageId,
  };
}

export function imageView(image: ProductImage) {
  return {
    id: image.id,
    position: image.position,
    // Stored images are served by this server; others from where they were recorded.
    url: imageSrc(image),
    sourceUrl: image.sourceUrl,
    alt: image.alt,
    width: image.width,
    height: image.height,
  };
}

/** The product as the admin API shows it, with variants and gallery. */
export function productView(detail: ProductDetail, storeHandle: string) {
  const { product, variants, images } = detail;
  return {
    ...productSummaryView(product, storeHandle),
    description: product.description,
    seoTitle: product.seoTitle,
    seoDescription: product.seoDescription,
    focusKeyword: product.focusKeyword,
    options: product.options,
    // The single variant's SKU, for the simple form (null when there are several).
    sku: variants.length === 1 ? variants[0]!.sku : null,
    variants: variants.map((v) => variantView(v, product.currency)),
    images: images.map(imageView),
  };
}
