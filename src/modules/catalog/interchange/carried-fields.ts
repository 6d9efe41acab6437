import type { ShopifyColumns } from './shopify/shopify-columns.ts';
import type { StorepilotColumns } from './storepilot/storepilot-columns.ts';
import type { WooColumns } from './woocommerce/woocommerce-columns.ts';

/**
 * Fields of a product record that a file may or may not carry. A field the file has no column for
 * is not "empty": an import must leave the stored value alone, or a WooCommerce file (which has no
 * product type or SEO title) would wipe them, and a round trip through it would lose data.
 */
export const carriedFieldNames = [
  'handle',
  'descriptionHtml',
  'vendor',
  'productType',
  'category',
  'tags',
  'status',
  'seoTitle',
  'seoDescription',
  'images',
  'imageAlt',
  'barcode',
  'compareAt',
  'cost',
  'weight',
  'taxClass',
  'requiresShipping',
  'taxable',
  'inventoryPolicy',
] as const;

export type CarriedField = (typeof carriedFieldNames)[number];

function present(columns: Partial<Record<CarriedField, unknown>>): ReadonlySet<CarriedField> {
  return new Set(carriedFieldNames.filter((field) => columns[field] !== undefined));
}

export function shopifyCarriedFields(c: ShopifyColumns): ReadonlySet<CarriedField> {
  return present({
    handle: c.handle,
    descriptionHtml: c.body,
    vendor: c.vendor,
    productType: c.type,
    category: c.category,
    tags: c.tags,
    status: c.status ?? c.published,
    seoTitle: c.seoTitle,
    seoDescription: c.seoDescription,
    images: c.imageSrc,
    imageAlt: c.imageAlt,
    barcode: c.barcode,
    compareAt: c.compareAtPrice,
    cost: c.costPerItem,
    weight: c.grams,
    taxClass: c.taxCode,
    requiresShipping: c.requiresShipping,
    taxable: c.taxable,
    inventoryPolicy: c.inventoryPolicy,
  });
}

/** WooCommerce has no handle (slug), product type, SEO title, image alt text or cost columns. */
export function wooCarriedFields(c: WooColumns): ReadonlySet<CarriedField> {
  return present({
    descriptionHtml: c.description,
    vendor: c.brands,
    category: c.categories,
    tags: c.tags,
    status: c.published,
    seoDescription: c.shortDescription,
    images: c.images,
    barcode: c.gtin,
    compareAt: c.salePrice,
    weight: c.weight,
    taxClass: c.taxClass,
    requiresShipping: c.type,
    taxable: c.taxStatus,
    inventoryPolicy: c.backorders,
  });
}

export function storepilotCarriedFields(c: StorepilotColumns): ReadonlySet<CarriedField> {
  return present({
    handle: c.handle,
    descriptionHtml: c.description,
    vendor: c.vendor,
    productType: c.productType,
    category: c.category,
    tags: c.tags,
    status: c.status,
    seoTitle: c.seoTitle,
    seoDescription: c.seoDescription,
    images: c.imageUrl,
    imageAlt: c.imageAlt,
    barcode: c.barcode,
    compareAt: c.compareAtPrice,
    cost: c.cost,
    weight: c.weight,
    taxClass: c.taxClass,
    requiresShipping: c.requiresShipping,
    taxable: c.taxable,
    inventoryPolicy: c.inventoryPolicy,
  });
}
