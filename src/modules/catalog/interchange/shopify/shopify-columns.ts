import type { Column, HeaderIndex } from '../csv-header.ts';

/**
 * Shopify's product CSV, current layout (Products → Import → sample CSV), in its column order.
 * The template's per-market columns ("Included / United States", "Price / International", …) are
 * left out of what we write: they name the template store's markets, and an empty market price
 * means nothing to another store.
 */
export const shopifyHeader = [
  'Handle',
  'Title',
  'Body (HTML)',
  'Vendor',
  'Product Category',
  'Type',
  'Tags',
  'Published',
  'Option1 Name',
  'Option1 Value',
  'Option2 Name',
  'Option2 Value',
  'Option3 Name',
  'Option3 Value',
  'Variant SKU',
  'Variant Grams',
  'Variant Inventory Tracker',
  'Variant Inventory Qty',
  'Variant Inventory Policy',
  'Variant Fulfillment Service',
  'Variant Price',
  'Variant Compare At Price',
  'Variant Requires Shipping',
  'Variant Taxable',
  'Variant Barcode',
  'Image Src',
  'Image Position',
  'Image Alt Text',
  'Gift Card',
  'SEO Title',
  'SEO Description',
  'Google Shopping / Google Product Category',
  'Google Shopping / Gender',
  'Google Shopping / Age Group',
  'Google Shopping / MPN',
  'Google Shopping / Condition',
  'Google Shopping / Custom Product',
  'Variant Image',
  'Variant Weight Unit',
  'Variant Tax Code',
  'Cost per item',
  'Status',
] as const;

export type ShopifyColumnName = (typeof shopifyHeader)[number];

/** Columns Shopify exports that carry nothing the catalog keeps (Google feed data, markets, metafields). */
const ignoredShopifyColumns: Array<string | RegExp> = [
  'Variant Fulfillment Service',
  /^Google Shopping \//i,
  /^(Included|Price|Compare At Price) \/ /i,
  /metafields\./i,
  /^Option[123] Linked To$/i,
  /^Unit Price /i,
  'Collection',
];

export interface ShopifyColumns {
  handle: Column;
  title: Column;
  body?: Column;
  vendor?: Column;
  category?: Column;
  type?: Column;
  tags?: Column;
  published?: Column;
  optionNames: Array<Column | undefined>;
  optionValues: Array<Column | undefined>;
  sku?: Column;
  grams?: Column;
  inventoryTracker?: Column;
  inventoryQty?: Column;
  inventoryPolicy?: Column;
  price: Column;
  compareAtPrice?: Column;
  requiresShipping?: Column;
  taxable?: Column;
  barcode?: Column;
  imageSrc?: Column;
  imagePosition?: Column;
  imageAlt?: Column;
  giftCard?: Column;
  seoTitle?: Column;
  seoDescription?: Column;
  variantImage?: Column;
  weightUnit?: Column;
  taxCode?: Column;
  costPerItem?: Column;
  status?: Column;
}

/** Binds Shopify's columns (current or legacy layout); null when a required one is missing. */
export function bindShopifyColumns(index: HeaderIndex): ShopifyColumns | null {
  const handle = index.require('Handle', 'it groups the rows of each product');
  const title = index.require('Title');
  const price = index.require('Variant Price');
  const columns = {
    body: index.take('Body (HTML)'),
    vendor: index.take('Vendor'),
    category: index.take('Product Category'),
    type: index.take('Type'),
    tags: index.take('Tags'),
    published: index.take('Published'),
    optionNames: [1, 2, 3].map((n) => index.take(`Option${n} Name`)),
    optionValues: [1, 2, 3].map((n) => index.take(`Option${n} Value`)),
    sku: index.take('Variant SKU'),
    grams: index.take('Variant Grams'),
    inventoryTracker: index.take('Variant Inventory Tracker'),
    inventoryQty: index.take('Variant Inventory Qty'),
    inventoryPolicy: index.take('Variant Inventory Policy'),
    compareAtPrice: index.take('Variant Compare At Price'),
    requiresShipping: index.take('Variant Requires Shipping'),
    taxable: index.take('Variant Taxable'),
    barcode: index.take('Variant Barcode'),
    imageSrc: index.take('Image Src'),
    imagePosition: index.take('Image Position'),
    imageAlt: index.take('Image Alt Text'),
    giftCard: index.take('Gift Card'),
    seoTitle: index.take('SEO Title'),
    seoDescription: index.take('SEO Description'),
    variantImage: index.take('Variant Image'),
    weightUnit: index.take('Variant Weight Unit'),
    taxCode: index.take('Variant Tax Code'),
    costPerItem: index.take('Cost per item'),
    status: index.take('Status'),
  };
  index.ignore(...ignoredShopifyColumns);
  if (!handle || !title || !price) return null;
  return { handle, title, price, ...columns };
}
