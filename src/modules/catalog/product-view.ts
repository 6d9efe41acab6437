import type { Product } from './products.ts';

/** The storefront path of a product; stores served on their own domain also answer under /s/:store. */
export function storefrontPath(storeHandle: string, productHandle: string): string {
  return `/s/${storeHandle}/products/${productHandle}`;
}

/** The product as the admin API shows it. */
export function productView(product: Product, storeHandle: string) {
  return {
    id: product.id,
    title: product.title,
    handle: product.handle,
    description: product.description,
    status: product.status,
    price: { amount: product.priceAmount, currency: product.currency },
    sku: product.sku,
    imageUrl: product.imageUrl,
    seoTitle: product.seoTitle,
    seoDescription: product.seoDescription,
    vendor: product.vendor,
    productType: product.productType,
    publishedAt: product.publishedAt,
    createdAt: product.createdAt,
    updatedAt: product.updatedAt,
    storefrontUrl: storefrontPath(storeHandle, product.handle),
  };
}
